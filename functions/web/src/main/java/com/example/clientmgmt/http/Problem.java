package com.example.clientmgmt.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem document, with our stable {@code code} and, for 400, the invalid fields. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String code, String detail, List<InvalidField> errors) {
    @Serdeable
    public record InvalidField(String field, String code, String message) {}
}
