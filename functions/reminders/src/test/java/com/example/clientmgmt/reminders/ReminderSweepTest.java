package com.example.clientmgmt.reminders;

import com.example.clientmgmt.storage.reminders.ReminderStore;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.BusCapture;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.example.clientmgmt.uploads.UploadEventsHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Document reminders end to end against the emulator: due logic around 07:00 Toronto time and DST,
 * catch-up, closed projects, re-arming, concurrent and crashed sweeps, ADMIN-only recipients, and the
 * events read back from the bus. Reminders of other tests in this class may fire in the same sweeps,
 * so every check looks at its own document only.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ReminderSweepTest {
    /** Every DynamoDB operation the functions make, to prove the sweep never scans. */
    static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            OPERATIONS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }).withUploadEvents(context -> {
        UploadEventsHandler handler = new UploadEventsHandler(context);
        return event -> handler.handleRequest(event, null);
    });
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] PDF = "%PDF-1.7\n% attestation d'assurance\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static World world;
    static ApiClient c;
    static Delivered delivered;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        delivered = new Delivered(c, BusCapture.connect(api.aws(), api.names().bus(), ReminderEvents.SOURCE));
    }

    static ReminderSweep sweep() {
        return api.context().getBean(ReminderSweep.class);
    }

    /** A document with a reminder on a fresh project where owner and adam are ADMIN and lea LIMITED. */
    static String[] documentWithReminder(String date) {
        String project = world.project("Rappels " + date + " " + System.nanoTime(), Map.of("adam", "ADMIN", "lea", "LIMITED"));
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Assurance " + date);
        body.put("fileName", "assurance.pdf");
        body.put("contentType", "application/pdf");
        body.put("sizeBytes", 100);
        body.put("reminderDate", date);
        body.put("reminderNote", "Renouveler l'assurance");
        String doc = expect(201, c.post("/projects/" + project + "/admin-documents").token(world.owner).body(body).send())
                .json().get("document").get("id").asText();
        return new String[] {project, doc};
    }

    static List<JsonNode> notificationsFor(String token, String documentId) {
        return delivered.notifications(token, documentId);
    }

    static List<JsonNode> eventsFor(String documentId) {
        return delivered.events(documentId);
    }

    static void assertFiredOnce(String documentId) {
        assertEquals(1, notificationsFor(world.owner, documentId).size());
        assertEquals(1, notificationsFor(world.adam, documentId).size());
        assertEquals(0, notificationsFor(world.lea, documentId).size(), "LIMITED members are not recipients");
        assertEquals(1, eventsFor(documentId).size());
    }

    static void assertNotFired(String documentId) {
        assertEquals(0, notificationsFor(world.owner, documentId).size());
        assertEquals(0, eventsFor(documentId).size());
    }

    @Test
    void firesOnceAtSevenTorontoTimeToEveryAdminWithOneEvent() {
        String[] pd = documentWithReminder("2027-01-15");
        sweep().run(Instant.parse("2027-01-15T11:59:59Z")); // 06:59:59 EST
        assertNotFired(pd[1]);
        sweep().run(Instant.parse("2027-01-15T12:00:00Z")); // 07:00 EST
        assertFiredOnce(pd[1]);
        sweep().run(Instant.parse("2027-01-15T13:00:00Z"));
        sweep().run(Instant.parse("2027-02-01T13:00:00Z"));
        assertFiredOnce(pd[1]);

        JsonNode event = eventsFor(pd[1]).get(0);
        assertEquals("DocumentReminderDue", event.get("detail-type").asText());
        assertEquals(ReminderEvents.SOURCE, event.get("source").asText());
        JsonNode detail = event.get("detail");
        assertEquals(world.org, detail.get("organizationId").asText());
        assertEquals(pd[0], detail.get("projectId").asText());
        assertEquals("Assurance 2027-01-15", detail.get("title").asText());
        assertEquals("2027-01-15", detail.get("reminderDate").asText());
        assertEquals("Renouveler l'assurance", detail.get("reminderNote").asText());
        assertEquals("[\"adam\",\"owner\"]", detail.get("recipients").toString());
        assertEquals("reminder/" + world.org + "/" + pd[0] + "/" + pd[1] + "/2027-01-15/1", detail.get("idempotencyKey").asText());
        assertEquals("2027-01-15", detail.get("occurrence").asText());
        assertEquals("OTHER", detail.get("kind").asText());
        assertEquals(world.org, detail.get("organizationName").asText(), "an organization without settings: its id");
        assertEquals("fr-CA", detail.get("defaultLanguage").asText());

        JsonNode notification = notificationsFor(world.adam, pd[1]).get(0);
        assertEquals("DOCUMENT_REMINDER", notification.get("type").asText());
        assertEquals(pd[0], notification.get("projectId").asText());
        assertEquals("2027-01-15", notification.get("reminderDate").asText());
        assertFalse(notification.get("read").asBoolean());
    }

    @Test
    void daylightSavingDayStillFiresAtSevenLocal() {
        String[] pd = documentWithReminder("2027-03-14"); // clocks go forward that night: 07:00 EDT = 11:00 UTC
        sweep().run(Instant.parse("2027-03-14T10:59:59Z"));
        assertNotFired(pd[1]);
        sweep().run(Instant.parse("2027-03-14T11:00:00Z"));
        assertFiredOnce(pd[1]);
    }

    @Test
    void missedRunsCatchUp() {
        String[] pd = documentWithReminder("2027-04-01");
        sweep().run(Instant.parse("2027-04-09T03:00:00Z"));
        assertFiredOnce(pd[1]);
    }

    @Test
    void aClosedProjectHoldsItsRemindersUntilReopened() {
        String[] pd = documentWithReminder("2027-05-03");
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "CLOSED")).send());
        assertFalse(inDueIndex(pd), "closing took its reminder out of the due index");
        ReminderSweep.Report report = sweep().run(Instant.parse("2027-05-04T12:00:00Z"));
        assertEquals(0, report.heldClosed(), "no sweep reads a closed project's reminders: " + report);
        assertNotFired(pd[1]);
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "ACTIVE")).send());
        assertTrue(inDueIndex(pd), "reopening put it back, due when it was: overdue, it fires on the next run");
        sweep().run(Instant.parse("2027-05-04T13:00:00Z"));
        assertFiredOnce(pd[1]);
    }

    @Test
    void aClosedProjectsReminderLeftInTheIndexIsTakenOutByTheSweepAndComesBackOnReopening() {
        String[] pd = documentWithReminder("2027-06-03");
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "CLOSED")).send());
        // as a project closed before reminders moved, or whose close request died before they did (its mark lost too)
        api.aws().dynamoDb().updateItem(b -> b.tableName(api.names().table()).key(documentKey(pd))
                .updateExpression("SET duePk = :s").expressionAttributeValues(Map.of(":s", AttributeValue.fromS("DUE#0"))));
        api.aws().dynamoDb().deleteItem(b -> b.tableName(api.names().table()).key(Map.of(
                "pk", AttributeValue.fromS("ORG#" + world.org + "#PROJECT#" + pd[0]), "sk", AttributeValue.fromS("PROJECT#REMINDERS#MOVE"))));
        assertTrue(inDueIndex(pd));
        ReminderSweep.Report first = sweep().run(Instant.parse("2027-06-04T12:00:00Z"));
        assertEquals(1, first.heldClosed(), first::toString);
        assertFalse(inDueIndex(pd), "the sweep took it out");
        assertEquals(0, sweep().run(Instant.parse("2027-06-04T13:00:00Z")).heldClosed(), "and no later sweep reads it");
        assertNotFired(pd[1]);
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "BIDDING")).send());
        sweep().run(Instant.parse("2027-06-04T14:00:00Z"));
        assertFiredOnce(pd[1]);
    }

    static Map<String, AttributeValue> documentKey(String[] pd) {
        return Map.of("pk", AttributeValue.fromS("ORG#" + world.org + "#PROJECT#" + pd[0]),
                "sk", AttributeValue.fromS("PROJECT#DOCUMENT#" + pd[1]));
    }

    /** True when the document's reminder is in the sparse due index (it has both of the index's keys). */
    static boolean inDueIndex(String[] pd) {
        Map<String, AttributeValue> item = api.aws().dynamoDb().getItem(b -> b.tableName(api.names().table())
                .key(documentKey(pd)).consistentRead(true)).item();
        return item.containsKey("duePk") && item.containsKey("dueAt");
    }

    @Test
    void changingTheDateReArmsAndClearingItDisarms() {
        String[] pd = documentWithReminder("2027-06-01");
        String doc = "/projects/" + pd[0] + "/admin-documents/" + pd[1];
        expect(200, c.patch(doc).token(world.owner).body(Map.of("reminderDate", "2027-06-10")).send());
        sweep().run(Instant.parse("2027-06-05T12:00:00Z"));
        assertNotFired(pd[1]);
        sweep().run(Instant.parse("2027-06-10T12:00:00Z"));
        assertFiredOnce(pd[1]);
        // after firing, a new date arms it again: a second notification, a new idempotency key
        expect(200, c.patch(doc).token(world.owner).body(Map.of("reminderDate", "2027-07-01")).send());
        sweep().run(Instant.parse("2027-07-01T12:00:00Z"));
        assertEquals(2, notificationsFor(world.adam, pd[1]).size());
        List<JsonNode> events = eventsFor(pd[1]);
        assertEquals(2, events.size());
        assertFalse(events.get(0).get("detail").get("idempotencyKey").asText().equals(events.get(1).get("detail").get("idempotencyKey").asText()));

        String[] cleared = documentWithReminder("2027-06-02");
        Map<String, Object> none = new HashMap<>();
        none.put("reminderDate", null);
        expect(200, c.patch("/projects/" + cleared[0] + "/admin-documents/" + cleared[1]).token(world.owner).body(none).send());
        sweep().run(Instant.parse("2027-08-01T12:00:00Z"));
        assertNotFired(cleared[1]);
    }

    @Test
    void twoSweepsAtOnceFireEachReminderOnce() throws Exception {
        List<String[]> docs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            docs.add(documentWithReminder("2027-09-0" + (i + 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ReminderSweep.Report>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return sweep().run(Instant.parse("2027-09-30T12:00:00Z"));
            }));
        }
        go.countDown();
        int fired = 0;
        for (Future<ReminderSweep.Report> run : runs) {
            fired += run.get().fired();
        }
        pool.shutdown();
        assertTrue(fired >= 6);
        for (String[] pd : docs) {
            assertFiredOnce(pd[1]);
        }
    }

    @Test
    void aRunThatDiedAfterClaimingIsTakenOverOnceItsLeaseLapses() {
        String[] pd = documentWithReminder("2027-10-05");
        Instant now = Instant.parse("2027-10-05T12:00:00Z");
        ReminderStore store = api.context().getBean(ReminderStore.class);
        ReminderStore.DueReminder due = findDue(store, pd[1], now);
        // a run claims, then dies before publishing anything
        ReminderStore.Occurrence claimed = store.claim(due, due.document().reminder(), due.document().reminderDate(), "run-that-died", now)
                .orElseThrow();
        sweep().run(now.plus(Duration.ofMinutes(1)));
        assertNotFired(pd[1]); // its claim is still live: nobody else may fire it yet
        sweep().run(now.plus(ReminderStore.CLAIM_LEASE).plus(Duration.ofMinutes(1)));
        assertFiredOnce(pd[1]);
        // the dead run cannot complete it afterwards
        assertFalse(store.complete(claimed, "run-that-died", now, null));
        assertFiredOnce(pd[1]);
    }

    static ReminderStore.DueReminder findDue(ReminderStore store, String documentId, Instant now) {
        for (List<ReminderStore.DueReminder> page : store.due(now, 1000)) {
            for (ReminderStore.DueReminder r : page) {
                if (r.document().id().equals(documentId)) {
                    return r;
                }
            }
        }
        throw new AssertionError("not in the due index: " + documentId);
    }

    @Test
    void eventsTheBusRefusesAreReportedAndTheirRemindersStayDue() {
        String[] pd = documentWithReminder("2028-01-10");
        Map<String, Object> properties = new HashMap<>(TestApi.functionProperties(api.aws().endpoint(), api.names()));
        properties.put("event.bus.name", "no-such-bus-" + System.nanoTime());
        Instant now = Instant.parse("2028-01-10T12:00:00Z");
        try (io.micronaut.context.ApplicationContext broken = io.micronaut.context.ApplicationContext.builder().properties(properties).start()) {
            ReminderSweep.Report report = broken.getBean(ReminderSweep.class).run(now);
            assertTrue(report.publishFailed() >= 1, report::toString);
        }
        assertNotFired(pd[1]);
        // once the bus takes events again, the reminder fires once its claim has lapsed
        sweep().run(now.plus(ReminderStore.CLAIM_LEASE).plus(Duration.ofMinutes(1)));
        assertFiredOnce(pd[1]);
    }

    @Test
    void theSweepReadsTheIndexAndNeverScans() {
        documentWithReminder("2027-11-01");
        OPERATIONS.clear();
        sweep().run(Instant.parse("2027-11-02T12:00:00Z"));
        assertFalse(OPERATIONS.contains("Scan"), OPERATIONS::toString);
        assertTrue(OPERATIONS.contains("Query"));
    }

    @Test
    void notificationsAreNewestFirstAndOnlyTheirRecipientMarksThemRead() {
        String[] first = documentWithReminder("2027-12-01");
        sweep().run(Instant.parse("2027-12-01T12:00:00Z"));
        String[] second = documentWithReminder("2027-12-02");
        sweep().run(Instant.parse("2027-12-02T12:00:00Z"));
        // every page, in the order the API gives (other tests of this class notify adam too)
        List<String> order = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, c.get("/notifications?limit=50" + (cursor == null ? "" : "&cursor=" + cursor)).token(world.adam).send()).json();
            page.get("items").forEach(n -> order.add(n.get("documentId").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertTrue(order.contains(first[1]) && order.contains(second[1]), order::toString);
        assertTrue(order.indexOf(second[1]) < order.indexOf(first[1]), order::toString);

        String id = notificationsFor(world.adam, first[1]).get(0).get("id").asText();
        // lea (LIMITED) got no notification: the same id is not hers; each recipient has their own copy
        expect(404, c.post("/notifications/" + id + "/read").token(world.lea).send());
        expect(404, c.post("/notifications/" + id + "/read").token(c.token("adam", world.org + "-other", false)).send());
        expect(404, c.post("/notifications/nope/read").token(world.adam).send());
        expect(401, c.post("/notifications/" + id + "/read").send());
        expect(204, c.post("/notifications/" + id + "/read").token(world.adam).send());
        assertTrue(notificationsFor(world.adam, first[1]).get(0).get("read").asBoolean());
        assertFalse(notificationsFor(world.owner, first[1]).get(0).get("read").asBoolean());
        JsonNode page = expect(200, c.get("/notifications?limit=1").token(world.adam).send()).json();
        assertEquals(1, page.get("items").size());
        assertFalse(page.get("nextCursor").isNull());
        expect(400, c.get("/notifications?cursor=xyz").token(world.adam).send());
        expect(401, c.get("/notifications").send());
    }

    /** An insurance certificate expiring on {@code expiresOn}, with no reminder of its own: it gets the default one. */
    static String[] insurance(World w, String expiresOn) {
        String project = w.project("Assurances " + expiresOn + " " + System.nanoTime(), Map.of("adam", "ADMIN", "lea", "LIMITED"));
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Attestation d'assurance responsabilité");
        body.put("kind", "INSURANCE");
        body.put("expiresOn", expiresOn);
        body.put("fileName", "assurance.pdf");
        body.put("contentType", "application/pdf");
        body.put("sizeBytes", PDF.length);
        JsonNode declared = expect(201, c.post("/projects/" + project + "/admin-documents").token(w.owner).body(body).send()).json();
        JsonNode doc = declared.get("document");
        assertEquals(expiresOn, doc.get("reminderDate").asText());
        assertEquals(30, doc.get("leadDays").asInt());
        assertEquals(7, doc.get("repeatEveryDays").asInt());
        assertTrue(doc.get("reminderIsDefault").asBoolean());
        return new String[] {project, doc.get("id").asText()};
    }

    static List<JsonNode> notificationsFor(String token, String documentId, String type) {
        return notificationsFor(token, documentId).stream().filter(n -> n.get("type").asText().equals(type)).toList();
    }

    @Test
    void anInsuranceExpiringIn20DaysIsRemindedNowAgainAWeekLaterUntilResolved() {
        String[] pd = insurance(world, "2028-03-21"); // default: from 30 days before (2028-02-20), weekly
        Instant now = Instant.parse("2028-03-01T15:00:00Z");
        sweep().run(now);
        assertFiredOnce(pd[1]);
        JsonNode n = notificationsFor(world.adam, pd[1]).get(0);
        assertEquals("2028-02-27", n.get("occurrence").asText(), "the latest occurrence due: one, not a burst");
        assertEquals("INSURANCE", n.get("kind").asText());
        assertEquals(world.org, n.get("organizationName").asText());
        sweep().run(now);
        assertFiredOnce(pd[1]);

        sweep().run(now.plus(Duration.ofDays(8)));
        List<JsonNode> adams = notificationsFor(world.adam, pd[1]);
        assertEquals(2, adams.size(), "the repeat");
        assertEquals("2028-03-05", adams.get(0).get("occurrence").asText(), "newest first");
        assertEquals(2, notificationsFor(world.owner, pd[1]).size());
        assertEquals(0, notificationsFor(world.lea, pd[1]).size());
        List<JsonNode> events = eventsFor(pd[1]);
        assertEquals(2, events.size());
        assertEquals("reminder/" + world.org + "/" + pd[0] + "/" + pd[1] + "/2028-03-05/1", events.get(1).get("detail").get("idempotencyKey").asText());

        String resolve = "/projects/" + pd[0] + "/admin-documents/" + pd[1] + "/reminder/resolve";
        expect(403, c.post(resolve).token(world.lea).send());
        expect(404, c.post(resolve).token(world.outsider).send());
        JsonNode resolved = expect(200, c.post(resolve).token(world.adam).send()).json();
        assertEquals("RESOLVED", resolved.get("reminderResolution").asText());
        JsonNode again = expect(409, c.post(resolve).token(world.adam).send()).json();
        assertEquals("CONFLICT", again.get("code").asText());
        assertTrue(again.get("detail").asText().contains("no reminder running"), again::toString);
        sweep().run(now.plus(Duration.ofDays(16)));
        sweep().run(now.plus(Duration.ofDays(40)));
        assertEquals(2, notificationsFor(world.adam, pd[1]).size(), "resolved: no more");
        assertEquals(2, eventsFor(pd[1]).size());
        JsonNode history = expect(200, c.get("/projects/" + pd[0] + "/admin-history").token(world.owner).send()).json().get("items");
        assertEquals("adminDocuments." + pd[1] + ".reminder", history.get(0).get("field").asText());
        assertEquals("RESOLVED", history.get(0).get("to").asText());

        // a new expiry date moves the default reminder and re-arms it
        expect(200, c.patch("/projects/" + pd[0] + "/admin-documents/" + pd[1]).token(world.owner)
                .body(Map.of("expiresOn", "2029-03-21")).send());
        sweep().run(Instant.parse("2029-02-19T15:00:00Z"));
        assertEquals(3, notificationsFor(world.adam, pd[1]).size());
        assertEquals("2029-02-19", notificationsFor(world.adam, pd[1]).get(0).get("occurrence").asText());
    }

    @Test
    void aRenewedVersionStopsTheReminderAndTellsTheAdminsButNotBeforeItFired() throws Exception {
        String[] pd = insurance(world, "2028-06-30"); // first occurrence 2028-05-31
        String doc = "/projects/" + pd[0] + "/admin-documents/" + pd[1];
        uploadVersion(doc, "assurance 2028.pdf");
        JsonNode early = expect(200, c.get(doc).token(world.adam).send()).json();
        assertTrue(early.get("reminderResolution").isNull(), "a version before any occurrence renews nothing");
        sweep().run(Instant.parse("2028-06-01T15:00:00Z"));
        assertFiredOnce(pd[1]);

        uploadVersion(doc, "assurance 2029.pdf");
        assertEquals("RENEWED", expect(200, c.get(doc).token(world.adam).send()).json().get("reminderResolution").asText());
        for (String admin : List.of(world.owner, world.adam)) {
            List<JsonNode> renewed = notificationsFor(admin, pd[1], "DOCUMENT_RENEWED");
            assertEquals(1, renewed.size());
            assertEquals("INSURANCE", renewed.get(0).get("kind").asText());
        }
        assertEquals(0, notificationsFor(world.lea, pd[1]).size());
        sweep().run(Instant.parse("2028-06-20T15:00:00Z"));
        assertEquals(1, notificationsFor(world.adam, pd[1], "DOCUMENT_REMINDER").size(), "renewed: no more reminders");
        JsonNode history = expect(200, c.get("/projects/" + pd[0] + "/admin-history").token(world.owner).send()).json().get("items");
        List<String> changes = new ArrayList<>();
        history.forEach(h -> changes.add(h.get("field").asText() + "=" + h.get("to").asText()));
        assertTrue(changes.contains("adminDocuments." + pd[1] + ".reminder=RENEWED"), changes::toString);
    }

    @Test
    void aVersionDeclaredWhileOpenThatFinishesAfterTheProjectClosedIsKeptRenewsNothingAndTheHistorySaysSo() throws Exception {
        String[] pd = insurance(world, "2028-06-30");
        String doc = "/projects/" + pd[0] + "/admin-documents/" + pd[1];
        sweep().run(Instant.parse("2028-06-01T15:00:00Z"));
        assertFiredOnce(pd[1]);
        JsonNode added = declareVersion(doc, "assurance 2029.pdf");
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "CLOSED")).send());
        putBytes(added);
        api.deliverUploadEvents();

        JsonNode versions = expect(200, c.get(doc + "/versions").token(world.adam).send()).json().get("items");
        assertEquals("AVAILABLE", versions.get(0).get("status").asText(), "declared while open: the file is kept");
        assertTrue(expect(200, c.get(doc).token(world.adam).send()).json().get("reminderResolution").isNull(), "renewing nothing");
        for (String admin : List.of(world.owner, world.adam)) {
            assertEquals(0, notificationsFor(admin, pd[1], "DOCUMENT_RENEWED").size(), "no renewal is told on a closed project");
        }
        JsonNode history = expect(200, c.get("/projects/" + pd[0] + "/admin-history").token(world.owner).send()).json().get("items");
        List<String> changes = new ArrayList<>();
        history.forEach(h -> changes.add(h.get("by").asText() + " " + h.get("field").asText() + "=" + h.get("to").asText()));
        String version = "adminDocuments." + pd[1] + ".versions." + added.get("version").get("id").asText();
        int status = changes.indexOf("system:upload-check " + version + ".status=AVAILABLE");
        assertTrue(status >= 0, changes::toString);
        assertEquals("system:upload-check " + version + ".keptOnClosedProject=true", changes.get(status + 1),
                "the status, then that it was kept on the closed project");
        assertFalse(changes.contains("system:upload-check adminDocuments." + pd[1] + ".reminder=RENEWED"), changes::toString);

        // reopened, the next renewal renews again
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "ACTIVE")).send());
        uploadVersion(doc, "assurance 2029 bis.pdf");
        assertEquals("RENEWED", expect(200, c.get(doc).token(world.adam).send()).json().get("reminderResolution").asText());
    }

    /** Declares a new version of a document, PUTs its bytes to the presigned URL and delivers the S3 event. */
    static void uploadVersion(String doc, String fileName) throws Exception {
        putBytes(declareVersion(doc, fileName));
        api.deliverUploadEvents();
        assertEquals("AVAILABLE", expect(200, c.get(doc + "/versions").token(world.adam).send()).json()
                .get("items").get(0).get("status").asText());
    }

    static JsonNode declareVersion(String doc, String fileName) {
        return expect(201, c.post(doc + "/versions").token(world.adam)
                .body(Map.of("fileName", fileName, "contentType", "application/pdf", "sizeBytes", PDF.length)).send()).json();
    }

    /** PUTs the bytes of a declared version to its presigned URL. */
    static void putBytes(JsonNode added) throws Exception {
        JsonNode upload = added.get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
                .method(upload.get("method").asText(), HttpRequest.BodyPublishers.ofByteArray(PDF));
        upload.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void catchingUpAfterAWeekWithoutRunsFiresOneOccurrence() {
        String[] pd = documentWithReminder("2028-05-20");
        expect(200, c.patch("/projects/" + pd[0] + "/admin-documents/" + pd[1]).token(world.owner)
                .body(Map.of("leadDays", 10, "repeatEveryDays", 1)).send()); // daily from 2028-05-10
        sweep().run(Instant.parse("2028-05-17T15:00:00Z")); // none ran since the 10th
        assertFiredOnce(pd[1]);
        assertEquals("2028-05-17", eventsFor(pd[1]).get(0).get("detail").get("occurrence").asText());
        sweep().run(Instant.parse("2028-05-18T15:00:00Z"));
        assertEquals(2, notificationsFor(world.adam, pd[1]).size(), "then the next day's");
        // the window ends 60 days after the date: its last occurrence, then nothing
        sweep().run(Instant.parse("2028-12-01T15:00:00Z"));
        sweep().run(Instant.parse("2029-01-01T15:00:00Z"));
        List<JsonNode> events = eventsFor(pd[1]);
        assertEquals(3, events.size());
        assertEquals("2028-07-19", events.get(2).get("detail").get("occurrence").asText(), "reminderDate + 60 days");
    }

    @Test
    void aClosedProjectHoldsARepeatingReminderAndReleasesOneOccurrenceWhenReopened() {
        String[] pd = documentWithReminder("2028-08-20");
        String doc = "/projects/" + pd[0] + "/admin-documents/" + pd[1];
        expect(200, c.patch(doc).token(world.owner).body(Map.of("leadDays", 14, "repeatEveryDays", 7)).send());
        sweep().run(Instant.parse("2028-08-06T15:00:00Z"));
        assertFiredOnce(pd[1]);
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "CLOSED")).send());
        for (int week = 1; week <= 3; week++) {
            sweep().run(Instant.parse("2028-08-06T15:00:00Z").plus(Duration.ofDays(7L * week)));
        }
        assertFiredOnce(pd[1]);
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "ACTIVE")).send());
        sweep().run(Instant.parse("2028-08-28T15:00:00Z"));
        List<JsonNode> adams = notificationsFor(world.adam, pd[1]);
        assertEquals(2, adams.size(), "one occurrence on reopening, not the three held");
        assertEquals("2028-08-27", adams.get(0).get("occurrence").asText());
    }

    @Test
    void remindersFireAtSevenInTheOrganizationsOwnTimeZone() {
        World paris = new World(c);
        expect(403, c.put("/organization").token(paris.adam)
                .body(Map.of("name", "Bâtisseurs de Paris", "timeZone", "Europe/Paris", "defaultLanguage", "fr-CA")).send());
        expect(400, c.put("/organization").token(paris.owner)
                .body(Map.of("name", "Bâtisseurs", "timeZone", "UTC+1", "defaultLanguage", "de")).send());
        expect(200, c.put("/organization").token(paris.owner)
                .body(Map.of("name", "Bâtisseurs de Paris", "timeZone", "Europe/Paris", "defaultLanguage", "en")).send());
        JsonNode settings = expect(200, c.get("/organization").token(paris.lea).send()).json();
        assertEquals("Europe/Paris", settings.get("timeZone").asText());
        assertEquals("Bâtisseurs de Paris", settings.get("name").asText());
        assertEquals(world.org, expect(200, c.get("/organization").token(world.lea).send()).json().get("name").asText(),
                "another organization keeps its own (default) settings");

        String project = paris.project("Chantier Paris", Map.of("adam", "ADMIN"));
        Map<String, Object> body = new HashMap<>(Map.of("title", "Caution", "kind", "BOND", "fileName", "caution.pdf",
                "contentType", "application/pdf", "sizeBytes", 10, "reminderDate", "2028-10-10"));
        String id = expect(201, c.post("/projects/" + project + "/admin-documents").token(paris.owner).body(body).send())
                .json().get("document").get("id").asText();
        sweep().run(Instant.parse("2028-10-10T04:59:59Z")); // 06:59:59 in Paris (CEST, UTC+2)
        assertEquals(0, eventsFor(id).size());
        sweep().run(Instant.parse("2028-10-10T05:00:00Z"));
        JsonNode detail = eventsFor(id).get(0).get("detail");
        assertEquals("Bâtisseurs de Paris", detail.get("organizationName").asText());
        assertEquals("en", detail.get("defaultLanguage").asText());
        assertEquals("BOND", detail.get("kind").asText());
    }

    @Test
    void unreadNotificationsAreCountedFilteredAndAllMarkedRead() {
        World w = new World(c);
        String project = w.project("Lecture", Map.of("adam", "ADMIN"));
        for (String date : List.of("2029-04-01", "2029-04-02", "2029-04-03")) {
            Map<String, Object> body = new HashMap<>(Map.of("title", "Contrat " + date, "fileName", "c.pdf",
                    "contentType", "application/pdf", "sizeBytes", 10, "reminderDate", date));
            expect(201, c.post("/projects/" + project + "/admin-documents").token(w.owner).body(body).send());
        }
        sweep().run(Instant.parse("2029-04-01T15:00:00Z"));
        sweep().run(Instant.parse("2029-04-03T15:00:00Z"));
        JsonNode all = expect(200, c.get("/notifications").token(w.adam).send()).json();
        assertEquals(3, all.get("items").size());
        assertEquals(3, all.get("unreadCount").asInt());
        expect(204, c.post("/notifications/" + all.get("items").get(1).get("id").asText() + "/read").token(w.adam).send());
        JsonNode unread = expect(200, c.get("/notifications?unread=true").token(w.adam).send()).json();
        assertEquals(2, unread.get("unreadCount").asInt());
        assertEquals(2, unread.get("items").size());
        unread.get("items").forEach(n -> assertFalse(n.get("read").asBoolean()));
        expect(400, c.get("/notifications?unread=maybe").token(w.adam).send());
        expect(400, c.get("/notifications?unread=").token(w.adam).send());
        assertEquals(2, expect(200, c.post("/notifications/read-all").token(w.adam).send()).json().get("marked").asInt());
        assertEquals(0, expect(200, c.get("/notifications").token(w.adam).send()).json().get("unreadCount").asInt());
        assertEquals(3, expect(200, c.get("/notifications").token(w.owner).send()).json().get("unreadCount").asInt(),
                "each recipient's own marks");
        expect(401, c.post("/notifications/read-all").send());
    }
}
