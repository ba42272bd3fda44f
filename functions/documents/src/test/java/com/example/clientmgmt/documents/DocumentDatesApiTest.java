package com.example.clientmgmt.documents;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.TestClock;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents' dates of issue (SPEC v3), through the API: a Revenu Québec attestation's expiry computed from its date of
 * issue and armed like any expiry, every refusal a 400 naming its field, in the caller's language; today is the
 * organization's (the functions' clock, set by the test).
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class DocumentDatesApiTest {
    // 2026-12-03 at noon in Toronto
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-03T17:00:00Z"));
    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(CLOCK);
    static final LocalDate TODAY = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("America/Toronto"));
    static World world;
    static ApiClient c;
    static String project;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        project = world.project("Soumission — école Saint-Hubert", Map.of("adam", "ADMIN", "lea", "LIMITED"));
    }

    static String docs() {
        return "/projects/" + project + "/admin-documents";
    }

    static Map<String, Object> declaration(String kind, Object... dates) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Attestation de Revenu Québec", "kind", kind,
                "fileName", "attestation.pdf", "contentType", "application/pdf", "sizeBytes", 1000));
        for (int i = 0; i < dates.length; i += 2) {
            body.put((String) dates[i], dates[i + 1]);
        }
        return body;
    }

    /** The refusal's field errors, as "field:code". */
    static List<String> refused(ApiClient.Call request) {
        JsonNode problem = expect(400, request.send()).json();
        assertEquals("VALIDATION_FAILED", problem.get("code").asText(), problem::toString);
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asText() + ":" + e.get("code").asText()));
        return out;
    }

    @Test
    void anAttestationsExpiryIsComputedFromItsDateOfIssueAndArmsTheDefaultReminder() {
        JsonNode document = expect(201, c.post(docs()).token(world.adam).body(declaration("REVENU_QUEBEC_ATTESTATION",
                "issuedOn", "2026-11-30")).send()).json().get("document");
        assertEquals("2026-11-30", document.get("issuedOn").asText());
        assertEquals("2027-02-28", document.get("expiresOn").asText(), "the end of the third month after November");
        assertTrue(document.get("reminderIsDefault").asBoolean(), "a kind that lapses: the default reminder");
        assertEquals("2027-02-28", document.get("reminderDate").asText());
        String id = document.get("id").asText();
        JsonNode read = expect(200, c.get(docs() + "/" + id).token(world.lea).send()).json();
        assertEquals("2026-11-30", read.get("issuedOn").asText(), "a LIMITED member reads the dates");
        assertEquals("2027-02-28", read.get("expiresOn").asText());

        // renewed by a new date of issue: the expiry follows, the history keeps both changes
        JsonNode edited = expect(200, c.patch(docs() + "/" + id).token(world.adam).body(Map.of("issuedOn", TODAY.toString())).send()).json();
        assertEquals("2027-03-31", edited.get("expiresOn").asText());
        JsonNode history = expect(200, c.get("/projects/" + project + "/admin-history?limit=100").token(world.adam).send()).json().get("items");
        List<String> fields = new ArrayList<>();
        history.forEach(h -> fields.add(h.get("field").asText()));
        assertTrue(fields.contains("adminDocuments." + id + ".issuedOn") && fields.contains("adminDocuments." + id + ".expiresOn"), fields.toString());
    }

    @Test
    void anAttestationRefusesATypedExpiryAndNeedsItsDateOfIssue() {
        assertEquals(List.of("expiresOn:EXPIRY_COMPUTED"), refused(c.post(docs()).token(world.adam).body(declaration(
                "REVENU_QUEBEC_ATTESTATION", "issuedOn", "2026-11-30", "expiresOn", "2027-02-28"))));
        assertEquals(List.of("issuedOn:ISSUE_DATE_REQUIRED"), refused(c.post(docs()).token(world.adam).body(declaration(
                "REVENU_QUEBEC_ATTESTATION"))));
        // an insurance turned into an attestation: it needs its date of issue; with one, its typed expiry is replaced
        String id = expect(201, c.post(docs()).token(world.adam).body(declaration("INSURANCE", "expiresOn", "2027-06-30")).send())
                .json().get("document").get("id").asText();
        assertEquals(List.of("issuedOn:ISSUE_DATE_REQUIRED"), refused(c.patch(docs() + "/" + id).token(world.adam)
                .body(Map.of("kind", "REVENU_QUEBEC_ATTESTATION"))));
        JsonNode turned = expect(200, c.patch(docs() + "/" + id).token(world.adam)
                .body(Map.of("kind", "REVENU_QUEBEC_ATTESTATION", "issuedOn", "2026-10-01")).send()).json();
        assertEquals("2027-01-31", turned.get("expiresOn").asText());
        assertEquals(List.of("expiresOn:EXPIRY_COMPUTED"), refused(c.patch(docs() + "/" + id).token(world.adam)
                .body(Map.of("expiresOn", "2027-06-30"))));
        Map<String, Object> clearIssue = new HashMap<>();
        clearIssue.put("issuedOn", null);
        assertEquals(List.of("issuedOn:ISSUE_DATE_REQUIRED"), refused(c.patch(docs() + "/" + id).token(world.adam).body(clearIssue)));
    }

    @Test
    void noDocumentIsIssuedAfterTodayInTheOrganizationsTimeZoneNorExpiresBeforeItsIssue() {
        String tomorrow = TODAY.plusDays(1).toString();
        for (String kind : List.of("INSURANCE", "RBQ_LICENCE", "BID_BOND", "REVENU_QUEBEC_ATTESTATION")) {
            assertEquals(List.of("issuedOn:ISSUED_IN_THE_FUTURE"), refused(c.post(docs()).token(world.adam)
                    .body(declaration(kind, "issuedOn", tomorrow))), kind);
        }
        assertEquals(201, c.post(docs()).token(world.adam).body(declaration("CNESST_CERTIFICATE", "issuedOn", TODAY.toString()))
                .send().status(), "issued today is fine");
        assertEquals(List.of("expiresOn:EXPIRES_BEFORE_ISSUE"), refused(c.post(docs()).token(world.adam)
                .body(declaration("PERFORMANCE_BOND", "issuedOn", "2026-11-01", "expiresOn", "2026-10-31"))));
        JsonNode fr = expect(400, c.post(docs()).token(world.adam).header("Accept-Language", "fr-CA")
                .body(declaration("REVENU_QUEBEC_ATTESTATION")).send()).json();
        assertTrue(fr.get("errors").get(0).get("message").asText().contains("date de délivrance"), fr.toString());
        JsonNode en = expect(400, c.post(docs()).token(world.adam).header("Accept-Language", "en")
                .body(declaration("REVENU_QUEBEC_ATTESTATION")).send()).json();
        assertTrue(en.get("errors").get(0).get("message").asText().contains("date of issue"), en.toString());
    }

    @Test
    void everyNewKindIsAcceptedAndTheOnesThatExpireGetTheDefaultReminder() {
        for (String kind : List.of("AMP_AUTHORIZATION", "RBQ_LICENCE", "CNESST_CERTIFICATE", "CCQ_STATEMENT", "BID_BOND",
                "PERFORMANCE_BOND", "LABOUR_MATERIALS_BOND")) {
            JsonNode d = expect(201, c.post(docs()).token(world.adam).body(declaration(kind, "expiresOn", "2027-05-31")).send())
                    .json().get("document");
            assertEquals(kind, d.get("kind").asText());
            assertTrue(d.get("reminderIsDefault").asBoolean(), kind);
        }
        assertEquals(1, expect(200, c.get(docs() + "?kind=BID_BOND").token(world.lea).send()).json().get("items").size());
        assertEquals(403, c.post(docs()).token(world.lea).body(declaration("BID_BOND")).send().status(), "LIMITED reads only");
    }

    @Test
    void aRenewalCarriesItsNewDatesWhichMoveTheExpiryAndTheDefaultReminder() {
        JsonNode document = expect(201, c.post(docs()).token(world.adam).body(declaration("REVENU_QUEBEC_ATTESTATION",
                "issuedOn", "2026-08-14")).send()).json().get("document");
        String id = document.get("id").asText();
        assertEquals("2026-11-30", document.get("expiresOn").asText());
        Map<String, Object> file = Map.of("fileName", "attestation-2.pdf", "contentType", "application/pdf", "sizeBytes", 900);

        // the renewal's dates follow the document's rules, checked before anything is stored
        Map<String, Object> typedExpiry = new HashMap<>(file);
        typedExpiry.put("expiresOn", "2027-06-30");
        assertEquals(List.of("expiresOn:EXPIRY_COMPUTED"), refused(c.post(docs() + "/" + id + "/versions").token(world.adam).body(typedExpiry)));
        Map<String, Object> future = new HashMap<>(file);
        future.put("issuedOn", TODAY.plusDays(1).toString());
        assertEquals(List.of("issuedOn:ISSUED_IN_THE_FUTURE"), refused(c.post(docs() + "/" + id + "/versions").token(world.adam).body(future)));
        assertEquals(1, expect(200, c.get(docs() + "/" + id + "/versions").token(world.adam).send()).json().get("items").size(),
                "a refused renewal adds no version");

        Map<String, Object> renewal = new HashMap<>(file);
        renewal.put("issuedOn", "2026-12-01");
        JsonNode added = expect(201, c.post(docs() + "/" + id + "/versions").token(world.adam).body(renewal).send()).json();
        assertEquals("2027-03-31", added.get("document").get("expiresOn").asText(), "the answer shows the document's new dates");
        JsonNode read = expect(200, c.get(docs() + "/" + id).token(world.lea).send()).json();
        assertEquals("2026-12-01", read.get("issuedOn").asText());
        assertEquals("2027-03-31", read.get("expiresOn").asText());
        assertEquals("2027-03-31", read.get("reminderDate").asText(), "the default reminder follows the new expiry");
        JsonNode expiring = expect(200, c.get("/admin-documents/expiring?withinDays=200").token(world.adam).send()).json().get("items");
        List<String> dates = new ArrayList<>();
        expiring.forEach(d -> { if (d.get("document").get("id").asText().equals(id)) { dates.add(d.get("document").get("expiresOn").asText()); } });
        assertEquals(List.of("2027-03-31"), dates, "moved in the expiring list");
        JsonNode history = expect(200, c.get("/projects/" + project + "/admin-history?limit=100").token(world.adam).send()).json().get("items");
        List<String> fields = new ArrayList<>();
        history.forEach(h -> fields.add(h.get("field").asText()));
        assertTrue(fields.contains("adminDocuments." + id + ".issuedOn") && fields.contains("adminDocuments." + id + ".expiresOn"), fields.toString());

        // without dates, a version keeps the document's
        JsonNode plain = expect(201, c.post(docs() + "/" + id + "/versions").token(world.adam).body(file).send()).json();
        assertEquals("2026-12-01", plain.get("document").get("issuedOn").asText());
        assertEquals(3, expect(200, c.get(docs() + "/" + id + "/versions").token(world.adam).send()).json().get("items").size());
    }
}
