package com.example.clientmgmt.reminders;

import com.example.clientmgmt.platform.ScheduledTick;
import com.example.clientmgmt.storage.ReminderStore;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.BusCapture;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
class ReminderSweepTest {
    /** Every DynamoDB operation the functions make, to prove the sweep never scans. */
    static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            OPERATIONS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    });
    static World world;
    static ApiClient c;
    static BusCapture bus;
    static final List<JsonNode> EVENTS = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        bus = BusCapture.connect(api.aws(), api.names().bus(), ReminderEvents.SOURCE);
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
        List<JsonNode> mine = new ArrayList<>();
        expect(200, c.get("/notifications?limit=100").token(token).send()).json().get("items").forEach(n -> {
            if (n.get("documentId").asText().equals(documentId)) {
                mine.add(n);
            }
        });
        return mine;
    }

    static List<JsonNode> eventsFor(String documentId) {
        EVENTS.addAll(bus.drain());
        return EVENTS.stream().filter(e -> e.get("detail").get("documentId").asText().equals(documentId)).toList();
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
        sweep().run(Instant.parse("2027-05-04T12:00:00Z"));
        assertNotFired(pd[1]);
        expect(200, c.patch("/projects/" + pd[0] + "/admin-info").token(world.owner).body(Map.of("state", "ACTIVE")).send());
        sweep().run(Instant.parse("2027-05-04T13:00:00Z"));
        assertFiredOnce(pd[1]);
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
        assertTrue(store.claim(due, "run-that-died", now).isPresent());
        sweep().run(now.plus(Duration.ofMinutes(1)));
        assertNotFired(pd[1]); // its claim is still live: nobody else may fire it yet
        sweep().run(now.plus(ReminderStore.CLAIM_LEASE).plus(Duration.ofMinutes(1)));
        assertFiredOnce(pd[1]);
        // the dead run cannot complete it afterwards
        assertFalse(store.complete(due, "run-that-died", now));
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
    void theScheduledHandlerSweepsAsOfTheEventsTimeOrNowWithoutOne() {
        String[] replayed = documentWithReminder("2027-12-20");
        ReminderHandler handler = new ReminderHandler(api.context());
        assertNotFired(replayed[1]);
        ReminderSweep.Report report = handler.handleRequest(new ScheduledTick("Scheduled Event", "2027-12-20T12:30:00Z"), null);
        assertTrue(report.fired() >= 1, report::toString);
        assertFiredOnce(replayed[1]);

        String yesterday = LocalDate.now().minusDays(1).toString();
        String[] pd = documentWithReminder(yesterday);
        report = handler.handleRequest(new ScheduledTick("Scheduled Event", null), null);
        assertTrue(report.fired() >= 1, report::toString);
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
        JsonNode items = expect(200, c.get("/notifications").token(world.adam).send()).json().get("items");
        List<String> order = new ArrayList<>();
        items.forEach(n -> order.add(n.get("documentId").asText()));
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
}
