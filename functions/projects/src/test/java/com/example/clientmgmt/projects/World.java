package com.example.clientmgmt.projects;

import com.example.clientmgmt.testkit.ApiClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The people and projects the API tests act on: in organization {@code org}, an org admin "owner" (ADMIN
 * of both projects), "adam" (ADMIN), "lea" (LIMITED), "nora" (member of the organization, NONE); in
 * another organization, "owner" again (same user id, other tenant). One open project, one closed.
 */
final class World {
    final ApiClient api;
    final String org;
    final String owner;
    final String adam;
    final String lea;
    final String nora;
    final String outsider;
    final String openProject;
    final String closedProject;

    World(ApiClient api) {
        this.api = api;
        this.org = "org-" + Long.toString(System.nanoTime(), 36);
        this.owner = api.token("owner", org, true);
        this.adam = api.token("adam", org, false);
        this.lea = api.token("lea", org, false);
        this.nora = api.token("nora", org, false);
        this.outsider = api.token("owner", org + "-other", true);
        this.openProject = project("Tour Sud", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        this.closedProject = project("Entrepôt Nord", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        expect(200, api.patch("/projects/" + openProject + "/admin-info").token(owner)
                .body(Map.of("estimatedBudget", Map.of("amount", "2500000.00"), "clientCompanyName", "Ville de Laval")).send());
        expect(200, api.patch("/projects/" + closedProject + "/admin-info").token(owner)
                .body(Map.of("estimatedBudget", Map.of("amount", "10.00"), "state", "CLOSED")).send());
    }

    String project(String name, Map<String, String> members) {
        ApiClient.Response created = expect(201, api.post("/projects").token(owner).body(Map.of("name", name)).send());
        String id = created.json().get("id").asText();
        members.forEach((user, permission) -> expect(200, api.put("/projects/" + id + "/members/" + user).token(owner)
                .body(Map.of("permission", permission)).send()));
        return id;
    }

    static ApiClient.Response expect(int status, ApiClient.Response response) {
        assertEquals(status, response.status(), () -> "unexpected answer: " + response);
        return response;
    }
}
