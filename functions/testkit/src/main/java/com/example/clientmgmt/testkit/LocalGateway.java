package com.example.clientmgmt.testkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * What API Gateway's HTTP API does in front of our functions, on localhost: CORS for the allowed
 * origins, the JWT authorizer (here: dev tokens, {@link DevTokens}), and the request turned into a
 * payload-2.0 event handed to the real Lambda handler, whose response is written back.
 */
public final class LocalGateway implements AutoCloseable {
    /** The HTTP API's own body limit. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    private final HttpServer server;
    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final DevTokens tokens;
    private final List<String> allowedOrigins;
    private final Cors cors = Cors.ofTemplate(Template.load());

    /**
     * The routes without an authorizer (template.yaml: {@code Auth: Authorizer: NONE}; ContractTest holds the two lists
     * equal): a request reaches the function whatever its Authorization header, without claims.
     */
    public static final java.util.Map<String, java.util.regex.Pattern> OPEN_ROUTES = java.util.Map.of(
            "GET /calendar/{feed}", java.util.regex.Pattern.compile("GET /calendar/[^/]+"));

    /** A header a test sets to play a route whose authorizer is missing: the request reaches the function without claims. */
    public static final String PAST_THE_AUTHORIZER = "X-Local-Gateway-Past-Authorizer";

    /** The HTTP API's CORS answer, as template.yaml configures it (the origins are the FrontendOrigin parameter's value). */
    record Cors(String allowHeaders, String allowMethods, String exposeHeaders, String maxAge) {
        static Cors ofTemplate(Template template) {
            Map<String, Object> config = template.resources().values().stream().map(Template::map)
                    .filter(r -> "AWS::Serverless::HttpApi".equals(r.get("Type")))
                    .map(r -> Template.map(Template.properties(r).get("CorsConfiguration")))
                    .findFirst().orElseThrow(() -> new IllegalStateException("template.yaml has no HttpApi"));
            return new Cors(joined(config.get("AllowHeaders")), joined(config.get("AllowMethods")),
                    joined(config.get("ExposeHeaders")), String.valueOf(config.get("MaxAge")));
        }

        private static String joined(Object list) {
            return String.join(", ", Template.list(list).stream().map(String::valueOf).toList());
        }
    }

    public LocalGateway(String host, int port, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                        DevTokens tokens, List<String> allowedOrigins) throws IOException {
        this.handler = handler;
        this.tokens = tokens;
        this.allowedOrigins = allowedOrigins;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /**
     * A local-only route (never deployed): {@code GET path} answers the JSON {@code body} gives, with no
     * token (what it shows is the developer's own emulator).
     */
    public void localRoute(String path, java.util.function.Supplier<String> body) {
        server.createContext(path, exchange -> {
            try (exchange) {
                byte[] bytes = body.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (RuntimeException e) {
                byte[] bytes = ("{\"error\":\"" + e.getClass().getSimpleName() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            boolean corsAllowed = origin != null && allowedOrigins.contains(origin);
            if (corsAllowed) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
                exchange.getResponseHeaders().add("Access-Control-Expose-Headers", cors.exposeHeaders());
                exchange.getResponseHeaders().add("Vary", "Origin");
            }
            if (exchange.getRequestMethod().equals("OPTIONS") && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
                if (corsAllowed) {
                    exchange.getResponseHeaders().add("Access-Control-Allow-Methods", cors.allowMethods());
                    exchange.getResponseHeaders().add("Access-Control-Allow-Headers", cors.allowHeaders());
                    exchange.getResponseHeaders().add("Access-Control-Max-Age", cors.maxAge());
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (hasControlBytes(exchange)) {
                // API Gateway refuses such a request itself (400) before any function runs
                reply(exchange, 400, "application/problem+json",
                        "{\"type\":\"/problems/validation-failed\",\"title\":\"Invalid request\",\"status\":400,"
                                + "\"code\":\"VALIDATION_FAILED\",\"detail\":\"A header holds a control character.\",\"errors\":[]}");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                reply(exchange, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authorization.substring(7).trim() : null;
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            boolean open = OPEN_ROUTES.values().stream().anyMatch(p -> p.matcher(route).matches());
            boolean pastTheAuthorizer = open || exchange.getRequestHeaders().containsKey(PAST_THE_AUTHORIZER);
            Map<String, String> claims = pastTheAuthorizer ? null : tokens.verify(token);
            if (claims == null && !pastTheAuthorizer) {
                // API Gateway's authorizer answers before any function runs
                reply(exchange, 401, "application/problem+json",
                        "{\"type\":\"/problems/unauthenticated\",\"title\":\"Authentication required\",\"status\":401,"
                                + "\"code\":\"UNAUTHENTICATED\",\"detail\":\"A valid bearer token is required.\"}");
                return;
            }
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().add("apigw-requestid", requestId); // as API Gateway answers it
            APIGatewayV2HTTPResponse response = handler.apply(toEvent(exchange, body, claims, requestId));
            writeResponse(exchange, response);
        } catch (RuntimeException e) {
            e.printStackTrace();
            reply(exchange, 502, "application/json", "{\"message\":\"Internal Server Error\"}");
        }
    }

    /** A header value with a control byte (0x00–0x1F but tab, 0x7F): not something a gateway passes on. */
    private static boolean hasControlBytes(HttpExchange exchange) {
        for (List<String> values : exchange.getRequestHeaders().values()) {
            for (String v : values) {
                if (v.chars().anyMatch(ch -> (ch < 0x20 && ch != '\t') || ch == 0x7F)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, byte[] body, Map<String, String> claims, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new java.util.ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(key, value, (a, b) -> a + "," + b);
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = body.length == 0 || contentType.isEmpty() || contentType.contains("json") || contentType.startsWith("text/");
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(!text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(requestId)
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withTime(DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).format(now.atOffset(ZoneOffset.UTC)))
                        .withTimeEpoch(now.toEpochMilli())
                        .withDomainName("localhost")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(rawPath)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(claims).withScopes(null).build())
                                .build())
                        .build())
                .build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, vs) -> {
                if (response.getHeaders() == null || !response.getHeaders().containsKey(k)) {
                    vs.forEach(v -> exchange.getResponseHeaders().add(k, v));
                }
            });
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        boolean noBody = status == 204 || status == 304 || body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
