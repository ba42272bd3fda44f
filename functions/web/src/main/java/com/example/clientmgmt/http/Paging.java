package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemException;

/**
 * The {@code limit} query parameter shared by every list (1 to 100, 25 when absent), the {@code withinDays} of the lists
 * of what comes soon (0 to 366, 30 when absent: expiring documents, projects at risk), and other whole-number parameters.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_WITHIN_DAYS = 30;
    public static final int MAX_WITHIN_DAYS = 366;

    private Paging() {}

    public static int limit(String raw) {
        return wholeNumber(raw, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, "BAD_LIMIT");
    }

    public static int withinDays(String raw) {
        return wholeNumber(raw, "withinDays", 0, MAX_WITHIN_DAYS, DEFAULT_WITHIN_DAYS, "BAD_WITHIN_DAYS");
    }

    /**
     * A whole-number query parameter from {@code min} to {@code max}, {@code absent} when missing; anything
     * else is a 400 naming the parameter ({@code reason} with {@code max} as its argument).
     */
    public static int wholeNumber(String raw, String name, int min, int max, int absent, String reason) {
        if (raw == null) {
            return absent; // "limit=" with no value is not a number either
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(FieldError.of(name, reason, max));
    }
}
