package com.example.clientmgmt.domain;

import java.util.List;

/**
 * One invalid field of a request: its JSON name, a stable reason code (also the message key) and the
 * values the message needs.
 */
public record FieldError(String field, String reason, List<Object> args) {
    public static FieldError of(String field, String reason, Object... args) {
        return new FieldError(field, reason, List.of(args));
    }
}
