package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemException;

/** The {@code limit} query parameter shared by every list (1 to 100, 25 when absent), and other whole-number parameters. */
public final class Paging {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    private Paging() {}

    public static int limit(String raw) {
        return wholeNumber(raw, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, "BAD_LIMIT");
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
