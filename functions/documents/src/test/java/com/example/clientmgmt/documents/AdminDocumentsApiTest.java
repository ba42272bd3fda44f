package com.example.clientmgmt.documents;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.Cursors;
import com.example.clientmgmt.testkit.PermissionMatrix;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.example.clientmgmt.uploads.UploadEventsHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Documents admin" tab end to end: declare, upload with the presigned URL, S3 event, download. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class AdminDocumentsApiTest {
    @RegisterExtension
    static TestApi api = new TestApi().withUploadEvents(context -> {
        UploadEventsHandler handler = new UploadEventsHandler(context);
        return event -> handler.handleRequest(event, null);
    });
    static World world;
    static ApiClient c;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] PDF = "%PDF-1.7\n% contrat signé — Tour Sud\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    static String docs(String project) {
        return "/projects/" + project + "/admin-documents";
    }

    static Map<String, Object> declaration(String fileName, String type, long size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Contrat signé");
        body.put("fileName", fileName);
        body.put("contentType", type);
        body.put("sizeBytes", size);
        return body;
    }

    static JsonNode declare(String project, Map<String, Object> body) {
        return expect(201, c.post(docs(project)).token(world.adam).body(body).send()).json();
    }

    /** A document ADAM declared and uploaded as declared, its upload event delivered: AVAILABLE. Returns its id. */
    static String uploaded(String project, String fileName) throws Exception {
        JsonNode declared = declare(project, declaration(fileName, "application/pdf", PDF.length));
        assertEquals(200, upload(declared, PDF, "application/pdf"));
        api.deliverUploadEvents();
        return declared.get("document").get("id").asText();
    }

    /** PUT the bytes to the presigned URL with the headers the API said to send, as a browser would. */
    static int upload(JsonNode declared, byte[] bytes, String contentType) throws Exception {
        JsonNode upload = declared.get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
                .method(upload.get("method").asText(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        put.header("Content-Type", contentType);
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void declareUploadFinalizeAndDownloadTheSameBytes() throws Exception {
        String p = world.openProject;
        JsonNode declared = declare(p, declaration("Contrat signé (v2).pdf", "application/pdf", PDF.length));
        JsonNode doc = declared.get("document");
        assertEquals("PENDING_UPLOAD", doc.get("status").asText());
        String id = doc.get("id").asText();
        assertEquals("DOCUMENT_NOT_AVAILABLE", expect(409, c.get(docs(p) + "/" + id + "/download").token(world.lea).send())
                .json().get("code").asText());

        assertEquals(200, upload(declared, PDF, "application/pdf"));
        assertEquals(1, api.deliverUploadEvents());

        JsonNode available = expect(200, c.get(docs(p) + "/" + id).token(world.lea).send()).json();
        assertEquals("AVAILABLE", available.get("status").asText());
        assertEquals(PDF.length, available.get("sizeBytes").asLong());
        assertFalse(available.get("checksum").isNull());
        JsonNode link = expect(200, c.get(docs(p) + "/" + id + "/download").token(world.lea).send()).json();
        HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertArrayEquals(PDF, got.body());
        assertTrue(Instant.parse(link.get("expiresAt").asText()).isBefore(Instant.now().plus(Duration.ofMinutes(6))));
        // listed for LIMITED too
        assertTrue(expect(200, c.get(docs(p)).token(world.lea).send()).json().get("items").toString().contains(id));
    }

    @Test
    void thePresignedUploadIsScopedToOneKeyOneTypeOneSizeAndAFewMinutes() {
        JsonNode declared = declare(world.openProject, declaration("../../etc/passwd", "application/pdf", 1234));
        JsonNode upload = declared.get("upload");
        String id = declared.get("document").get("id").asText();
        assertEquals("PUT", upload.get("method").asText());
        URI url = URI.create(upload.get("url").asText());
        String version = declared.get("version").get("id").asText();
        assertTrue(url.getPath().endsWith("/documents/" + world.org + "/" + world.openProject + "/" + id + "/" + version), url::toString);
        assertFalse(url.toString().contains("passwd"));
        Map<String, String> q = query(url.toString());
        assertEquals("600", q.get("X-Amz-Expires"));
        List<String> signed = List.of(q.get("X-Amz-SignedHeaders").split(";"));
        assertTrue(signed.containsAll(List.of("content-length", "content-type", "host")), signed::toString);
        assertFalse(q.keySet().stream().anyMatch(k -> k.toLowerCase().contains("checksum")), q::toString);
        assertEquals("application/pdf", upload.get("headers").get("Content-Type").asText());
        assertEquals("1234", upload.get("headers").get("Content-Length").asText());
        Instant expires = Instant.parse(upload.get("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofMinutes(9))) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(11))));
    }

    @Test
    void aLyingUploadIsRejectedAndItsObjectRemoved() throws Exception {
        String p = world.openProject;
        JsonNode bigger = declare(p, declaration("assurance.pdf", "application/pdf", 10));
        assertEquals(200, upload(bigger, "twelve bytes".getBytes(StandardCharsets.UTF_8), "application/pdf"));
        JsonNode otherType = declare(p, declaration("assurance.pdf", "application/pdf", PDF.length));
        assertEquals(200, upload(otherType, PDF, "text/plain"));
        api.deliverUploadEvents();
        for (JsonNode declared : List.of(bigger, otherType)) {
            String id = declared.get("document").get("id").asText();
            JsonNode doc = expect(200, c.get(docs(p) + "/" + id).token(world.adam).send()).json();
            assertEquals("REJECTED", doc.get("status").asText());
            String key = "documents/" + world.org + "/" + p + "/" + id;
            assertTrue(api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key)).versions().isEmpty(),
                    "the rejected object is gone, every version");
            expect(409, c.get(docs(p) + "/" + id + "/download").token(world.adam).send());
        }
        assertEquals("SIZE_MISMATCH", expect(200, c.get(docs(p) + "/" + bigger.get("document").get("id").asText()).token(world.adam).send())
                .json().get("rejectReason").asText());
        assertEquals("TYPE_MISMATCH", expect(200, c.get(docs(p) + "/" + otherType.get("document").get("id").asText()).token(world.adam).send())
                .json().get("rejectReason").asText());
    }

    @Test
    void duplicateAndUnknownEventsChangeNothing() throws Exception {
        String p = world.openProject;
        String id = uploaded(p, "bond.pdf");
        JsonNode first = expect(200, c.get(docs(p) + "/" + id).token(world.adam).send()).json();
        UploadEventsHandler handler = new UploadEventsHandler(api.context());
        String key = "documents/" + world.org + "/" + p + "/" + id + "/" + first.get("currentVersionId").asText();
        assertEquals(List.of("ALREADY_FINAL"), handler.handleRequest(event(key), null));
        assertEquals(List.of("ALREADY_FINAL"), handler.handleRequest(event(key), null));
        assertEquals(first, expect(200, c.get(docs(p) + "/" + id).token(world.adam).send()).json());
        assertEquals(List.of("UNKNOWN_KEY", "UNKNOWN_KEY", "UNKNOWN_KEY"),
                handler.handleRequest(event("random/file.txt", "documents/x/../../y", "documents/" + world.org + "/" + p + "/01ARZ3NDEKTSV4RRFFQ69G5FAV"), null));
    }

    /** A still-valid URL used after its document was deleted puts an object nobody owns: its event removes it. */
    @Test
    void anUploadThroughAValidUrlAfterItsDocumentWasDeletedLeavesNoOrphan() throws Exception {
        String p = world.openProject;
        JsonNode declared = declare(p, declaration("orphelin.pdf", "application/pdf", PDF.length));
        String id = declared.get("document").get("id").asText();
        expect(204, c.delete(docs(p) + "/" + id).token(world.adam).send());
        assertEquals(200, upload(declared, PDF, "application/pdf"), "the URL is still valid: S3 takes the bytes");
        String key = "documents/" + world.org + "/" + p + "/" + id + "/" + declared.get("version").get("id").asText();
        assertFalse(api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key)).versions().isEmpty());
        api.deliverUploadEvents();
        assertTrue(api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key)).versions().isEmpty(),
                "no document owns it: removed, every version");
    }

    static S3Event event(String... keys) {
        List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        for (String key : keys) {
            records.add(new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                    "2026-11-26T12:00:00.000Z", "2.1", null, null,
                    new S3EventNotification.S3Entity("config", new S3EventNotification.S3BucketEntity(api.names().bucket(), null, null),
                            new S3EventNotification.S3ObjectEntity(URLEncoderHolder.encode(key), 1L, "etag", null, "seq"), "1.0"),
                    null));
        }
        return new S3Event(records);
    }

    static final class URLEncoderHolder {
        static String encode(String key) {
            return java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        }
    }

    @Test
    void hostileFileNamesAreKeptAsTypedAndNeverUsedAsPaths() throws Exception {
        String p = world.openProject;
        for (String name : List.of("../../../etc/passwd", "contrat \"final\" 'v2'.pdf", "📄 Contrat — Tour Sud ✅.pdf",
                "a\\b/c:d*e?f<g>h|i.pdf", "x".repeat(251) + ".pdf")) {
            JsonNode declared = declare(p, declaration(name, "application/pdf", PDF.length));
            assertEquals(name, declared.get("document").get("fileName").asText());
            assertEquals(200, upload(declared, PDF, "application/pdf"));
            api.deliverUploadEvents();
            String id = declared.get("document").get("id").asText();
            assertEquals(name, expect(200, c.get(docs(p) + "/" + id).token(world.adam).send()).json().get("fileName").asText());
            JsonNode link = expect(200, c.get(docs(p) + "/" + id + "/download").token(world.adam).send()).json();
            String disposition = query(link.get("url").asText()).get("response-content-disposition");
            assertTrue(disposition.startsWith("attachment; filename=\""), disposition);
            assertTrue(disposition.contains("filename*=UTF-8''" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")), disposition);
            HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(PDF, got.body());
        }
        assertEquals("TOO_LONG", expect(400, c.post(docs(p)).token(world.adam).body(declaration("x".repeat(1000), "application/pdf", 10)).send())
                .json().get("errors").get(0).get("code").asText());
    }

    /** Authorization before the body: LIMITED gets 403 for a malformed or oversized declaration as for a fine one. */
    @Test
    void aDeclarationOrAVersionIsReadOnlyForWhomMayChangeTheProject() {
        String id = declare(world.openProject, declaration("r.pdf", "application/pdf", 10)).get("document").get("id").asText();
        for (String body : List.of("{not json", "{\"title\": \"" + "x".repeat(60_000) + "\"}",
                "{\"title\":\"t\",\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":1}")) {
            for (ApiClient.Call call : List.of(c.post(docs(world.openProject)).token(world.lea).body(body),
                    c.post(docs(world.openProject) + "/" + id + "/versions").token(world.lea).body(body),
                    c.patch(docs(world.openProject) + "/" + id).token(world.lea).body(body))) {
                ApiClient.Response r = call.send();
                assertEquals(403, r.status(), r::toString);
                assertEquals("FORBIDDEN", r.json().get("code").asText());
            }
        }
    }

    /** A reminder in year 0001 (which would fire on any sweep) or more than a year back is refused, in both languages. */
    @Test
    void reminderDatesAreBoundedAndNotMoreThanAYearBack() {
        String p = world.openProject;
        Map<String, Object> ancient = declaration("a.pdf", "application/pdf", 10);
        ancient.put("reminderDate", "0001-01-01");
        JsonNode refused = expect(400, c.post(docs(p)).token(world.adam).body(ancient).send()).json();
        assertEquals("reminderDate", refused.get("errors").get(0).get("field").asText());
        assertEquals("DATE_OUT_OF_RANGE", refused.get("errors").get(0).get("code").asText());
        Map<String, Object> old = declaration("a.pdf", "application/pdf", 10);
        old.put("reminderDate", java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto")).minusYears(1).minusDays(2).toString());
        assertEquals("REMINDER_DATE_TOO_OLD", expect(400, c.post(docs(p)).token(world.adam).body(old).send()).json()
                .get("errors").get(0).get("code").asText());
        assertTrue(expect(400, c.post(docs(p)).token(world.adam).header("Accept-Language", "fr-CA").body(old).send()).json()
                .get("errors").get(0).get("message").asText().startsWith("Une date de rappel ne peut précéder le "));
        assertTrue(expect(400, c.post(docs(p)).token(world.adam).header("Accept-Language", "en").body(old).send()).json()
                .get("errors").get(0).get("message").asText().startsWith("A reminder date cannot be before "));
        String id = declare(p, declaration("b.pdf", "application/pdf", 10)).get("document").get("id").asText();
        assertEquals("REMINDER_DATE_TOO_OLD", expect(400, c.patch(docs(p) + "/" + id).token(world.adam)
                .body(Map.of("reminderDate", "2001-01-01")).send()).json().get("errors").get(0).get("code").asText());
    }

    @Test
    void typeAndSizeAreChecked() {
        String p = world.openProject;
        record Case(Map<String, Object> body, String field, String code) {}
        Map<String, Object> noSize = declaration("a.pdf", "application/pdf", 1);
        noSize.put("sizeBytes", "12");
        Map<String, Object> decimal = declaration("a.pdf", "application/pdf", 1);
        decimal.put("sizeBytes", 1.5);
        for (Case k : List.of(
                new Case(declaration("virus.exe", "application/x-msdownload", 10), "contentType", "TYPE_NOT_ALLOWED"),
                new Case(declaration("page.html", "text/html", 10), "contentType", "TYPE_NOT_ALLOWED"),
                new Case(declaration("huge.pdf", "application/pdf", 100L * 1024 * 1024 + 1), "sizeBytes", "FILE_TOO_LARGE"),
                new Case(declaration("empty.pdf", "application/pdf", 0), "sizeBytes", "EMPTY_FILE"),
                new Case(noSize, "sizeBytes", "NOT_A_WHOLE_NUMBER"),
                new Case(decimal, "sizeBytes", "NOT_A_WHOLE_NUMBER"))) {
            JsonNode problem = expect(400, c.post(docs(p)).token(world.adam).body(k.body()).send()).json();
            assertEquals(k.field(), problem.get("errors").get(0).get("field").asText(), problem::toString);
            assertEquals(k.code(), problem.get("errors").get(0).get("code").asText(), problem::toString);
        }
        // every allowed family is accepted, case-insensitively
        for (String type : List.of("application/pdf", "IMAGE/JPEG", "image/png", "application/msword",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain", "message/rfc822")) {
            declare(p, declaration("f", type, 10));
        }
    }

    @Test
    void titleAndReminderAreEditedAndRecorded() {
        String p = world.project("Rappels", Map.of("lea", "LIMITED"));
        Map<String, Object> body = declaration("assurance.pdf", "application/pdf", 10);
        body.put("reminderDate", "2027-03-01");
        body.put("reminderNote", "Renouveler l'assurance");
        String id = expect(201, c.post(docs(p)).token(world.owner).body(body).send()).json().get("document").get("id").asText();
        JsonNode edited = expect(200, c.patch(docs(p) + "/" + id).token(world.owner)
                .body(Map.of("title", "Certificat d'assurance 2027", "reminderDate", "2027-02-15")).send()).json();
        assertEquals("Certificat d'assurance 2027", edited.get("title").asText());
        assertEquals("2027-02-15", edited.get("reminderDate").asText());
        assertEquals("Renouveler l'assurance", edited.get("reminderNote").asText());
        Map<String, Object> clear = new HashMap<>();
        clear.put("reminderDate", null);
        JsonNode cleared = expect(200, c.patch(docs(p) + "/" + id).token(world.owner).body(clear).send()).json();
        assertTrue(cleared.get("reminderDate").isNull());
        assertTrue(expect(200, c.get(docs(p) + "/" + id).token(world.lea).send()).json().get("reminderDate").isNull());
        JsonNode history = expect(200, c.get("/projects/" + p + "/admin-history").token(world.owner).send()).json().get("items");
        assertEquals("adminDocuments." + id + ".reminderDate", history.get(0).get("field").asText());
        assertEquals("2027-02-15", history.get(0).get("from").asText());
        assertTrue(history.get(0).get("to").isNull());
        expect(400, c.patch(docs(p) + "/" + id).token(world.owner).body(Map.of("reminderDate", "demain")).send());
        expect(400, c.patch(docs(p) + "/" + id).token(world.owner).body(Map.of("fileName", "x.pdf")).send());
    }

    @Test
    void deletingRemovesTheRecordAndKeepsARecoverableVersion() throws Exception {
        String p = world.openProject;
        String id = uploaded(p, "à supprimer.pdf");
        expect(204, c.delete(docs(p) + "/" + id).token(world.adam).send());
        expect(404, c.get(docs(p) + "/" + id).token(world.adam).send());
        expect(404, c.delete(docs(p) + "/" + id).token(world.adam).send());
        String key = "documents/" + world.org + "/" + p + "/" + id;
        var versions = api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key));
        assertEquals(1, versions.versions().size(), "the bytes stay recoverable");
        assertEquals(1, versions.deleteMarkers().size(), "but are no longer current");
    }

    record Route(String name, Function<String, ApiClient.Call> call, int limitedOpen, int adminOpen, int adminClosed) {}

    @Test
    void reminderFieldsAreCheckedAndADefaultReminderBecomesOwnWhenEdited() {
        String p = world.openProject;
        Map<String, Object> body = new LinkedHashMap<>(declaration("b.pdf", "application/pdf", PDF.length));
        body.put("kind", "BOND");
        body.put("expiresOn", "2030-06-30");
        JsonNode doc = declare(p, body).get("document");
        String url = docs(p) + "/" + doc.get("id").asText();
        assertTrue(doc.get("reminderIsDefault").asBoolean());
        assertEquals("2030-06-30", doc.get("reminderDate").asText());
        assertEquals(30, doc.get("leadDays").asInt());
        assertEquals(7, doc.get("repeatEveryDays").asInt());
        assertTrue(doc.get("reminderResolution").isNull());

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("leadDays", 91);
        bad.put("repeatEveryDays", 0);
        JsonNode refused = expect(400, c.patch(url).token(world.adam).body(bad).send()).json();
        assertEquals(2, refused.get("errors").size(), refused::toString);
        assertEquals("OUT_OF_RANGE", refused.get("errors").get(0).get("code").asText());
        for (Object value : List.of(-1, 31, 1.5, "7", true)) {
            expect(400, c.patch(url).token(world.adam).body(Map.of("repeatEveryDays", value)).send());
        }
        JsonNode fr = expect(400, c.patch(url).token(world.adam).header("Accept-Language", "fr-CA")
                .body(Map.of("leadDays", 100)).send()).json();
        assertEquals("Doit être un nombre entier de 0 à 90.", fr.get("errors").get(0).get("message").asText());
        JsonNode en = expect(400, c.patch(url).token(world.adam).header("Accept-Language", "en-CA")
                .body(Map.of("leadDays", 100)).send()).json();
        assertEquals("Must be a whole number from 0 to 90.", en.get("errors").get(0).get("message").asText());

        JsonNode own = expect(200, c.patch(url).token(world.adam).body(Map.of("leadDays", 14)).send()).json();
        assertFalse(own.get("reminderIsDefault").asBoolean(), "edited: its own now, from the default's values");
        assertEquals("2030-06-30", own.get("reminderDate").asText());
        assertEquals(14, own.get("leadDays").asInt());
        assertEquals(7, own.get("repeatEveryDays").asInt());
        Map<String, Object> once = new HashMap<>();
        once.put("repeatEveryDays", null);
        assertTrue(expect(200, c.patch(url).token(world.adam).body(once).send()).json().get("repeatEveryDays").isNull());
        Map<String, Object> none = new HashMap<>();
        none.put("reminderDate", null);
        JsonNode back = expect(200, c.patch(url).token(world.adam).body(none).send()).json();
        assertTrue(back.get("reminderIsDefault").asBoolean(), "its own removed: the default applies again");
        assertEquals(30, back.get("leadDays").asInt());

        JsonNode contract = declare(p, declaration("c.pdf", "application/pdf", PDF.length)).get("document");
        assertTrue(contract.get("reminderDate").isNull());
        String contractUrl = docs(p) + "/" + contract.get("id").asText();
        assertEquals("REMINDER_DATE_REQUIRED", expect(400, c.patch(contractUrl).token(world.adam).body(Map.of("leadDays", 3)).send())
                .json().get("errors").get(0).get("code").asText());
        assertEquals(409, c.post(contractUrl + "/reminder/resolve").token(world.adam).send().status(), "no reminder to resolve");
    }

    @TestFactory
    List<DynamicTest> permissionMatrix() throws Exception {
        String openDoc = declare(world.openProject, declaration("m.pdf", "application/pdf", PDF.length)).get("document").get("id").asText();
        // a document that was uploaded before the project closed stays readable and downloadable
        String p = world.project("Fermé avec documents", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        JsonNode declared = expect(201, c.post(docs(p)).token(world.owner).body(declaration("c.pdf", "application/pdf", PDF.length)).send()).json();
        upload(declared, PDF, "application/pdf");
        api.deliverUploadEvents();
        String closedDoc = declared.get("document").get("id").asText();
        expect(200, c.patch("/projects/" + p + "/admin-info").token(world.owner).body(Map.of("state", "CLOSED")).send());
        String openAvailable = uploaded(world.openProject, "o.pdf");

        Map<String, Object> withReminder = new LinkedHashMap<>(declaration("r.pdf", "application/pdf", PDF.length));
        withReminder.put("reminderDate", "2030-01-01");
        String reminded = declare(world.openProject, withReminder).get("document").get("id").asText();
        Map<Boolean, String> resolvable = Map.of(false, reminded, true, closedDoc);
        Map<Boolean, String> project = Map.of(false, world.openProject, true, p);
        Map<Boolean, String> doc = Map.of(false, openDoc, true, closedDoc);
        Map<Boolean, String> available = Map.of(false, openAvailable, true, closedDoc);
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean closed : new boolean[] {false, true}) {
            String s = closed ? "closed" : "open";
            List<Route> routes = List.of(
                    new Route("POST", x -> c.post(docs(project.get(closed))).body(declaration("n.pdf", "application/pdf", 10)), 403, 201, 409),
                    new Route("GET list", x -> c.get(docs(project.get(closed))), 200, 200, 200),
                    new Route("GET one", x -> c.get(docs(project.get(closed)) + "/" + doc.get(closed)), 200, 200, 200),
                    new Route("GET download", x -> c.get(docs(project.get(closed)) + "/" + available.get(closed) + "/download"), 200, 200, 200),
                    new Route("PATCH", x -> c.patch(docs(project.get(closed)) + "/" + doc.get(closed)).body(Map.of("reminderNote", "n", "reminderDate", "2030-02-01")), 403, 200, 409),
                    new Route("POST resolve", x -> c.post(docs(project.get(closed)) + "/" + resolvable.get(closed) + "/reminder/resolve"), 403, 200, 409),
                    new Route("DELETE", x -> c.delete(docs(project.get(closed)) + "/" + doc.get(closed) + "-missing"), 403, 404, 409));
            for (Route r : routes) {
                tests.add(PermissionMatrix.noCaller(r.name() + " / " + s, r.call().apply(null)));
                tests.add(PermissionMatrix.expect(r.name() + " / other organization / " + s, r.call().apply(null).token(world.outsider), 404));
                tests.add(PermissionMatrix.expect(r.name() + " / NONE / " + s, r.call().apply(null).token(world.nora), 403));
                tests.add(PermissionMatrix.expect(r.name() + " / LIMITED / " + s, r.call().apply(null).token(world.lea), r.limitedOpen()));
                tests.add(PermissionMatrix.expect(r.name() + " / ADMIN / " + s, r.call().apply(null).token(world.adam), closed ? r.adminClosed() : r.adminOpen()));
                if (!r.name().equals("POST resolve") || closed) { // resolved once by adam just above
                    tests.add(PermissionMatrix.expect(r.name() + " / organization admin, not a member / " + s,
                            r.call().apply(null).token(world.boss), closed ? r.adminClosed() : r.adminOpen()));
                }
            }
        }
        return tests;
    }

    /**
     * The expiring list queries expiry dates before today + withinDays: a cursor from a wider list (a stale one, after
     * the user narrowed withinDays) or a crafted one points past that range, which DynamoDB refuses; it is a 400.
     */
    @Test
    void anExpiringListCursorPastTheListsEndIsABadCursorAndADocumentListsForeignCursorAPage() {
        String past = "2999-01-01#01ARZ3NDEKTSV4RRFFQ69G5FAV#01ARZ3NDEKTSV4RRFFQ69G5FAW";
        assertEquals("BAD_CURSOR", Cursors.errorCode(c.get("/admin-documents/expiring?withinDays=30&cursor=" + Cursors.at(past))
                .token(world.owner).send()));
        assertEquals("BAD_CURSOR", Cursors.errorCode(c.get("/admin-documents/expiring?withinDays=30&cursor=" + Cursors.at(past))
                .token(world.adam).send()), "a member's list: the same query, filtered");
        expect(200, c.get("/admin-documents/expiring?withinDays=30&cursor=" + Cursors.at("2000-01-01#01ARZ3NDEKTSV4RRFFQ69G5FAV#01ARZ3NDEKTSV4RRFFQ69G5FAW"))
                .token(world.owner).send());
        expect(200, c.get(docs(world.openProject) + "?cursor=" + Cursors.at("PROJECT#DOCUMENT#01ARZ3NDEKTSV4RRFFQ69G5FAV")).token(world.adam).send());
    }

}
