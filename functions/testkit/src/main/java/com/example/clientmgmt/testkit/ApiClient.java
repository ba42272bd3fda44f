package com.example.clientmgmt.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests and demo data: JSON in, JSON out, a bearer token per call. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final DevTokens tokens;

    public ApiClient(String baseUrl, DevTokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A token for {@code userId} in {@code orgId}. */
    public String token(String userId, String orgId, boolean orgAdmin) {
        return tokens.mint(userId, orgId, orgAdmin);
    }

    /** A token with profile claims ({@code email}, {@code name}, {@code locale}…), valid 12 hours. */
    public String token(String userId, String orgId, boolean orgAdmin, java.util.Map<String, Object> claims) {
        return tokens.mint(userId, orgId, orgAdmin, claims, java.time.Duration.ofHours(12));
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call put(String path) {
        return call("PUT", path);
    }

    public Call patch(String path) {
        return call("PATCH", path);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    /**
     * PUTs {@code bytes} to a presigned upload the API answered ({@code {url, method, headers}}) as a browser would,
     * with {@code contentType}; returns the storage's status.
     */
    public static int upload(JsonNode upload, String contentType, byte[] bytes) {
        try {
            java.net.http.HttpRequest put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.get("url").asText()))
                    .method(upload.get("method").asText(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .header("Content-Type", contentType).build();
            return java.net.http.HttpClient.newHttpClient().send(put, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("upload interrupted", e);
        }
    }

    /** Turns any value into JSON text (maps, lists, strings…). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a String is sent as it is (malformed on purpose, say), anything else is serialized. */
        public Call body(Object value) {
            this.body = value instanceof String s ? s : json(value);
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String text) {
        public JsonNode json() {
            if (text == null || text.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
