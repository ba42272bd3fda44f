package com.example.clientmgmt.domain;

/** The stable error codes clients rely on; the HTTP layer maps each to a status. */
public enum ProblemCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    VALIDATION_FAILED,
    PROJECT_CLOSED,
    VERSION_MISMATCH,
    LICENCE_REQUIRED,
    /** Removing or downgrading a project's last ADMIN member. */
    LAST_ADMIN,
    CONFLICT,
    DOCUMENT_NOT_AVAILABLE,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    INTERNAL_ERROR
}
