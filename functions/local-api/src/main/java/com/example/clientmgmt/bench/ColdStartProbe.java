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
 * With {@code --primed N}, it first runs the SnapStart hooks as the Lambda runtime does before a snapshot
 * (org.crac's global context, delegating to the Runtime Interface Client's: -Dorg.crac.Core.Compat), then
 * times that first real request — the closest local stand-in for the first request after a restore — and
 * N more, and prints the first one's latency and the median of the others.
 * Usage: ColdStartProbe HANDLER_CLASS PROJECT_ID USER_ID ORG_ID [--primed N]
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
                                        .withClaims(Map.of("sub", args[2], "org", args[3], "token_use", "id")).build()).build())
                        .build())
                .build();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0]).getConstructor().newInstance();
        if (args.length == 6 && args[4].equals("--primed")) {
            primed(handler, event, Integer.parseInt(args[5]));
            return;
        }
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, (Context) null);
        long end = System.currentTimeMillis();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("coldstart_ms=" + (end - start) + " status=" + response.getStatusCode());
        System.exit(response.getStatusCode() == 200 ? 0 : 1);
    }

    private static void primed(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                               APIGatewayV2HTTPEvent event, int warm) throws Exception {
        long hooks = System.nanoTime();
        // what the Runtime Interface Client does when AWS_LAMBDA_INITIALIZATION_TYPE=snap-start: the resources
        // registered through org.crac (which delegates to this context under -Dorg.crac.Core.Compat) run
        Object context = Class.forName("com.amazonaws.services.lambda.crac.Core").getMethod("getGlobalContext").invoke(null);
        Class<?> resource = Class.forName("com.amazonaws.services.lambda.crac.Context");
        try {
            resource.getMethod("beforeCheckpoint", resource).invoke(context, (Object) null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // after the hooks, the client flushes the JVM's DNS cache with native code it loads together with its
            // Runtime API client; the probe has no Runtime API, so that last step is skipped
            if (!(e.getCause() instanceof UnsatisfiedLinkError)) {
                throw e;
            }
        }
        resource.getMethod("afterRestore", resource).invoke(context, (Object) null);
        long hooksMs = (System.nanoTime() - hooks) / 1_000_000;
        long first = System.nanoTime();
        int status = handler.handleRequest(event, (Context) null).getStatusCode();
        double firstMs = (System.nanoTime() - first) / 1e6;
        double[] times = new double[warm];
        for (int i = 0; i < warm; i++) {
            long t = System.nanoTime();
            handler.handleRequest(event, (Context) null);
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(times);
        System.out.printf("hooks_ms=%d primed_first_ms=%.1f warm_p50_ms=%.1f status=%d%n", hooksMs, firstMs, times[warm / 2], status);
        System.exit(status == 200 ? 0 : 1);
    }
}
