package com.example.clientmgmt.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Server-generated ids: 26 characters of Crockford base32, time first (like a ULID), so that ids sort by
 * creation and never contain a character that could reach a storage key as structure.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String newId(Instant now) {
        char[] out = new char[26];
        long time = now.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /**
     * A new id that sorts after {@code previous} (an id of ours, or null), even when the clock has not moved
     * past it: where order is what "newest" means (a document's versions).
     */
    public static String newIdAfter(String previous, Instant now) {
        if (previous == null) {
            return newId(now);
        }
        long last = timeOf(previous);
        return newId(now.toEpochMilli() > last ? now : Instant.ofEpochMilli(last + 1));
    }

    /** The creation time (milliseconds) an id of ours starts with. */
    static long timeOf(String id) {
        long time = 0;
        for (int i = 0; i < 10; i++) {
            time = (time << 5) | new String(ALPHABET).indexOf(id.charAt(i));
        }
        return time;
    }

    /** True when the text could be an id we generated; anything else is simply not found. */
    public static boolean isWellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
