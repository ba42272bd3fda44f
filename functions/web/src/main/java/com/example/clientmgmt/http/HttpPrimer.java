package com.example.clientmgmt.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.clientmgmt.platform.Primer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Primes an HTTP function: one GET of every route it serves, through the whole handler (API Gateway event →
 * router → controller → storage read → serde → problem+json), as a caller of an organization that owns
 * nothing, for a project, person or document that does not exist (404s and empty lists: reads only), in
 * French and in English; and one request the API refuses (400), which loads the problem mapping.
 */
@Singleton
public class HttpPrimer implements Primer {
    /** A well-formed id that is never generated (it would date from 1970). */
    static final String UNKNOWN_ID = "00000000000000000000000000";
    static final String PRIMING = "snapstart-priming";
    private final ApplicationContext context;
    private final Router router;

    public HttpPrimer(ApplicationContext context, Router router) {
        this.context = context;
        this.router = router;
    }

    @Override
    public String prime() {
        APIGatewayV2HTTPEventFunction function = new APIGatewayV2HTTPEventFunction(context);
        List<String> paths = new ArrayList<>();
        router.uriRoutes().filter(r -> r.getHttpMethod() == HttpMethod.GET).map(HttpPrimer::unknownPath)
                .distinct().sorted().forEach(paths::add);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            answers.add(paths.get(i) + " " + send(function, paths.get(i), "", i % 2 == 0 ? "fr-CA" : "en"));
        }
        if (!paths.isEmpty()) { // a refused limit: the problem+json answer, in French
            answers.add(paths.get(0) + "?limit=0 " + send(function, paths.get(0), "limit=0", "fr-CA"));
        }
        return "GET " + answers;
    }

    private static String unknownPath(UriRouteInfo<?, ?> route) {
        Map<String, Object> values = new HashMap<>();
        route.getUriMatchTemplate().getVariableNames().forEach(name -> values.put(name, UNKNOWN_ID));
        return route.getUriMatchTemplate().expand(values);
    }

    private static int send(APIGatewayV2HTTPEventFunction function, String path, String query, String language) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("GET " + path).withRawPath(path).withRawQueryString(query)
                .withQueryStringParameters(query.isEmpty() ? null : Map.of(query.split("=")[0], query.split("=")[1]))
                .withHeaders(Map.of("accept", "application/json", "accept-language", language))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(PRIMING)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        // an ID token's claims, as the authorizer passes them (token_use: id is required)
                                        .withClaims(Map.of("sub", PRIMING, "org", PRIMING, "token_use", "id")).build()).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        // a 401 primes the refusal, not the route: the claims no longer pass Caller.fromClaims (it happened: the priming
        // requests lacked token_use for a while, and every route answered 401 before the snapshot)
        if (response.getStatusCode() >= 500 || response.getStatusCode() == 401) {
            throw new IllegalStateException("GET " + path + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getStatusCode();
    }
}
