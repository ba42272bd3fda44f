package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.regex.Pattern;

/**
 * Our page cursors are base64url ({@code [A-Za-z0-9_-]}); anything else in a {@code cursor} parameter is not ours: 400
 * BAD_CURSOR before a controller runs. Without this, a {@code @QueryValue String} binding reads a comma as a list
 * separator and keeps the first element (",zp" became "", a first page): the fuzzer's finding of 2026-12-03.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CursorParameterFilter {
    private static final Pattern OURS = Pattern.compile("[A-Za-z0-9_-]*");

    @RequestFilter
    public void vetCursor(HttpRequest<?> request) {
        String cursor = QueryText.of(request, "cursor");
        if (cursor != null && !OURS.matcher(cursor).matches()) {
            throw ProblemException.invalid(FieldError.of("cursor", "BAD_CURSOR"));
        }
    }
}
