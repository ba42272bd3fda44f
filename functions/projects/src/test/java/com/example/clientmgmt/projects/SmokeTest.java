package com.example.clientmgmt.projects;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @RegisterExtension
    static TestApi api = new TestApi();

    @Test
    void createAndRead() {
        ApiClient c = api.client();
        String t = c.token("alice", "org1", true);
        var created = c.post("/projects").token(t).body(Map.of("name", "Tour A")).send();
        System.out.println(created);
        assertEquals(201, created.status());
        String id = created.json().get("id").asText();
        var info = c.get("/projects/" + id + "/admin-info").token(t).send();
        System.out.println(info + " " + info.headers().map());
        var list = c.get("/projects").token(t).send();
        System.out.println(list);
        var bad = c.patch("/projects/" + id + "/admin-info").token(t).header("Accept-Language", "fr-CA").body("{bad").send();
        System.out.println(bad + " " + bad.headers().map());
        var nf = c.get("/nope").token(t).send();
        System.out.println(nf);
        var p = c.patch("/projects/" + id + "/admin-info").token(t).body(Map.of("estimatedBudget", Map.of("amount", "12.50"), "startDate", "2026-01-01")).send();
        System.out.println(p + " " + p.headers().map());
        System.out.println(c.get("/projects/" + id + "/admin-history").token(t).send());
    }
}
