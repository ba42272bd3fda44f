package com.example.clientmgmt.storage;

/**
 * The sort-key range of a query's key condition. DynamoDB requires a query's ExclusiveStartKey to lie inside it and
 * refuses the query otherwise (a ValidationException: a 500, had it reached DynamoDB); so every cursor-taking query
 * with a sort-key condition vets its cursor's position here before use, and one outside is a 400 BAD_CURSOR, as a
 * crafted, damaged or stale cursor (a page of another range: another {@code withinDays}) deserves. Keys compare as
 * DynamoDB compares them, by UTF-8 bytes, which is code point order (not Java's UTF-16 {@code compareTo}).
 * Queries on a partition alone ({@code pk = :pk}) need none: the partition comes from the caller, never the cursor;
 * nor does the notifications' {@code begins_with}: its cursor is an id, the prefix is put before it here.
 */
public final class SortKeyRange {
    private final String low;
    private final String high;
    private final boolean highInclusive;

    private SortKeyRange(String low, String high, boolean highInclusive) {
        this.low = low;
        this.high = high;
        this.highInclusive = highInclusive;
    }

    /** {@code sk BETWEEN :from AND :to}, both inclusive. */
    public static SortKeyRange between(String from, String to) {
        return new SortKeyRange(from, to, true);
    }

    /** {@code sk < :bound}. */
    public static SortKeyRange below(String bound) {
        return new SortKeyRange(null, bound, false);
    }

    boolean contains(String sortKey) {
        if (low != null && compare(sortKey, low) < 0) {
            return false;
        }
        return high == null || (highInclusive ? compare(sortKey, high) <= 0 : compare(sortKey, high) < 0);
    }

    /** {@code position} when it is null (a first page) or inside the range; otherwise the 400 of a bad cursor. */
    public String vet(String position) {
        if (position != null && !contains(position)) {
            throw Cursor.bad();
        }
        return position;
    }

    /** DynamoDB's order of string keys: UTF-8 bytes, that is code points. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
