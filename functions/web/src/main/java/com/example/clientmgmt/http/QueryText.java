package com.example.clientmgmt.http;

import io.micronaut.http.HttpRequest;

import java.util.List;

/**
 * A free-text query parameter as the client sent it. A {@code @QueryValue String} binding treats a comma as a list
 * separator and keeps the first element ("Tremblay, Élise" became "Tremblay"); a search text is text, commas included.
 */
public final class QueryText {
    private QueryText() {}

    /** The parameter's text, or null when absent (repeated: its values joined by commas). */
    public static String of(HttpRequest<?> request, String name) {
        List<String> values = request.getParameters().getAll(name);
        return values.isEmpty() ? null : String.join(",", values);
    }
}
