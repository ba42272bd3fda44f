package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bid readiness end to end, as an administrator lives it (issue 27's "done when"): a public bid of 40,000 $ closing in
 * 10 days requires a Revenu Québec attestation (MISSING); one uploaded (issued yesterday) satisfies it; moving the
 * deadline before its issue makes it ISSUED_TOO_LATE, past its validity EXPIRES_BEFORE; a budget of 20,000 $ removes
 * the requirement. Real uploads through presigned URLs and the upload handler; the organization's own dates.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class BidReadinessApiTest {
    @RegisterExtension
    static TestApi api = new TestApi().withUploadEvents(context -> {
        com.example.clientmgmt.uploads.UploadEventsHandler handler = new com.example.clientmgmt.uploads.UploadEventsHandler(context);
        return event -> handler.handleRequest(event, null);
    });
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Toronto"));
    static World world;
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    static String publicBid(String name) {
        String project = world.project(name, Map.of("adam", "ADMIN", "lea", "LIMITED"));
        expect(200, c.patch("/projects/" + project + "/admin-info").token(world.adam).body(Map.of("clientType", "PUBLIC",
                "estimatedBudget", Map.of("amount", "40000.00", "currency", "CAD"),
                "submissionDeadline", TODAY.plusDays(10).toString(), "state", "BIDDING")).send());
        return project;
    }

    static JsonNode readiness(String project, String token) {
        return expect(200, c.get("/projects/" + project + "/readiness").token(token).send()).json();
    }

    static List<String> statuses(JsonNode readiness) {
        List<String> out = new ArrayList<>();
        readiness.get("items").forEach(i -> out.add(i.get("requirement").get("kind").asText() + ":" + i.get("status").asText()));
        return out;
    }

    /** Declares a document and uploads its bytes as a browser would; the upload event makes it AVAILABLE. */
    static String upload(String project, String kind, Map<String, Object> dates) {
        byte[] content = ("Attestation — " + kind + "\n").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = new HashMap<>(Map.of("title", "Attestation de Revenu Québec", "kind", kind,
                "fileName", "attestation.pdf", "contentType", "application/pdf", "sizeBytes", content.length));
        body.putAll(dates);
        JsonNode declared = expect(201, c.post("/projects/" + project + "/admin-documents").token(world.adam).body(body).send()).json();
        assertEquals(200, ApiClient.upload(declared.get("upload"), "application/pdf", content));
        assertEquals(1, api.deliverUploadEvents());
        return declared.get("document").get("id").asText();
    }

    @Test
    void aPublicBidNeedsItsAttestationHeldAndValidOnTheDeadline() throws Exception {
        String project = publicBid("Aréna municipal — soumission");
        JsonNode missing = readiness(project, world.adam);
        assertEquals(List.of("REVENU_QUEBEC_ATTESTATION:MISSING"), statuses(missing));
        assertFalse(missing.get("ready").asBoolean());
        JsonNode rule = missing.get("items").get(0).get("requirement");
        assertEquals("RULE", rule.get("source").asText());
        assertEquals(TODAY.plusDays(10).toString(), missing.get("items").get(0).get("at").asText());
        assertEquals("PUBLIC_CONTRACT_OVER_25000_CAD", rule.get("reason").asText(), "ADMIN sees why");

        // a LIMITED reader sees the requirement, never a reason that reveals the budget
        JsonNode limited = expect(200, c.get("/projects/" + project + "/requirements").token(world.lea).header("Accept-Language", "fr-CA")
                .send()).json().get("items").get(0);
        assertEquals("REVENU_QUEBEC_ATTESTATION", limited.get("kind").asText());
        assertEquals("Attestation de Revenu Québec", limited.get("label").asText());
        assertNull(limited.get("reason"), limited::toString);
        assertNull(limited.get("reasonText"), limited::toString);
        assertFalse(readiness(project, world.lea).get("items").get(0).get("requirement").has("reason"));

        // declared, not uploaded yet: PENDING_UPLOAD; uploaded (issued yesterday): SATISFIED with its margin
        Map<String, Object> body = new HashMap<>(Map.of("title", "Attestation", "kind", "REVENU_QUEBEC_ATTESTATION",
                "fileName", "a.pdf", "contentType", "application/pdf", "sizeBytes", 10, "issuedOn", TODAY.minusDays(1).toString()));
        String pending = expect(201, c.post("/projects/" + project + "/admin-documents").token(world.adam).body(body).send())
                .json().get("document").get("id").asText();
        assertEquals(List.of("REVENU_QUEBEC_ATTESTATION:PENDING_UPLOAD"), statuses(readiness(project, world.adam)));
        expect(204, c.delete("/projects/" + project + "/admin-documents/" + pending).token(world.adam).send());

        String attestation = upload(project, "REVENU_QUEBEC_ATTESTATION", Map.of("issuedOn", TODAY.minusDays(1).toString()));
        JsonNode satisfied = readiness(project, world.adam);
        assertTrue(satisfied.get("ready").asBoolean(), satisfied::toString);
        JsonNode item = satisfied.get("items").get(0);
        assertEquals("SATISFIED", item.get("status").asText());
        assertEquals(attestation, item.get("document").get("id").asText());
        LocalDate validThrough = TODAY.minusDays(1).plusMonths(3).withDayOfMonth(TODAY.minusDays(1).plusMonths(3).lengthOfMonth());
        assertEquals(java.time.temporal.ChronoUnit.DAYS.between(TODAY.plusDays(10), validThrough), item.get("marginDays").asLong());

        // the deadline moved before the attestation's issue: issued too late for this bid
        patch(project, Map.of("submissionDeadline", TODAY.minusDays(2).toString()));
        assertEquals(List.of("REVENU_QUEBEC_ATTESTATION:ISSUED_TOO_LATE"), statuses(readiness(project, world.adam)));
        // moved past its validity: it expires before
        patch(project, Map.of("submissionDeadline", validThrough.plusDays(1).toString()));
        assertEquals(List.of("REVENU_QUEBEC_ATTESTATION:EXPIRES_BEFORE"), statuses(readiness(project, world.adam)));
        // no deadline: NO_DATE, and nothing dated is missing
        Map<String, Object> noDeadline = new HashMap<>();
        noDeadline.put("submissionDeadline", null);
        patch(project, noDeadline);
        JsonNode noDate = readiness(project, world.adam);
        assertEquals(List.of("REVENU_QUEBEC_ATTESTATION:NO_DATE"), statuses(noDate));
        assertTrue(noDate.get("ready").asBoolean());
        patch(project, Map.of("submissionDeadline", TODAY.plusDays(10).toString()));

        // a budget of 20,000 $ (or a private client, or another currency) removes the requirement; 40,000 $ brings it back
        patch(project, Map.of("estimatedBudget", Map.of("amount", "20000.00", "currency", "CAD")));
        assertEquals(List.of(), statuses(readiness(project, world.adam)));
        patch(project, Map.of("estimatedBudget", Map.of("amount", "40000.00", "currency", "USD")));
        assertEquals(List.of(), statuses(readiness(project, world.adam)), "another currency: no rule");
        patch(project, Map.of("estimatedBudget", Map.of("amount", "40000.00", "currency", "CAD"), "clientType", "PRIVATE"));
        assertEquals(List.of(), statuses(readiness(project, world.adam)));
        patch(project, Map.of("clientType", "PUBLIC"));
        assertEquals(List.of("REVENU_QUEBEC_ATTESTATION:SATISFIED"), statuses(readiness(project, world.adam)));
        assertEquals(409, c.delete("/projects/" + project + "/requirements/rule-revenu-quebec-attestation").token(world.adam).send()
                .status(), "the rule's requirement follows the admin info");
    }

    static void patch(String project, Map<String, Object> fields) {
        expect(200, c.patch("/projects/" + project + "/admin-info").token(world.adam).body(fields).send());
    }

    @Test
    void manualAndTemplateRequirementsAreCheckedOnTheirOwnDaysAndAnotherKindNeverSatisfiesThem() throws Exception {
        String project = publicBid("École primaire — agrandissement");
        patch(project, Map.of("startDate", TODAY.plusDays(40).toString()));
        String template = expect(200, c.put("/organization/requirement-templates").token(world.owner).body(Map.of("items", List.of(
                Map.of("name", "Appel d'offres municipal", "requirements", List.of(
                        Map.of("kind", "BID_BOND", "neededBy", "SUBMISSION", "note", "10 % du prix"),
                        Map.of("kind", "PERFORMANCE_BOND", "neededBy", "START")))))).send()).json().get("items").get(0).get("id").asText();
        JsonNode applied = expect(200, c.post("/projects/" + project + "/requirements/apply").token(world.adam)
                .body(Map.of("templateId", template)).send()).json();
        assertEquals(3, applied.get("items").size());
        JsonNode again = expect(200, c.post("/projects/" + project + "/requirements/apply").token(world.adam)
                .body(Map.of("templateId", template)).send()).json();
        assertEquals(applied, again, "applying a template twice adds nothing");
        expect(200, c.put("/projects/" + project + "/requirements").token(world.adam).body(Map.of("items", List.of(
                Map.of("kind", "CCQ_STATEMENT", "neededBy", "DATE", "date", TODAY.plusDays(5).toString(), "label", "Lettre d'état CCQ"),
                Map.of("kind", "RBQ_LICENCE", "neededBy", "END")))).send());

        upload(project, "REVENU_QUEBEC_ATTESTATION", Map.of("issuedOn", TODAY.toString()));
        upload(project, "BID_BOND", Map.of());
        upload(project, "BOND", Map.of("expiresOn", TODAY.plusYears(1).toString())); // a bond, but not a performance bond
        upload(project, "CCQ_STATEMENT", Map.of("expiresOn", TODAY.plusDays(4).toString()));
        JsonNode r = readiness(project, world.lea);
        assertEquals(List.of("REVENU_QUEBEC_ATTESTATION:SATISFIED", "BID_BOND:SATISFIED", "PERFORMANCE_BOND:MISSING",
                "CCQ_STATEMENT:EXPIRES_BEFORE", "RBQ_LICENCE:NO_DATE"), statuses(r));
        assertFalse(r.get("ready").asBoolean());
        assertFalse(r.get("items").get(1).has("marginDays"), "a bid bond without expiry: no margin");
        assertEquals(TODAY.plusDays(40).toString(), r.get("items").get(2).get("at").asText());
        assertEquals(TODAY.plusDays(5).toString(), r.get("items").get(3).get("at").asText());

        // the template's performance bond removed: the rest is what stands between the project and ready
        String performance = r.get("items").get(2).get("requirement").get("id").asText();
        expect(204, c.delete("/projects/" + project + "/requirements/" + performance).token(world.adam).send());
        assertEquals(404, c.delete("/projects/" + project + "/requirements/" + performance).token(world.adam).send().status());
        upload(project, "CCQ_STATEMENT", Map.of("expiresOn", TODAY.plusDays(30).toString()));
        assertTrue(readiness(project, world.adam).get("ready").asBoolean());

        // every change of the requirements is in the admin history
        JsonNode history = expect(200, c.get("/projects/" + project + "/admin-history?limit=100").token(world.adam).send()).json();
        List<String> fields = new ArrayList<>();
        history.get("items").forEach(h -> fields.add(h.get("field").asText()));
        assertEquals(5, fields.stream().filter(f -> f.startsWith("requirements.")).count(), fields::toString);
        assertTrue(fields.contains("requirements." + performance), "the removal too");
    }

    @Test
    void badRequirementsAreOne400NamingEachFieldInTheCallersLanguage() {
        String project = publicBid("Caserne — rénovation");
        JsonNode problem = expect(400, c.put("/projects/" + project + "/requirements").token(world.adam).header("Accept-Language", "fr-CA")
                .body(Map.of("items", List.of(Map.of("kind", "BID_BOND", "neededBy", "START", "date", "2027-01-01"),
                        Map.of("kind", "RBQ_LICENCE", "neededBy", "DATE"),
                        Map.of("kind", "NOT_A_KIND", "neededBy", "END", "colour", "red"),
                        "not an object"))).send()).json();
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("field").asText() + ":" + e.get("code").asText()));
        assertTrue(errors.containsAll(List.of("items[0].date:DATE_ONLY_WITH_NEEDED_BY_DATE", "items[1].date:DATE_REQUIRED",
                "items[2].colour:UNKNOWN_FIELD", "items[3]:NOT_AN_OBJECT")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("items[2].kind:")), errors::toString);
        problem.get("errors").forEach(e -> {
            if (e.get("field").asText().equals("items[0].date")) {
                assertTrue(e.get("message").asText().contains("Une date ne va qu'avec neededBy DATE"), e::toString);
            }
        });
        assertEquals("VALIDATION_FAILED", expect(400, c.post("/projects/" + project + "/requirements/apply").token(world.adam)
                .body(Map.of("templateId", "01ARZ3NDEKTSV4RRFFQ69G5FAV")).send()).json().get("code").asText());
        String tooLong = "é".repeat(121);
        assertEquals(400, c.put("/projects/" + project + "/requirements").token(world.adam).body(Map.of("items", List.of(
                Map.of("kind", "BID_BOND", "neededBy", "END", "label", tooLong)))).send().status());
        assertEquals(200, c.put("/projects/" + project + "/requirements").token(world.adam).body(Map.of("items", List.of(
                Map.of("kind", "BID_BOND", "neededBy", "END", "label", "é".repeat(120), "note", "🏗".repeat(500))))).send().status(),
                "at the limits, in characters");
        assertEquals(400, c.put("/projects/" + project + "/requirements").token(world.adam).body(Map.of("items", "BID_BOND")).send().status());
        assertEquals(400, c.put("/organization/requirement-templates").token(world.owner).body(Map.of("items", List.of(
                Map.of("id", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "name", "X", "requirements", List.of())))).send().status(),
                "a template id we never gave");
        // found by scripts/fuzz-api: a template line the reader refused was a 500, not its field errors
        JsonNode badLine = expect(400, c.put("/organization/requirement-templates").token(world.owner).body(Map.of("items", List.of(
                Map.of("name", "0", "requirements", List.of(Map.of("kind", "BOND", "neededBy", "AAA")))))).send()).json();
        assertEquals("items[0].requirements[0].neededBy", badLine.get("errors").get(0).get("field").asText(), badLine::toString);
        // a control character is refused wherever it stands, even where trimming would have dropped it
        assertEquals(400, c.put("/projects/" + project + "/requirements").token(world.adam).body(Map.of("items", List.of(
                Map.of("kind", "BID_BOND", "neededBy", "END", "label", "Caution\u001f")))).send().status());
        // a caller who may not change them sends the largest body: refused before it is read (403, never its 400)
        List<Map<String, Object>> largest = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            largest.add(Map.of("kind", "BID_BOND", "neededBy", "END", "label", "é".repeat(120), "note", "ü".repeat(500 + i)));
        }
        assertTrue(ApiClient.json(Map.of("items", largest)).getBytes(StandardCharsets.UTF_8).length > 40_000, "near the 64 KB body limit");
        assertEquals("FORBIDDEN", expect(403, c.put("/projects/" + project + "/requirements").token(world.lea)
                .body(Map.of("items", largest)).send()).json().get("code").asText());
        assertEquals("FORBIDDEN", expect(403, c.put("/organization/requirement-templates").token(world.adam)
                .body(Map.of("items", List.of(Map.of("name", "X", "requirements", largest)))).send()).json().get("code").asText());
        Map<String, Object> backToPrivate = new HashMap<>();
        backToPrivate.put("clientType", null);
        patch(project, backToPrivate);
        assertEquals("PRIVATE", expect(200, c.get("/projects/" + project + "/admin-info").token(world.adam).send()).json()
                .get("clientType").asText(), "null: back to PRIVATE");
    }

    @Test
    void aTemplateAppliedByManyAtOnceIsCopiedOnceRoundAfterRound() throws Exception {
        String template = expect(200, c.put("/organization/requirement-templates").token(world.owner).body(Map.of("items", List.of(
                Map.of("name", "Chantier privé", "requirements", List.of(Map.of("kind", "CNESST_CERTIFICATE", "neededBy", "START"),
                        Map.of("kind", "CCQ_STATEMENT", "neededBy", "START")))))).send()).json().get("items").get(0).get("id").asText();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                String project = world.project("Concurrence " + round, Map.of("adam", "ADMIN"));
                List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(pool.submit(() -> c.post("/projects/" + project + "/requirements/apply").token(world.adam)
                            .body(Map.of("templateId", template)).send().status()));
                }
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    int status = answer.get();
                    assertTrue(status == 200 || status == 409, "round " + round + ": " + status);
                }
                JsonNode items = expect(200, c.get("/projects/" + project + "/requirements").token(world.adam).send()).json().get("items");
                assertEquals(2, items.size(), "round " + round + ": the template's two requirements, once: " + items);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
