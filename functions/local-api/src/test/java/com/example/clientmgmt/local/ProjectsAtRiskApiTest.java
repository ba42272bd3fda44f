package com.example.clientmgmt.local;

import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.mailer.MailerHandler;
import com.example.clientmgmt.reminders.ReadinessSweep;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.BusCapture;
import com.example.clientmgmt.testkit.Mailbox;
import com.example.clientmgmt.testkit.SqsEventSource;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28 items 1 and 2 end to end: the organization's list of projects at risk (GET /readiness) read from the stored
 * summaries that every write keeps current — its order, window, paging, permissions and a bound of two DynamoDB requests
 * a page, counted on the SDK — and the at-risk warnings of the tick's readiness sweep: once per requirement and day,
 * re-armed when the day moves, silent once satisfied, held while the project is closed; in the app and on the bus, and
 * through the template's rule, the mail queue and the mailer to each ADMIN's mailbox in their language.
 */
@Tag("integration") // needs the emulator: not in scripts/test-fast
class ProjectsAtRiskApiTest {
    /** DynamoDB requests the functions made since the last reset. */
    static final AtomicInteger DYNAMO_REQUESTS = new AtomicInteger();

    @RegisterExtension
    static TestApi api = new TestApi().withUploadEvents(context -> {
        com.example.clientmgmt.uploads.UploadEventsHandler handler = new com.example.clientmgmt.uploads.UploadEventsHandler(context);
        return event -> handler.handleRequest(event, null);
    }).withSingleton(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof DynamoDbRequest) {
                DYNAMO_REQUESTS.incrementAndGet();
            }
            if (HELD.get() && request instanceof software.amazon.awssdk.services.dynamodb.model.PutItemRequest put
                    && "PROJECT#READINESS".equals(put.item().get("sk").s())) {
                HELD.set(false); // its first put only: the retry goes through
                AT_PUT.countDown();
                try {
                    GO.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    });
    /** A thread that holds its summary's put until {@link #GO}, once it has read its dossier ({@link #AT_PUT}). */
    static final ThreadLocal<Boolean> HELD = ThreadLocal.withInitial(() -> false);
    static java.util.concurrent.CountDownLatch AT_PUT = new java.util.concurrent.CountDownLatch(1);
    static java.util.concurrent.CountDownLatch GO = new java.util.concurrent.CountDownLatch(1);
    static final ZoneId ZONE = ZoneId.of("America/Toronto");
    static final LocalDate TODAY = LocalDate.now(ZONE);
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
    }

    /** Replaces the project's requirements with one bid bond needed on {@code date}; returns its id. */
    static String requireBidBond(World w, String project, LocalDate date) {
        return requireBidBond(w, project, date, null);
    }

    /** The same, with the ADMIN's {@code label} for it (null: none). */
    static String requireBidBond(World w, String project, LocalDate date, String label) {
        Map<String, Object> item = new java.util.HashMap<>(Map.of("kind", "BID_BOND", "neededBy", "DATE", "date", date.toString()));
        if (label != null) {
            item.put("label", label);
        }
        JsonNode out = expect(200, c.put("/projects/" + project + "/requirements").token(w.owner)
                .body(Map.of("items", List.of(item))).send()).json();
        return out.get("items").get(0).get("id").asText();
    }

    /** A label at the limit (120 code points), with accents, a guillemet and a character outside the BMP. */
    static final String LONGEST_LABEL = ("Caution « é 🏗 » ").repeat(7) + "Caution!";

    static void moveRequirement(World w, String project, String id, LocalDate date) {
        expect(200, c.put("/projects/" + project + "/requirements").token(w.owner)
                .body(Map.of("items", List.of(Map.of("id", id, "kind", "BID_BOND", "neededBy", "DATE", "date", date.toString())))).send());
    }

    /** A bid bond document uploaded as a browser would, made AVAILABLE by the upload event. */
    static String uploadBidBond(World w, String project) {
        byte[] content = "Cautionnement de soumission\n".getBytes(StandardCharsets.UTF_8);
        JsonNode declared = expect(201, c.post("/projects/" + project + "/admin-documents").token(w.owner).body(Map.of(
                "title", "Cautionnement de soumission", "kind", "BID_BOND", "fileName", "caution.pdf", "contentType", "application/pdf",
                "sizeBytes", content.length)).send()).json();
        assertEquals(200, ApiClient.upload(declared.get("upload"), "application/pdf", content));
        assertEquals(1, api.deliverUploadEvents());
        return declared.get("document").get("id").asText();
    }

    record Listed(List<String> projects, List<Integer> requestsPerPage, List<JsonNode> items) {}

    /** Every page of GET /readiness as {@code token}: the projects in order, and the DynamoDB requests each page made. */
    static Listed list(String token, String query) {
        List<String> projects = new ArrayList<>();
        List<Integer> requests = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            DYNAMO_REQUESTS.set(0);
            JsonNode page = expect(200, c.get("/readiness?" + query + (cursor == null ? "" : "&cursor=" + cursor)).token(token).send()).json();
            requests.add(DYNAMO_REQUESTS.get());
            page.get("items").forEach(i -> {
                projects.add(i.get("projectId").asText());
                items.add(i);
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return new Listed(projects, requests, items);
    }

    @Test
    void theOrganizationsListHoldsTheProjectsAtRiskSoonestFirstPagedAndPerPermissionInTwoRequestsAPage() {
        World w = new World(c);
        String arena = w.project("Aréna", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        String library = w.project("Bibliothèque", Map.of("adam", "ADMIN"));
        String station = w.project("Caserne", Map.of());
        String depot = w.project("Dépôt", Map.of("adam", "ADMIN"));
        String closed = w.project("Entrepôt fermé", Map.of("adam", "ADMIN"));
        String far = w.project("Phare", Map.of("adam", "ADMIN"));
        requireBidBond(w, arena, TODAY.plusDays(3));
        String libraryBond = requireBidBond(w, library, TODAY.plusDays(10));
        requireBidBond(w, station, TODAY.plusDays(20));
        requireBidBond(w, depot, TODAY.plusDays(5));
        uploadBidBond(w, depot);
        requireBidBond(w, closed, TODAY.plusDays(2));
        expect(200, c.patch("/projects/" + closed + "/admin-info").token(w.owner).body(Map.of("state", "CLOSED")).send());
        requireBidBond(w, far, TODAY.plusDays(40));

        Listed all = list(w.boss, "limit=1");
        assertEquals(List.of(arena, library, station), all.projects(),
                "open, not ready, a day within 30 days: soonest first (the ready and the closed project are not at risk)");
        assertTrue(all.requestsPerPage().stream().allMatch(n -> n == 1), "an organization admin's page: one query (counted) "+ all.requestsPerPage());
        JsonNode first = all.items().get(0);
        assertEquals("Aréna", first.get("projectName").asText());
        assertEquals(TODAY.plusDays(3).toString(), first.get("nextDate").asText());
        assertEquals(3, first.get("daysLeft").asInt());
        assertEquals(1, first.get("counts").get("MISSING").asInt());
        assertEquals("ACTIVE", first.get("state").asText(), "a new project's state");

        Listed adams = list(w.adam, "limit=1");
        assertEquals(List.of(arena, library), adams.projects(), "a member sees their own projects only");
        assertTrue(adams.requestsPerPage().stream().allMatch(n -> n >= 1 && n <= 2), "a member's page: two requests at most " + adams.requestsPerPage());
        assertEquals(List.of(arena), list(w.lea, "").projects(), "LIMITED reads it too");
        assertEquals(List.of(), list(w.nora, "").projects(), "NONE: nothing");
        assertEquals(List.of(), list(w.outsider, "").projects(), "another organization: nothing");

        assertEquals(List.of(arena), list(w.boss, "withinDays=5").projects());
        assertEquals(List.of(), list(w.boss, "withinDays=0").projects());
        assertEquals(List.of(arena, library, station, far), list(w.boss, "withinDays=60").projects());

        // the writes keep the summaries current: a satisfying upload, a moved day, a deleted document
        String bond = uploadBidBond(w, arena);
        assertEquals(List.of(library, station), list(w.boss, "").projects(), "the upload made the arena ready");
        requireBidBond(w, station, TODAY.plusDays(1));
        assertEquals(List.of(station, library), list(w.boss, "").projects(), "its day moved: first now");
        expect(204, c.delete("/projects/" + arena + "/admin-documents/" + bond).token(w.owner).send());
        assertEquals(List.of(station, arena, library), list(w.boss, "").projects(), "its bond deleted: at risk again");
        moveRequirement(w, library, libraryBond, TODAY.plusDays(45));
        assertEquals(List.of(station, arena), list(w.boss, "").projects(), "moved past the window");
        expect(200, c.patch("/projects/" + arena + "/admin-info").token(w.owner).body(Map.of("state", "CLOSED")).send());
        assertEquals(List.of(station), list(w.boss, "").projects(), "closed: off the list");

        // a summary lost (as for a project last written before summaries existed): off the list until scripts/migrate's backfill
        api.aws().dynamoDb().deleteItem(b -> b.tableName(api.names().table()).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ORG#" + w.org + "#PROJECT#" + station),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PROJECT#READINESS"))));
        assertEquals(List.of(), list(w.boss, "").projects());
        var store = api.context().getBean(com.example.clientmgmt.storage.readiness.ReadinessStore.class);
        var backfill = new com.example.clientmgmt.storage.readiness.ReadinessBackfill(api.aws().dynamoDb(), api.names().table(), store,
                java.time.Clock.systemUTC()).run(line -> { });
        assertTrue(backfill.projects() >= 6 && backfill.refreshed() == backfill.projects() && backfill.failed() == 0, backfill.toString());
        assertEquals(List.of(station), list(w.boss, "").projects(), "back on the list");

        // bad input: a 400 problem, never a 5xx
        for (String bad : List.of("withinDays=-1", "withinDays=367", "withinDays=abc", "withinDays=", "limit=0", "limit=101",
                "cursor=nope", "cursor=" + "A".repeat(2000), "cursor=%2Czp", "cursor=,zp", "cursor=abc,def", "cursor=a%20b")) {
            ApiClient.Response r = c.get("/readiness?" + bad).token(w.boss).send();
            assertEquals(400, r.status(), bad + " → " + r);
            assertTrue(r.header("content-type").startsWith("application/problem+json"), bad);
        }
        // a cursor of a wider window points past a narrower one's end: refused, not handed to DynamoDB
        String wide = expect(200, c.get("/readiness?withinDays=60&limit=1").token(w.boss).send()).json().get("nextCursor").asText();
        assertEquals(400, c.get("/readiness?withinDays=0&cursor=" + wide).token(w.boss).send().status());
        assertEquals(401, c.get("/readiness").send().status());
    }

    /**
     * A member of more projects than DynamoDB takes values in one IN filter (100): the filter cannot name them all, so the
     * page is filtered after the query instead — the member still sees exactly their projects at risk, in order.
     */
    @Test
    void aMemberOfMoreProjectsThanOneFilterHoldsSeesExactlyTheirs() {
        World w = new World(c);
        int projects = com.example.clientmgmt.storage.Queries.MAX_IN_VALUES + 1;
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            mine.add(w.project("Chantier " + i, Map.of("lea", "LIMITED")));
        }
        requireBidBond(w, mine.get(7), TODAY.plusDays(6));
        requireBidBond(w, mine.get(projects - 1), TODAY.plusDays(2));
        String notMine = w.project("Pas le mien", Map.of("adam", "ADMIN"));
        requireBidBond(w, notMine, TODAY.plusDays(4));
        assertEquals(List.of(mine.get(projects - 1), mine.get(7)), list(w.lea, "limit=1").projects());
        assertEquals(List.of(mine.get(projects - 1), notMine, mine.get(7)), list(w.boss, "").projects());
    }

    /** The sweep as the tick runs it, at {@code at}; what it did. */
    static ReadinessSweep.Report sweep(Instant at) {
        ReadinessSweep.Report report = api.context().getBean(ReadinessSweep.class).run(at, () -> Duration.ofMinutes(10), Duration.ZERO);
        assertEquals(0, report.failed(), "no refresh failed: " + report);
        return report;
    }

    /** The day's sweep time: 07:05 in the organization's zone, {@code days} from today. */
    static Instant morning(int days) {
        return ReminderSchedule.FIRES_AT.plusMinutes(5).atDate(TODAY.plusDays(days)).atZone(ZONE).toInstant();
    }

    /** The at-risk events about {@code project} among {@code events}: "requirementId@date". */
    static List<String> about(String project, List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode d = e.get("detail");
            if (project.equals(d.get("projectId").asText())) {
                assertEquals("RequirementAtRisk", e.get("detail-type").asText());
                out.add(d.get("requirementId").asText() + "@" + d.get("date").asText());
            }
        }
        return out;
    }

    static List<JsonNode> atRiskNotifications(String token, String project) {
        List<JsonNode> out = new ArrayList<>();
        expect(200, c.get("/notifications?limit=100").token(token).send()).json().get("items").forEach(n -> {
            if ("REQUIREMENT_AT_RISK".equals(n.get("type").asText()) && project.equals(n.get("projectId").asText())) {
                out.add(n);
            }
        });
        return out;
    }

    @Test
    void aRequirementAtRiskWarnsItsAdminsOnceReArmsWhenItsDayMovesIsSilentOnceSatisfiedAndHeldWhileClosed() {
        World w = new World(c);
        String tag = Long.toString(System.nanoTime(), 36);
        String ownerEmail = "marie." + tag + "@example.com";
        String adamEmail = "adam." + tag + "@example.com";
        expect(200, c.get("/me").token(c.token("owner", w.org, true, Map.of("email", ownerEmail, "name", "Marie Lavoie",
                "locale", "fr-CA"))).send());
        expect(200, c.get("/me").token(c.token("adam", w.org, false, Map.of("email", adamEmail, "name", "Adam O'Neil",
                "locale", "en-US"))).send());
        BusCapture bus = BusCapture.connect(api.aws(), api.names().bus(), "atrisk-" + tag, "{\"source\":[\"clientmgmt.readiness\"]}");
        MailerHandler mailer = new MailerHandler(api.context());
        SqsEventSource mailers = SqsEventSource.of(Template.load(), "MailerFunction", api.aws().sqs(),
                LocalResources.mailQueueUrl(api.aws(), api.names()), 0, event -> mailer.handleRequest(event, null));

        String arena = w.project("Aréna de Terrebonne", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        String bondId = requireBidBond(w, arena, TODAY.plusDays(10), LONGEST_LABEL);
        assertEquals(com.example.clientmgmt.domain.Requirement.MAX_LABEL, LONGEST_LABEL.codePointCount(0, LONGEST_LABEL.length()));
        String school = w.project("École Saint-Jean", Map.of("adam", "ADMIN"));
        String schoolBond = requireBidBond(w, school, TODAY.plusDays(5));
        expect(200, c.patch("/projects/" + school + "/admin-info").token(w.owner).body(Map.of("state", "CLOSED")).send());
        String later = w.project("Phare", Map.of("adam", "ADMIN"));
        String laterBond = requireBidBond(w, later, TODAY.plusDays(20));

        // today: the arena's bond is 10 days out, not satisfied: at risk; the school's is held (closed); the lighthouse's is 20 days out
        assertTrue(sweep(morning(0)).warned() >= 1);
        List<JsonNode> events = bus.drain();
        assertEquals(List.of(bondId + "@" + TODAY.plusDays(10)), about(arena, events));
        assertEquals(List.of(), about(school, events), "held while closed");
        assertEquals(List.of(), about(later, events), "not within 14 days yet");
        JsonNode detail = events.stream().filter(e -> arena.equals(e.get("detail").get("projectId").asText())).findFirst().orElseThrow()
                .get("detail");
        assertEquals(10, detail.get("daysLeft").asInt());
        assertEquals(LONGEST_LABEL, detail.get("label").asText(), "the label whole, on the bus");
        assertEquals("MISSING", detail.get("status").asText());
        assertEquals(List.of("adam", "owner"), sorted(detail.get("recipients")));
        List<JsonNode> adams = atRiskNotifications(w.adam, arena);
        assertEquals(1, adams.size(), "each ADMIN notified in the app");
        assertEquals(bondId, adams.get(0).get("requirementId").asText());
        assertEquals(LONGEST_LABEL, adams.get(0).get("title").asText(), "and in the app");
        assertEquals(TODAY.plusDays(10).toString(), adams.get(0).get("reminderDate").asText());
        assertTrue(adams.get(0).get("documentId").isNull());
        assertEquals(1, atRiskNotifications(w.owner, arena).size());
        assertEquals(0, atRiskNotifications(w.lea, arena).size(), "LIMITED is not warned");

        // the template's rule → the mail queue → the mailer: each ADMIN in their language
        assertTrue(mailers.drain() >= 1);
        List<Mailbox.Mail> en = Mailbox.to(api.aws().endpoint(), adamEmail);
        assertEquals(1, en.size());
        assertEquals("Requirement at risk: " + LONGEST_LABEL + " — Aréna de Terrebonne", en.get(0).subject(),
                "and in the e-mail's subject, encoded and decoded whole");
        assertTrue(en.get(0).text().contains("10 days before it is needed: no document of this kind on file"), en.get(0).text());
        assertTrue(en.get(0).text().contains("/projects/" + arena + "/readiness"), en.get(0).text());
        List<Mailbox.Mail> fr = Mailbox.to(api.aws().endpoint(), ownerEmail);
        assertEquals(1, fr.size());
        assertTrue(fr.get(0).subject().startsWith("Exigence à risque : "), fr.get(0).subject());
        assertTrue(fr.get(0).text().contains("Aréna de Terrebonne"), fr.get(0).text());

        // once: the same day again, and the next days
        sweep(morning(0));
        sweep(morning(1));
        sweep(morning(3));
        assertEquals(List.of(), about(arena, bus.drain()), "warned once per requirement and day");
        assertEquals(1, atRiskNotifications(w.adam, arena).size());

        // moving the day re-arms it
        moveRequirement(w, arena, bondId, TODAY.plusDays(8));
        sweep(morning(0));
        assertEquals(List.of(bondId + "@" + TODAY.plusDays(8)), about(arena, bus.drain()), "a new day: warned again");
        assertEquals(2, atRiskNotifications(w.adam, arena).size());

        // satisfied: silent, whatever its day does
        uploadBidBond(w, arena);
        moveRequirement(w, arena, bondId, TODAY.plusDays(6));
        sweep(morning(1));
        assertEquals(List.of(), about(arena, bus.drain()), "silent once satisfied");

        // the school reopens: its held warning comes
        expect(200, c.patch("/projects/" + school + "/admin-info").token(w.owner).body(Map.of("state", "BIDDING")).send());
        sweep(morning(0));
        assertEquals(List.of(schoolBond + "@" + TODAY.plusDays(5)), about(school, bus.drain()), "warned at its reopening");

        // the lighthouse comes within 14 days by time alone: the sweep finds it on that day, not before
        sweep(morning(5));
        assertEquals(List.of(), about(later, bus.drain()));
        sweep(morning(6));
        assertEquals(List.of(laterBond + "@" + TODAY.plusDays(20)), about(later, bus.drain()), "due by time alone, on its day");
    }

    /**
     * As deployed: the tick lists the due summaries and queues their projects as work items (by organization), the
     * workers (the template's event source) refresh them and warn; a second tick at the same moment finds nothing due.
     */
    @Test
    void theTickQueuesTheProjectsAtRiskAndTheWorkersWarnOfThem() {
        World w = new World(c);
        String tag = Long.toString(System.nanoTime(), 36);
        BusCapture bus = BusCapture.connect(api.aws(), api.names().bus(), "fanout-" + tag, "{\"source\":[\"clientmgmt.readiness\"]}");
        com.example.clientmgmt.reminders.ReminderWorkerHandler worker = new com.example.clientmgmt.reminders.ReminderWorkerHandler(api.context());
        SqsEventSource workers = SqsEventSource.of(Template.load(), "ReminderWorkerFunction", api.aws().sqs(),
                LocalResources.reminderWorkQueueUrl(api.aws(), api.names()), 1, event -> worker.handleRequest(event, null));
        com.example.clientmgmt.reminders.ReminderHandler ticker = new com.example.clientmgmt.reminders.ReminderHandler(api.context());
        String project = w.project("Caserne de Laval", Map.of("adam", "ADMIN"));
        String bond = requireBidBond(w, project, TODAY.plusDays(4));

        var report = ticker.handleRequest(new com.example.clientmgmt.platform.ScheduledTick("Scheduled Event", morning(0).toString()), null);
        assertTrue(report.readinessDue() >= 1 && report.readinessWorkItems() >= 1 && report.unsent() == 0, report.toString());
        assertTrue(workers.drain() >= 1);
        assertEquals(List.of(bond + "@" + TODAY.plusDays(4)), about(project, bus.drain()), "warned by a worker");
        assertEquals(1, atRiskNotifications(w.adam, project).size());

        ticker.handleRequest(new com.example.clientmgmt.platform.ScheduledTick("Scheduled Event", morning(0).toString()), null);
        workers.drain();
        assertEquals(List.of(), about(project, bus.drain()), "nothing due any more: once");
    }

    /**
     * The race the summary's version guards against, made to happen: a refresh reads the dossier (day D1), then, before
     * it puts its summary, another write moves the day to D2 and puts its own. The first put, conditioned on the version
     * it read, is refused and its refresh reads again: the list says D2, not the stale D1.
     */
    @Test
    void aRefreshThatReadBeforeAnotherWriteCannotOverwriteItsSummary() throws Exception {
        World w = new World(c);
        String project = w.project("Course au résumé", Map.of("adam", "ADMIN"));
        String bond = requireBidBond(w, project, TODAY.plusDays(9));
        AT_PUT = new java.util.concurrent.CountDownLatch(1);
        GO = new java.util.concurrent.CountDownLatch(1);
        var store = api.context().getBean(com.example.clientmgmt.storage.readiness.ReadinessStore.class);
        Thread stale = new Thread(() -> {
            HELD.set(true);
            store.afterWrite(w.org, project, Instant.now());
        });
        stale.start();
        assertTrue(AT_PUT.await(30, java.util.concurrent.TimeUnit.SECONDS), "the refresh read its dossier (day 9) and waits to put");
        moveRequirement(w, project, bond, TODAY.plusDays(4)); // written and summarized meanwhile
        GO.countDown();
        stale.join(30_000);
        JsonNode item = list(w.owner, "").items().stream().filter(i -> project.equals(i.get("projectId").asText())).findFirst()
                .orElseThrow();
        assertEquals(TODAY.plusDays(4).toString(), item.get("nextDate").asText(), "the later write's day, not the stale read's");
    }

    /**
     * Concurrent writes of one project's requirements and admin info, round after round: each answered 200 or 409 (never a
     * 5xx), and after each round the list says what the project's live readiness says (its next day). The race itself is
     * made to happen deterministically by {@link #aRefreshThatReadBeforeAnotherWriteCannotOverwriteItsSummary}: the
     * emulator answers one request at a time, so these rounds rarely interleave a refresh's read and put.
     */
    @Test
    void concurrentWritesLeaveTheSummaryCurrentRoundAfterRound() throws Exception {
        World w = new World(c);
        String project = w.project("Concurrence des résumés", Map.of("adam", "ADMIN"));
        java.util.Random random = new java.util.Random(28);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 6; round++) {
                List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    LocalDate day = TODAY.plusDays(1 + random.nextInt(60));
                    answers.add(pool.submit(i % 2 == 0
                            ? () -> c.put("/projects/" + project + "/requirements").token(w.owner).body(Map.of("items", List.of(
                                    Map.of("kind", "BID_BOND", "neededBy", "DATE", "date", day.toString()),
                                    Map.of("kind", "RBQ_LICENCE", "neededBy", "SUBMISSION")))).send().status()
                            : () -> c.patch("/projects/" + project + "/admin-info").token(w.adam)
                                    .body(Map.of("submissionDeadline", day.toString())).send().status()));
                }
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    int status = answer.get();
                    assertTrue(status == 200 || status == 409, "round " + round + ": " + status);
                }
                JsonNode live = expect(200, c.get("/projects/" + project + "/readiness").token(w.owner).send()).json();
                String expected = null;
                for (JsonNode item : live.get("items")) {
                    String at = item.path("at").asText(null);
                    if (at != null && !"SATISFIED".equals(item.get("status").asText()) && at.compareTo(TODAY.toString()) >= 0
                            && (expected == null || at.compareTo(expected) < 0)) {
                        expected = at;
                    }
                }
                String listed = null;
                for (JsonNode item : list(w.owner, "withinDays=366").items()) {
                    if (project.equals(item.get("projectId").asText())) {
                        listed = item.get("nextDate").asText();
                    }
                }
                assertEquals(expected, listed, "round " + round + ": the list says what the live readiness says: " + live);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> sorted(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        out.sort(null);
        return out;
    }
}
