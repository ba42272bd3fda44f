package com.example.clientmgmt.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * One cold start, run in a fresh JVM by scripts/bench-coldstart: builds a handler the way the Lambda
 * runtime does (no-argument constructor, configuration from the environment), sends it one
 * GET /projects/{id}/admin-info event, and prints the time from JVM start to the response.
 * Usage: ColdStartProbe HANDLER_CLASS PROJECT_ID USER_ID ORG_ID
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        String path = "/projects/" + args[1] + "/admin-info";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path).withRawQueryString("")
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", args[2], "org", args[3])).build()).build())
                        .build())
                .build();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0]).getConstructor().newInstance();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, (Context) null);
        long end = System.currentTimeMillis();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("coldstart_ms=" + (end - start) + " status=" + response.getStatusCode());
        System.exit(response.getStatusCode() == 200 ? 0 : 1);
    }
}
