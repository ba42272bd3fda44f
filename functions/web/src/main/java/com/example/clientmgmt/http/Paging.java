package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemException;

/** The {@code limit} query parameter shared by every list: 1 to 100, 25 when absent. */
public final class Paging {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    private Paging() {}

    public static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(FieldError.of("limit", "BAD_LIMIT", MAX_LIMIT));
    }
}
