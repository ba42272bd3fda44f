package com.example.clientmgmt.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.clientmgmt.domain.OrganizationClaims;
import com.example.clientmgmt.platform.RequestLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The handler of every HTTP function (template.yaml): Micronaut's API Gateway payload-2.0 function, with each
 * invocation's log lines carrying the Lambda request id, API Gateway's request id and the caller.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    public ApiHandler() {
    }

    public ApiHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPEvent.RequestContext request = event == null ? null : event.getRequestContext();
        Map<String, String> claims = request == null || request.getAuthorizer() == null || request.getAuthorizer().getJwt() == null
                ? Map.of() : request.getAuthorizer().getJwt().getClaims();
        RequestLog.begin(context == null ? null : context.getAwsRequestId(), request == null ? null : request.getRequestId(),
                claims == null ? null : claims.get(OrganizationClaims.SUB), claims == null ? null : claims.get(OrganizationClaims.ORG));
        long started = System.nanoTime();
        try {
            APIGatewayV2HTTPResponse response = super.handleRequest(event, context);
            LOG.info("{} {} {} ({} ms)", method(request), event == null ? null : event.getRawPath(),
                    response.getStatusCode(), (System.nanoTime() - started) / 1_000_000);
            return response;
        } finally {
            RequestLog.end();
        }
    }

    private static String method(APIGatewayV2HTTPEvent.RequestContext request) {
        return request == null || request.getHttp() == null ? null : request.getHttp().getMethod();
    }
}
