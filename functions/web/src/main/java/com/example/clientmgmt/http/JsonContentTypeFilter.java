package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Locale;
import java.util.Set;

/**
 * Every body this API reads is JSON: a request that sends a body must say so ({@code application/json}, or
 * a {@code +json} type, any parameters): anything else, unreadable types included (Micronaut reads a
 * {@code Content-Type: garbage} body as JSON), is 415 UNSUPPORTED_MEDIA_TYPE before a controller runs.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class JsonContentTypeFilter {
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @RequestFilter
    public void requireJson(HttpRequest<?> request) {
        if (!WITH_BODY.contains(request.getMethod())) {
            return;
        }
        String type = request.getHeaders().get("Content-Type");
        if (type == null || type.isBlank()) {
            return; // no body announced: the controller says whether it needed one
        }
        String essence = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!essence.equals("application/json") && !(essence.startsWith("application/") && essence.endsWith("+json"))) {
            throw new ProblemException(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        }
    }
}
