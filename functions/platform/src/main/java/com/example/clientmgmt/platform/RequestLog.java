package com.example.clientmgmt.platform;

import org.slf4j.MDC;

/**
 * What every log line of one invocation carries (log-layout.json): the Lambda request id, the API Gateway
 * request id and the caller, when known. Handlers open it when an invocation starts and close it when it ends.
 */
public final class RequestLog {
    static final String LAMBDA_REQUEST_ID = "lambda_request_id";
    static final String API_REQUEST_ID = "api_request_id";
    static final String SUB = "sub";
    static final String ORG = "org";

    private RequestLog() {}

    public static void begin(String lambdaRequestId, String apiRequestId, String sub, String org) {
        put(LAMBDA_REQUEST_ID, lambdaRequestId);
        put(API_REQUEST_ID, apiRequestId);
        put(SUB, sub);
        put(ORG, org);
    }

    public static void end() {
        MDC.remove(LAMBDA_REQUEST_ID);
        MDC.remove(API_REQUEST_ID);
        MDC.remove(SUB);
        MDC.remove(ORG);
    }

    /** The id a user can quote to find this request in the logs: API Gateway's, or else Lambda's. */
    public static String requestId() {
        String api = MDC.get(API_REQUEST_ID);
        return api != null ? api : MDC.get(LAMBDA_REQUEST_ID);
    }

    private static void put(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
