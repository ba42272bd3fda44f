package com.example.clientmgmt.reminders;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.clientmgmt.platform.ScheduledTick;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.BusCapture;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.SqsEventSource;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.TestClock;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tick finds the work, the workers do it: ReminderFunction's handler lists what is due and queues work items on the
 * template's work queue (in the emulator); {@link SqsEventSource} delivers them, with the template's batch size, to
 * ReminderWorkerFunction's real handler, as Lambda's event source mapping does. A repeated, a lost and a half-done work
 * item, a tick out of time, and organizations of very different sizes: every reminder fires once, to each ADMIN, with
 * one idempotency key. The clock is the functions' own (held); the emulator's visibility timeout is shortened to 1 s
 * here and the clock moved by the 360 s it stands for.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ReminderFanOutTest {
    static final TestClock CLOCK = new TestClock(Instant.now());
    /** Set to n: the n-th UpdateItem from then on fails, as if the worker died there. */
    static final AtomicInteger DIE_AT_UPDATE = new AtomicInteger(-1);

    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(CLOCK).withProperty("reminders.work-item-size", 5)
            .withSingleton(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if ("UpdateItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                            && DIE_AT_UPDATE.get() > 0 && DIE_AT_UPDATE.decrementAndGet() == 0) {
                        throw new IllegalStateException("the worker died here");
                    }
                }
            });
    static final ObjectMapper JSON = new ObjectMapper();
    static World world;
    static ApiClient c;
    static Delivered delivered;
    static String queueUrl;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        delivered = new Delivered(c, BusCapture.connect(api.aws(), api.names().bus(), ReminderEvents.SOURCE));
        queueUrl = LocalResources.reminderWorkQueueUrl(api.aws(), api.names());
        // stands for the template's 360 s: a failed item comes back at once, and the tests move the clock instead
        api.aws().sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributesWithStrings(Map.of("VisibilityTimeout", "1")));
    }

    static ReminderTick.Report tick() {
        return new ReminderHandler(api.context()).handleRequest(new ScheduledTick("Scheduled Event", CLOCK.instant().toString()), null);
    }

    /** The worker function's event source: the template's batch size, one poller, batches handed to {@code handler}. */
    static SqsEventSource workers(Function<SQSEvent, SQSBatchResponse> handler) {
        return SqsEventSource.of(Template.load(), "ReminderWorkerFunction", api.aws().sqs(), queueUrl, 1, handler);
    }

    static SqsEventSource workers() {
        ReminderWorkerHandler handler = new ReminderWorkerHandler(api.context());
        return workers(event -> handler.handleRequest(event, null));
    }

    static String yesterday() {
        return LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("America/Toronto")).minusDays(1).toString();
    }

    /** A document whose reminder is due (yesterday, Toronto) on a fresh project of {@code w}: owner and adam ADMIN, lea LIMITED. */
    static String[] dueDocument(World w) {
        String project = w.project("Rappels " + System.nanoTime(), Map.of("adam", "ADMIN", "lea", "LIMITED"));
        return new String[] {project, declare(w, project)};
    }

    static String declare(World w, String project) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Cautionnement " + System.nanoTime());
        body.put("fileName", "cautionnement.pdf");
        body.put("contentType", "application/pdf");
        body.put("sizeBytes", 100);
        body.put("reminderDate", yesterday());
        return expect(201, c.post("/projects/" + project + "/admin-documents").token(w.owner).body(body).send())
                .json().get("document").get("id").asText();
    }

    static int notificationsFor(String token, String documentId) {
        return delivered.notifications(token, documentId).size();
    }

    static List<JsonNode> eventsFor(String documentId) {
        return delivered.events(documentId);
    }

    /** Each ADMIN notified once, LIMITED never, and every event sent for it carries one idempotency key. */
    static void assertFiredOnce(World w, String documentId) {
        assertEquals(1, notificationsFor(w.owner, documentId), "owner's notifications of " + documentId);
        assertEquals(1, notificationsFor(w.adam, documentId), "adam's notifications of " + documentId);
        assertEquals(0, notificationsFor(w.lea, documentId), "LIMITED members are not recipients");
        List<JsonNode> events = eventsFor(documentId);
        assertFalse(events.isEmpty(), "no event for " + documentId);
        assertEquals(1, events.stream().map(e -> e.get("detail").get("idempotencyKey").asText()).distinct().count(), events::toString);
    }

    static void assertNotFired(World w, String documentId) {
        assertEquals(0, notificationsFor(w.owner, documentId));
    }

    @Test
    void aTickQueuesWorkItemsAndTheWorkersFireEachDueReminderOnceToEachAdmin() {
        List<String[]> docs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            docs.add(dueDocument(world));
        }
        ReminderTick.Report report = tick();
        assertTrue(report.due() >= 7 && report.workItems() >= 2 && report.listedAll() && report.unsent() == 0, report::toString);
        docs.forEach(pd -> assertNotFired(world, pd[1])); // the tick fires nothing itself
        SqsEventSource workers = workers();
        assertEquals(report.workItems(), workers.drain());
        assertEquals(0, workers.failed());
        docs.forEach(pd -> assertFiredOnce(world, pd[1]));
        // fired: out of the due index, nothing to queue for them
        assertEquals(0, tick().due());
        assertEquals(0, workers.drain());
    }

    @Test
    void aRepeatedWorkItemFiresNothingTwice() {
        String[] pd = dueDocument(world);
        tick();
        ReminderWorkerHandler handler = new ReminderWorkerHandler(api.context());
        SqsEventSource twice = workers(event -> {
            SQSBatchResponse first = handler.handleRequest(event, null);
            SQSBatchResponse again = handler.handleRequest(event, null); // SQS delivers at least once
            assertTrue(first.getBatchItemFailures().isEmpty() && again.getBatchItemFailures().isEmpty());
            return again;
        });
        assertTrue(twice.drain() >= 1);
        assertFiredOnce(world, pd[1]);
        assertEquals(1, eventsFor(pd[1]).size(), "a repeated item publishes nothing again");
    }

    @Test
    void aLostWorkItemIsListedAgainByTheNextTick() {
        String[] pd = dueDocument(world);
        assertTrue(tick().workItems() >= 1);
        SqsEventSource workers = workers();
        assertTrue(workers.lose() >= 1); // never delivered
        assertNotFired(world, pd[1]);
        CLOCK.advance(Duration.ofMinutes(15));
        assertTrue(tick().due() >= 1, "still due, listed again");
        workers.drain();
        assertFiredOnce(world, pd[1]);
    }

    @Test
    void aWorkerThatDiesAfterClaimingIsTakenOverWhenItsItemComesBack() throws Exception {
        String[] pd = dueDocument(world);
        tick();
        SqsEventSource workers = workers();
        // the item's only reminder: claim (UpdateItem 1), publish, first ADMIN's notification (UpdateItem 2): dies there
        DIE_AT_UPDATE.set(2);
        try {
            assertEquals(1, workers.drain());
        } finally {
            DIE_AT_UPDATE.set(-1);
        }
        assertEquals(1, workers.failed(), "the item is named for delivery again");
        assertEquals(1, eventsFor(pd[1]).size(), "published before it died");
        // SQS delivers the item again after its visibility timeout (360 s in the template): the claim (2 min) has lapsed
        CLOCK.advance(Duration.ofSeconds(360));
        Thread.sleep(1100);
        assertEquals(1, workers.drain());
        assertEquals(1, workers.failed(), "taken over without failing");
        assertFiredOnce(world, pd[1]); // the event sent again carries the same idempotency key
        assertEquals(0, tick().due());
    }

    @Test
    void aSmallOrganizationIsServedFirstNotAfterABigOnesBurst() {
        World big = new World(c);
        World small = new World(c);
        String bigProject = big.project("Tour Est", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        List<String> bigDocs = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // six items of five (reminders.work-item-size here)
            bigDocs.add(declare(big, bigProject));
        }
        String[] smallDoc = dueDocument(small);
        ReminderTick.Report report = tick();
        assertEquals(7, report.workItems(), report::toString);
        assertEquals(2, report.organizations(), report::toString);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        ReminderWorkerHandler handler = new ReminderWorkerHandler(api.context());
        // one poller: the items in the order the queue hands them out
        assertEquals(7, workers(event -> {
            event.getRecords().forEach(m -> handled.add(organization(m.getBody())));
            return handler.handleRequest(event, null);
        }).drain());
        assertEquals(small.org, handled.get(0), "the small organization is served first, not after the big one's burst: " + handled);
        bigDocs.forEach(d -> assertFiredOnce(big, d));
        assertFiredOnce(small, smallDoc[1]);
    }

    static String organization(String body) {
        try {
            return JSON.readTree(body).get("organizationId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTickOutOfTimeQueuesWhatItListedAndTheNextTickListsTheRest() {
        List<String[]> docs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            docs.add(dueDocument(world));
        }
        ReminderTick tick = api.context().getBean(ReminderTick.class);
        // after the first page (one shard's), the invocation has less than the reserve left
        AtomicInteger pages = new AtomicInteger();
        ReminderTick.Report first = tick.run(CLOCK.instant(), () -> pages.incrementAndGet() == 1 ? Duration.ofSeconds(5) : Duration.ofHours(1));
        assertFalse(first.listedAll(), first::toString);
        assertTrue(first.due() < 12, first::toString);
        SqsEventSource workers = workers();
        workers.drain();
        Set<String> fired = docs.stream().map(pd -> pd[1]).filter(d -> notificationsFor(world.owner, d) == 1).collect(Collectors.toSet());
        assertEquals(first.due(), fired.size(), "what the first tick listed fired");
        ReminderTick.Report second = tick();
        assertTrue(second.listedAll() && second.due() == 12 - first.due(), second::toString);
        workers.drain();
        docs.forEach(pd -> assertFiredOnce(world, pd[1]));
    }

    @Test
    void theScheduledHandlerTicksAsOfTheEventsTimeOrNowWithoutOne() {
        // a replayed tick (an edited event, scripts/invoke): its work fires as of its time, later than the clock
        String project = world.project("Rejoué " + System.nanoTime(), Map.of("adam", "ADMIN"));
        Map<String, Object> body = new HashMap<>(Map.of("title", "Permis", "fileName", "permis.pdf", "contentType", "application/pdf",
                "sizeBytes", 100, "reminderDate", LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("America/Toronto")).plusDays(30).toString()));
        String later = expect(201, c.post("/projects/" + project + "/admin-documents").token(world.owner).body(body).send())
                .json().get("document").get("id").asText();
        ReminderHandler handler = new ReminderHandler(api.context());
        assertEquals(0, handler.handleRequest(new ScheduledTick("Scheduled Event", null), null).due(), "not due as of now");
        Instant replayed = CLOCK.instant().plus(Duration.ofDays(31));
        ReminderTick.Report report = handler.handleRequest(new ScheduledTick("Scheduled Event", replayed.toString()), null);
        assertEquals(replayed.toString(), report.asOf());
        assertTrue(report.due() >= 1, report::toString);
        workers().drain();
        assertEquals(1, notificationsFor(world.owner, later));
    }

    @Test
    void aWorkItemThatCannotBeReadIsDeliveredAgainAndOthersOfItsBatchAreNot() {
        ReminderWorkerHandler handler = new ReminderWorkerHandler(api.context());
        SQSEvent event = new SQSEvent();
        SQSEvent.SQSMessage broken = new SQSEvent.SQSMessage();
        broken.setMessageId("broken");
        broken.setBody("{not json");
        SQSEvent.SQSMessage empty = new SQSEvent.SQSMessage();
        empty.setMessageId("nothing-due");
        empty.setBody("{\"v\":1,\"tickId\":\"t\",\"asOf\":\"" + CLOCK.instant() + "\",\"organizationId\":\"" + world.org
                + "\",\"reminders\":[{\"projectId\":\"" + world.openProject + "\",\"documentId\":\"01J00000000000000000000000\"}]}");
        event.setRecords(List.of(broken, empty));
        SQSBatchResponse response = handler.handleRequest(event, null);
        assertEquals(List.of("broken"), response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    }
}
