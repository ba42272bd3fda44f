package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;

import java.io.IOException;

/**
 * What a lenient JSON reader lets through and a request body must not hold: a key twice (which value
 * counts?), a second value or anything after the first ({@code {"a":1}{"a":2}}, {@code {}garbage}). Checked with
 * Jackson's streaming parser before the body is read, so that a body means exactly one thing.
 */
final class StrictJson {
    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StrictJson() {}

    /** Refuses duplicate keys and a second value or anything after the first (400 naming {@code body}). */
    static void oneValue(String body) {
        boolean first = false;
        try (JsonParser parser = STRICT.createParser(body)) {
            if (parser.nextToken() == null) {
                throw ProblemException.invalid(FieldError.of("body", "MALFORMED_JSON"));
            }
            parser.skipChildren();
            first = true;
            if (parser.nextToken() != null) {
                throw ProblemException.invalid(FieldError.of("body", "TRAILING_CONTENT"));
            }
        } catch (StreamReadException e) {
            boolean duplicate = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
            throw ProblemException.invalid(FieldError.of("body", duplicate ? "DUPLICATE_FIELD" : first ? "TRAILING_CONTENT" : "MALFORMED_JSON"));
        } catch (IOException e) {
            throw ProblemException.invalid(FieldError.of("body", "MALFORMED_JSON"));
        }
    }
}
