package com.example.clientmgmt.testkit;

import org.junit.jupiter.api.DynamicTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One cell of a permission matrix (route × caller × project state) as a dynamic test: the status, and
 * for a refusal the problem+json with the code the contract gives that status.
 */
public final class PermissionMatrix {
    private PermissionMatrix() {}

    public static DynamicTest expect(String name, ApiClient.Call call, int status) {
        return DynamicTest.dynamicTest(name, () -> {
            ApiClient.Response response = call.send();
            assertEquals(status, response.status(), () -> name + ": " + response);
            if (status >= 400) {
                assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response::toString);
                assertEquals(codeOf(status), response.json().get("code").asText(), response::toString);
            }
        });
    }

    /**
     * The "no caller" cell: the request reaches the function with no verified claims (as if its route had lost its
     * authorizer), so the 401 is the product's own refusal, not the local gateway's stand-in for API Gateway's.
     */
    public static DynamicTest noCaller(String name, ApiClient.Call call) {
        return DynamicTest.dynamicTest(name + " / no verified caller", () -> {
            ApiClient.Response response = call.header(LocalGateway.PAST_THE_AUTHORIZER, "1").send();
            assertTrue(response.header("apigw-requestid") != null, () -> "answered by the gateway, not the function: " + response);
            assertEquals(401, response.status(), () -> name + ": " + response);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response::toString);
            assertEquals("UNAUTHENTICATED", response.json().get("code").asText(), response::toString);
        });
    }

    /** The contract's code for each refusal a permission matrix can meet. */
    static String codeOf(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "PROJECT_CLOSED";
            default -> throw new AssertionError("no matrix code for " + status);
        };
    }
}
