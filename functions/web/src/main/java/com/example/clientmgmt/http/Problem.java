package com.example.clientmgmt.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document, with our stable {@code code}, for 400 the invalid fields, and for 500 the
 * request id the user can quote (it is on every log line of that request).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String code, String detail, List<InvalidField> errors,
                      String requestId) {
    @Serdeable
    public record InvalidField(String field, String code, String message) {}
}
