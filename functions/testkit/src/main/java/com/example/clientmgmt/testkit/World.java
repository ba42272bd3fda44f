package com.example.clientmgmt.testkit;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The people and projects the API tests act on: in organization {@code org}, an org admin "owner" (ADMIN
 * of both projects), "adam" (ADMIN), "lea" (LIMITED), "nora" (member of the organization, NONE); in
 * another organization, "owner" again (same user id, other tenant). One open project, one closed.
 */
public final class World {
    public final ApiClient api;
    public final String org;
    public final String owner;
    public final String adam;
    public final String lea;
    public final String nora;
    public final String outsider;
    /** An organization admin who is a member of no project: acts as ADMIN on all of them. */
    public final String boss;
    public final String openProject;
    public final String closedProject;

    public World(ApiClient api) {
        this.api = api;
        this.org = "org-" + Long.toString(System.nanoTime(), 36);
        this.owner = api.token("owner", org, true);
        this.adam = api.token("adam", org, false);
        this.lea = api.token("lea", org, false);
        this.nora = api.token("nora", org, false);
        this.outsider = api.token("owner", org + "-other", true);
        this.boss = api.token("boss", org, true);
        this.openProject = project("Tour Sud", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        this.closedProject = project("Entrepôt Nord", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        expect(200, api.patch("/projects/" + openProject + "/admin-info").token(owner)
                .body(Map.of("estimatedBudget", Map.of("amount", "2500000.00"), "clientCompanyName", "Ville de Laval")).send());
        expect(200, api.patch("/projects/" + closedProject + "/admin-info").token(owner)
                .body(Map.of("estimatedBudget", Map.of("amount", "10.00"), "state", "CLOSED")).send());
    }

    public String project(String name, Map<String, String> members) {
        ApiClient.Response created = expect(201, api.post("/projects").token(owner).body(Map.of("name", name)).send());
        String id = created.json().get("id").asText();
        members.forEach((user, permission) -> expect(200, api.put("/projects/" + id + "/members/" + user).token(owner)
                .body(Map.of("permission", permission)).send()));
        return id;
    }

    public static ApiClient.Response expect(int status, ApiClient.Response response) {
        assertEquals(status, response.status(), () -> "unexpected answer: " + response);
        return response;
    }
}
