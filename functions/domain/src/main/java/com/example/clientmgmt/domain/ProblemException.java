package com.example.clientmgmt.domain;

import java.util.List;

/**
 * A refusal the user must be told about: a stable code, a message key with its arguments (the HTTP layer
 * renders it in the caller's language) and, for validation, the invalid fields.
 */
public class ProblemException extends RuntimeException {
    private final ProblemCode code;
    private final String messageKey;
    private final List<Object> args;
    private final List<FieldError> fieldErrors;

    public ProblemException(ProblemCode code) {
        this(code, code.name(), List.of(), List.of());
    }

    public ProblemException(ProblemCode code, String messageKey, List<Object> args, List<FieldError> fieldErrors) {
        super(code + ": " + messageKey + " " + args + (fieldErrors.isEmpty() ? "" : " " + fieldErrors), null, false, false);
        this.code = code;
        this.messageKey = messageKey;
        this.args = List.copyOf(args);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemCode.VALIDATION_FAILED, "VALIDATION_FAILED", List.of(), errors);
    }

    public static ProblemException invalid(FieldError error) {
        return invalid(List.of(error));
    }

    /**
     * Somebody else changed the same thing between our read and our write, and retrying did not help:
     * 409 CONCURRENT_CHANGE, which the client may retry.
     */
    public static ProblemException concurrentChange() {
        return new ProblemException(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", List.of(), List.of());
    }

    public ProblemCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
