package com.example.clientmgmt.documents;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.PermissionMatrix;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.TestClock;
import com.example.clientmgmt.testkit.World;
import com.example.clientmgmt.uploads.UploadEventsHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.documents.AdminDocumentsApiTest.HTTP;
import static com.example.clientmgmt.documents.AdminDocumentsApiTest.declaration;
import static com.example.clientmgmt.documents.AdminDocumentsApiTest.docs;
import static com.example.clientmgmt.documents.AdminDocumentsApiTest.upload;
import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents that are renewed, not re-created: kinds, expiry dates, file versions, the expiring list across
 * projects. Time is the functions' clock, moved by the test: a version whose upload never comes expires
 * because the clock passed its deadline, not because a TTL removed anything.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class DocumentVersionsApiTest {
    static final TestClock CLOCK = new TestClock(Instant.now());
    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(CLOCK).withUploadEvents(context -> {
        UploadEventsHandler handler = new UploadEventsHandler(context);
        return event -> handler.handleRequest(event, null);
    });
    static final ZoneId ORG_ZONE = ZoneId.of("America/Toronto");
    static final byte[] V1 = "%PDF-1.7\n% assurance 2026\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] V2 = "%PDF-1.7\n% assurance 2027 — renouvelée\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static World world;
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    static LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), ORG_ZONE);
    }

    static JsonNode declare(String project, String title, String kind, LocalDate expiresOn, String fileName, byte[] bytes) {
        Map<String, Object> body = new LinkedHashMap<>(declaration(fileName, "application/pdf", bytes.length));
        body.put("title", title);
        body.put("kind", kind);
        body.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
        return expect(201, c.post(docs(project)).token(world.adam).body(body).send()).json();
    }

    static JsonNode addVersion(String project, String document, String fileName, byte[] bytes) {
        return expect(201, c.post(docs(project) + "/" + document + "/versions").token(world.adam)
                .body(Map.of("fileName", fileName, "contentType", "application/pdf", "sizeBytes", bytes.length)).send()).json();
    }

    static JsonNode read(String project, String document) {
        return expect(200, c.get(docs(project) + "/" + document).token(world.lea).send()).json();
    }

    static byte[] bytesOf(JsonNode link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    static List<String> expiring(String token, int withinDays) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, c.get("/admin-documents/expiring?withinDays=" + withinDays + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).token(token).send()).json();
            page.get("items").forEach(i -> ids.add(i.get("document").get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }

    @Test
    void anInsuranceCertificateIsRenewedDownloadedAsItsNewestVersionAndLeavesTheExpiringList() throws Exception {
        String p = world.openProject;
        JsonNode declared = declare(p, "Assurance responsabilité civile", "INSURANCE", today().plusDays(20), "assurance 2026.pdf", V1);
        String id = declared.get("document").get("id").asText();
        assertEquals("INSURANCE", declared.get("document").get("kind").asText());
        assertEquals(200, upload(declared, V1, "application/pdf"));
        api.deliverUploadEvents();
        String v1 = declared.get("version").get("id").asText();
        assertEquals(v1, read(p, id).get("currentVersionId").asText());
        assertTrue(expiring(world.lea, 30).contains(id), "expires within 30 days: listed for a LIMITED member");
        JsonNode listed = expect(200, c.get("/admin-documents/expiring").token(world.owner).send()).json().get("items");
        JsonNode mine = null;
        for (JsonNode item : listed) {
            if (item.get("document").get("id").asText().equals(id)) {
                mine = item;
            }
        }
        assertEquals("Tour Sud", mine.get("projectName").asText());
        assertEquals(p, mine.get("projectId").asText());

        JsonNode renewal = addVersion(p, id, "assurance 2027.pdf", V2);
        assertEquals("PENDING_UPLOAD", renewal.get("version").get("status").asText());
        assertEquals("AVAILABLE", read(p, id).get("status").asText(), "the current version still serves while the renewal uploads");
        assertEquals(200, upload(renewal, V2, "application/pdf"));
        api.deliverUploadEvents();
        String v2 = renewal.get("version").get("id").asText();
        JsonNode now = read(p, id);
        assertEquals(v2, now.get("currentVersionId").asText());
        assertEquals("assurance 2027.pdf", now.get("fileName").asText());
        assertEquals(2, now.get("versionCount").asInt());
        JsonNode link = expect(200, c.get(docs(p) + "/" + id + "/download").token(world.lea).send()).json();
        assertEquals(v2, link.get("versionId").asText());
        assertArrayEquals(V2, bytesOf(link), "the download gives the renewed bytes");
        JsonNode versions = expect(200, c.get(docs(p) + "/" + id + "/versions").token(world.lea).send()).json().get("items");
        assertEquals(List.of(v2, v1), List.of(versions.get(0).get("id").asText(), versions.get(1).get("id").asText()), "newest first");
        assertEquals("AVAILABLE", versions.get(1).get("status").asText());
        assertEquals("adam", versions.get(1).get("uploadedBy").asText());
        assertArrayEquals(V1, bytesOf(expect(200, c.get(docs(p) + "/" + id + "/versions/" + v1 + "/download").token(world.lea).send()).json()),
                "an older version stays downloadable");

        expect(200, c.patch(docs(p) + "/" + id).token(world.adam).body(Map.of("expiresOn", today().plusYears(1).toString())).send());
        assertFalse(expiring(world.lea, 30).contains(id), "its expiry moved: no longer within 30 days");
        assertTrue(expiring(world.lea, 366).contains(id));

        JsonNode history = expect(200, c.get("/projects/" + p + "/admin-history?limit=20").token(world.adam).send()).json().get("items");
        List<String> fields = new ArrayList<>();
        history.forEach(h -> fields.add(h.get("field").asText() + " by " + h.get("by").asText()));
        String f = "adminDocuments." + id;
        assertTrue(fields.containsAll(List.of(f + ".expiresOn by adam", f + ".versions." + v2 + ".status by system:upload-check",
                f + ".versions." + v2 + " by adam", f + ".versions." + v1 + ".status by system:upload-check", f + " by adam")), fields::toString);
    }

    @Test
    void aVersionThatNeverArrivesExpiresOnTheClockAndLeavesTheDocumentItsReminderAndItsHistory() throws Exception {
        String p = world.openProject;
        JsonNode declared = declare(p, "Cautionnement d'exécution", "BOND", today().plusDays(90), "caution.pdf", V1);
        String id = declared.get("document").get("id").asText();
        expect(200, c.patch(docs(p) + "/" + id).token(world.adam).body(Map.of("reminderDate", today().plusDays(60).toString(),
                "reminderNote", "Demander le renouvellement")).send());
        upload(declared, V1, "application/pdf");
        api.deliverUploadEvents();
        JsonNode before = read(p, id);
        int historyBefore = expect(200, c.get("/projects/" + p + "/admin-history?limit=100").token(world.adam).send()).json().get("items").size();

        JsonNode never = addVersion(p, id, "caution 2027.pdf", V2);
        String lost = never.get("version").get("id").asText();
        CLOCK.advance(Duration.ofMinutes(24));
        assertEquals("PENDING_UPLOAD", expect(200, c.get(docs(p) + "/" + id + "/versions").token(world.lea).send()).json()
                .get("items").get(0).get("status").asText(), "within its URL's lifetime and the grace period");
        CLOCK.advance(Duration.ofMinutes(2));
        JsonNode after = read(p, id);
        assertEquals("AVAILABLE", after.get("status").asText());
        assertEquals(before.get("currentVersionId"), after.get("currentVersionId"));
        assertEquals(before.get("reminderDate"), after.get("reminderDate"), "the reminder is untouched");
        assertEquals(before.get("reminderNote"), after.get("reminderNote"));
        JsonNode versions = expect(200, c.get(docs(p) + "/" + id + "/versions").token(world.lea).send()).json().get("items");
        assertEquals(lost, versions.get(0).get("id").asText());
        assertEquals("EXPIRED", versions.get(0).get("status").asText(), "past its deadline: expired, whatever the store says yet");
        int historyAfter = expect(200, c.get("/projects/" + p + "/admin-history?limit=100").token(world.adam).send()).json().get("items").size();
        assertEquals(historyBefore + 1, historyAfter, "the history keeps everything and adds the version's declaration");
        assertEquals("DOCUMENT_NOT_AVAILABLE", expect(409, c.get(docs(p) + "/" + id + "/versions/" + lost + "/download").token(world.lea).send())
                .json().get("code").asText());

        JsonNode alone = declare(p, "Licence RBQ", "LICENCE_PERMIT", today().minusDays(3), "rbq.pdf", V1);
        String aloneId = alone.get("document").get("id").asText();
        CLOCK.advance(Duration.ofMinutes(26));
        assertEquals("NO_FILE", read(p, aloneId).get("status").asText(), "its only version expired: the document stays, without a file");
        JsonNode retry = addVersion(p, aloneId, "rbq.pdf", V1);
        assertEquals("PENDING_UPLOAD", read(p, aloneId).get("status").asText());
        upload(retry, V1, "application/pdf");
        api.deliverUploadEvents();
        assertEquals("AVAILABLE", read(p, aloneId).get("status").asText());
    }

    @Test
    void kindsFilterTheListAndBadValuesAre400() {
        String p = world.project("Chantier des types", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        String bond = declare(p, "Cautionnement", "BOND", null, "c.pdf", V1).get("document").get("id").asText();
        declare(p, "Contrat", "CONTRACT", null, "k.pdf", V1);
        JsonNode other = expect(201, c.post(docs(p)).token(world.adam).body(declaration("x.pdf", "application/pdf", 10)).send()).json();
        assertEquals("OTHER", other.get("document").get("kind").asText(), "kind defaults to OTHER");
        JsonNode bonds = expect(200, c.get(docs(p) + "?kind=BOND").token(world.lea).send()).json().get("items");
        assertEquals(1, bonds.size());
        assertEquals(bond, bonds.get(0).get("id").asText());
        assertEquals("kind", expect(400, c.get(docs(p) + "?kind=bond").token(world.lea).send()).json().get("errors").get(0).get("field").asText());
        assertEquals("kind", expect(400, c.get(docs(p) + "?kind=").token(world.lea).send()).json().get("errors").get(0).get("field").asText(),
                "an empty kind names none");
        Map<String, Object> badKind = new HashMap<>(declaration("x.pdf", "application/pdf", 10));
        badKind.put("kind", "PERMIT");
        expect(400, c.post(docs(p)).token(world.adam).body(badKind).send());
        expect(400, c.patch(docs(p) + "/" + bond).token(world.adam).body(Map.of("expiresOn", "2027-02-30")).send());
        Map<String, Object> nullKind = new HashMap<>();
        nullKind.put("kind", null);
        expect(400, c.patch(docs(p) + "/" + bond).token(world.adam).body(nullKind).send());
        expect(400, c.post(docs(p) + "/" + bond + "/versions").token(world.adam).body(Map.of("fileName", "é".repeat(256),
                "contentType", "application/pdf", "sizeBytes", 1)).send());
        expect(201, c.post(docs(p) + "/" + bond + "/versions").token(world.adam).body(Map.of("fileName", "é".repeat(251) + ".pdf",
                "contentType", "application/pdf", "sizeBytes", 1)).send());
        expect(400, c.post(docs(p) + "/" + bond + "/versions").token(world.adam).body(Map.of("fileName", "a.exe",
                "contentType", "application/x-msdownload", "sizeBytes", 1)).send());
        for (String bad : List.of("-1", "367", "abc", "1.5")) {
            assertEquals("withinDays", expect(400, c.get("/admin-documents/expiring?withinDays=" + bad).token(world.lea).send())
                    .json().get("errors").get(0).get("field").asText(), bad);
        }
        expect(400, c.get("/admin-documents/expiring?cursor=garbage").token(world.lea).send());
    }

    @Test
    void theExpiringListShowsWhatTheCallerMayReadAndNoMore() {
        String mine = world.project("Projet de Léa", Map.of("lea", "LIMITED", "adam", "ADMIN"));
        String notMine = world.project("Projet sans Léa", Map.of("adam", "ADMIN"));
        String a = declare(mine, "Assurance", "INSURANCE", today().plusDays(5), "a.pdf", V1).get("document").get("id").asText();
        String b = declare(notMine, "Attestation CNESST", "COMPLIANCE_CERTIFICATE", today().minusDays(1), "b.pdf", V1)
                .get("document").get("id").asText();
        List<String> lea = expiring(world.lea, 30);
        assertTrue(lea.contains(a));
        assertFalse(lea.contains(b), "not a member of that project");
        List<String> owner = expiring(world.owner, 30);
        assertTrue(owner.containsAll(List.of(a, b)), "an organization admin sees the whole organization");
        assertTrue(owner.indexOf(b) < owner.indexOf(a), "soonest first, already expired included");
        assertTrue(expiring(world.nora, 30).isEmpty(), "member of no project");
        assertTrue(expiring(world.outsider, 30).isEmpty(), "another organization's admin");
        assertFalse(expiring(world.owner, 0).contains(a), "withinDays=0: only what has already expired");
        assertTrue(expiring(world.owner, 0).contains(b));
    }

    @Test
    void aDocumentHoldsAtMostOneHundredVersions() {
        String p = world.openProject;
        String id = declare(p, "Contrat", "CONTRACT", null, "c.pdf", V1).get("document").get("id").asText();
        String pk = "ORG#" + world.org + "#PROJECT#" + p;
        for (int i = 0; i < 99; i++) { // 99 more, written behind the API's back: 100 in all
            String versionId = String.format("01M80000000000000000%06d", i);
            api.aws().dynamoDb().updateItem(u -> u.tableName(api.names().table())
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("PROJECT#DOCUMENT#" + id)))
                    .updateExpression("SET versions.#v = :v").expressionAttributeNames(Map.of("#v", versionId))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromM(Map.of("fileName", AttributeValue.fromS("v.pdf"),
                            "contentType", AttributeValue.fromS("application/pdf"), "declaredSize", AttributeValue.fromN("1"),
                            "status", AttributeValue.fromS("REJECTED"), "rejectReason", AttributeValue.fromS("SIZE_MISMATCH"),
                            "createdAt", AttributeValue.fromS(Instant.EPOCH.toString()), "createdBy", AttributeValue.fromS("adam"))))));
        }
        assertEquals(100, read(p, id).get("versionCount").asInt());
        JsonNode refused = expect(409, c.post(docs(p) + "/" + id + "/versions").token(world.adam)
                .body(Map.of("fileName", "v.pdf", "contentType", "application/pdf", "sizeBytes", 1)).send()).json();
        assertEquals("CONFLICT", refused.get("code").asText());
        assertTrue(refused.get("detail").asText().contains("100"), refused::toString);
        assertEquals(100, expect(200, c.get(docs(p) + "/" + id + "/versions").token(world.lea).send()).json().get("items").size());
    }

    @TestFactory
    List<DynamicTest> permissionMatrixOfTheVersionRoutesAndTheExpiringList() throws Exception {
        String p = world.project("Matrice des versions", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        JsonNode declared = declare(p, "Assurance", "INSURANCE", today().plusDays(3), "a.pdf", V1);
        upload(declared, V1, "application/pdf");
        api.deliverUploadEvents();
        String doc = declared.get("document").get("id").asText();
        String version = declared.get("version").get("id").asText();
        expect(200, c.patch("/projects/" + p + "/admin-info").token(world.owner).body(Map.of("state", "CLOSED")).send());
        String openDoc = declare(world.openProject, "Contrat", "CONTRACT", null, "o.pdf", V1).get("document").get("id").asText();
        Map<String, Object> file = Map.of("fileName", "n.pdf", "contentType", "application/pdf", "sizeBytes", 10);
        List<DynamicTest> tests = new ArrayList<>();
        record Route(String name, java.util.function.Supplier<ApiClient.Call> call, int limited, int admin) {}
        for (Route r : List.of(
                new Route("POST version / open", () -> c.post(docs(world.openProject) + "/" + openDoc + "/versions").body(file), 403, 201),
                new Route("POST version / closed", () -> c.post(docs(p) + "/" + doc + "/versions").body(file), 403, 409),
                new Route("POST version / unknown document", () -> c.post(docs(world.openProject) + "/01ARZ3NDEKTSV4RRFFQ69G5FAV/versions").body(file), 403, 404),
                new Route("GET versions / closed", () -> c.get(docs(p) + "/" + doc + "/versions"), 200, 200),
                new Route("GET version download / closed", () -> c.get(docs(p) + "/" + doc + "/versions/" + version + "/download"), 200, 200),
                new Route("GET version download / unknown version", () -> c.get(docs(p) + "/" + doc + "/versions/01ARZ3NDEKTSV4RRFFQ69G5FAV/download"), 404, 404),
                new Route("GET version download / not an id", () -> c.get(docs(p) + "/" + doc + "/versions/..%2F..%2Fx/download"), 404, 404))) {
            tests.add(PermissionMatrix.noCaller(r.name(), r.call().get()));
            tests.add(PermissionMatrix.expect(r.name() + " / other organization", r.call().get().token(world.outsider), 404));
            tests.add(PermissionMatrix.expect(r.name() + " / NONE", r.call().get().token(world.nora), 403));
            tests.add(PermissionMatrix.expect(r.name() + " / LIMITED", r.call().get().token(world.lea), r.limited()));
            tests.add(PermissionMatrix.expect(r.name() + " / ADMIN", r.call().get().token(world.adam), r.admin()));
        }
        tests.add(PermissionMatrix.noCaller("GET expiring", c.get("/admin-documents/expiring")));
        for (String who : List.of("outsider", "nora", "lea", "adam", "owner")) {
            String token = Map.of("outsider", world.outsider, "nora", world.nora, "lea", world.lea, "adam", world.adam, "owner", world.owner).get(who);
            tests.add(PermissionMatrix.expect("GET expiring / " + who, c.get("/admin-documents/expiring").token(token), 200));
        }
        return tests;
    }
}
