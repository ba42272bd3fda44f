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
