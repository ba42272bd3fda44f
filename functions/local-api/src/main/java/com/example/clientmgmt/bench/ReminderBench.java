package com.example.clientmgmt.bench;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.mailer.MailerHandler;
import com.example.clientmgmt.reminders.ReminderSweep;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.reminders.DueShards;
import com.example.clientmgmt.storage.organization.ProfileStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.SesThrottle;
import com.example.clientmgmt.testkit.SqsEventSource;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * scripts/bench-reminders: seeds N due reminders over N/20 projects (two ADMINs and one LIMITED member
 * each) — their own, once or weekly, or the default of an insurance that expires, with lead times — plus {@code nonDueFactor}×N documents that are not due (half with a reminder years away, half
 * without), in a fresh table; then times one sweep and counts its DynamoDB requests and PutEvents calls.
 * Usage: ReminderBench N NON_DUE_FACTOR
 */
public final class ReminderBench {
    private ReminderBench() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int factor = Integer.parseInt(args[1]);
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        LocalResources.Names names = LocalResources.Names.unique("rbench");
        AwsTestClients aws = AwsTestClients.forEndpoint(endpoint);
        LocalResources.create(Template.load(), names, aws, List.of());
        RoundTrips.Counter counter = new RoundTrips.Counter();
        SesThrottle sesCount = SesThrottle.refusingNext(0); // refuses nothing: counts the e-mails SES accepted
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(TestApi.functionProperties(endpoint, names)).singletons(counter, sesCount).start()) {
            Instant now = Instant.parse("2027-06-01T12:00:00Z");
            long seedStart = System.nanoTime();
            seed(context, aws.dynamoDb(), names.table(), n, factor, now);
            System.out.printf("seeded %d due and %d not-due documents in %.1f s%n", n, n * factor, (System.nanoTime() - seedStart) / 1e9);

            ReminderSweep sweep = context.getBean(ReminderSweep.class);
            counter.count.set(0);
            counter.timeByOperation.clear();
            JsonMapper json = context.getBean(JsonMapper.class);
            double busyBefore = emulatorBusyMs(endpoint, json);
            long start = System.nanoTime();
            ReminderSweep.Report report = sweep.run(now);
            double seconds = (System.nanoTime() - start) / 1e9;
            double busyShare = (emulatorBusyMs(endpoint, json) - busyBefore) / 1000 / seconds;
            int trips = counter.count.get();
            if (report.fired() != n) {
                throw new IllegalStateException("expected " + n + " reminders fired, got " + report);
            }
            System.out.printf("sweep: %s%n", report);
            ReminderSweep.Report again = sweep.run(now);
            if (again.fired() != 0) {
                throw new IllegalStateException("a second sweep at the same moment fired " + again);
            }
            System.out.printf("a second sweep at the same moment: due %d, fired %d%n", again.due(), again.fired());
            System.out.print(counter.timings());
            System.out.printf("DynamoDB requests %d: %.2f per reminder for query, claim and completion + %.2f notification writes; PutEvents calls %d%n",
                    trips, (double) (trips - report.notifications()) / n, (double) report.notifications() / n, counter.calls("PutEvents"));

            // then the mailers over every event the template's rule put on the mail queue (as in AWS), through its event
            // source: one e-mail per ADMIN with an address, at the local pace (no SES quota: see MailBench for one)
            MailerHandler handler = new MailerHandler(context);
            SqsEventSource mailers = SqsEventSource.of(Template.load(), "MailerFunction", aws.sqs(), LocalResources.mailQueueUrl(aws, names), 0,
                    event -> handler.handleRequest(event, null));
            long mailStart = System.nanoTime();
            int events = mailers.drain();
            double mailSeconds = (System.nanoTime() - mailStart) / 1e9;
            int emails = sesCount.accepted();
            if (events != n || emails != 2 * n) {
                throw new IllegalStateException("expected " + n + " events and " + 2 * n + " e-mails, got " + events + " and " + emails);
            }
            System.out.printf("mailer: events=%d emails=%d seconds=%.2f (profiles BatchGetItem + a conditional Put and an SES call per e-mail)%n",
                    events, emails, mailSeconds);
            String latency = System.getenv("LATENCY_MS");
            System.out.printf("reminders: n=%d seconds=%.2f per_second=%.1f roundtrips_per_reminder=%.2f emails_per_second=%.0f%s%n",
                    n, seconds, n / seconds, (double) trips / n, emails / mailSeconds,
                    latency == null ? "" : String.format(" latency_ms=%s emulator_busy_share=%.2f", latency, busyShare));
        }
    }

    /** How long the emulator's lock was held so far (scripts/emulator.py --latency-ms), or 0 without the latency model. */
    static double emulatorBusyMs(String endpoint, JsonMapper json) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(endpoint + "/_emulator/busy")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? ((Number) json.readValue(r.body(), Map.class).get("busyMs")).doubleValue() : 0;
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static void seed(ApplicationContext context, DynamoDbClient dynamo, String table, int n, int factor, Instant now) {
        seed(context, dynamo, table, Map.of("bench-org", n), factor, now);
    }

    /**
     * Seeds, for each organization of {@code dueByOrg}, that many due reminders over count/20 projects (at least one;
     * its "boss" and one of 7 "adam"s ADMIN, "lea" LIMITED), plus {@code factor} times as many documents not due.
     */
    static void seed(ApplicationContext context, DynamoDbClient dynamo, String table, Map<String, Integer> dueByOrg, int factor, Instant now) {
        ProjectStore projects = context.getBean(ProjectStore.class);
        ReminderSchedule schedule = context.getBean(ReminderSchedule.class);
        DueShards shards = context.getBean(DueShards.class);
        ProfileStore profiles = context.getBean(ProfileStore.class);
        List<WriteRequest> batch = new ArrayList<>();
        long written = 0;
        // the projects first, while the table is small: the emulator copies the whole table for each transaction
        Map<String, List<Project>> projectsByOrg = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Integer> org : dueByOrg.entrySet()) {
            String orgId = org.getKey();
            int projectCount = Math.max(1, org.getValue() / 20);
            profiles.remember(orgId, "boss", "boss@bench.example", true, "Patron", "fr-CA", now);
            for (int i = 0; i < 7; i++) {
                profiles.remember(orgId, "adam" + i, "adam" + i + "@bench.example", true, "Adam " + i, i % 2 == 0 ? "fr-CA" : "en", now);
            }
            List<Project> all = new ArrayList<>();
            for (int i = 0; i < projectCount; i++) {
                Project p = new Project(orgId, Ids.newId(now), "Projet " + i,
                        new AdminInfo(null, null, null, null, ProjectState.ACTIVE, null), 1,
                        Map.of("boss", Permission.ADMIN, "adam" + (i % 7), Permission.ADMIN, "lea", Permission.LIMITED),
                        Map.of(), now, "boss");
                projects.create(p);
                all.add(p);
            }
            projectsByOrg.put(orgId, all);
        }
        for (Map.Entry<String, Integer> org : dueByOrg.entrySet()) {
            String orgId = org.getKey();
            int n = org.getValue();
            List<Project> all = projectsByOrg.get(orgId);
            int projectCount = all.size();
            long total = (long) n * (1 + factor);
            for (long i = 0; i < total; i++) {
                Project p = all.get((int) (i % projectCount));
                boolean due = i < n;
                // due ones: a third each with a reminder of their own repeating weekly, their own once, and the
                // default of an insurance expiring in June (30 days before, weekly); lead times of 14 to 30 days
                LocalDate expiresOn = due && i % 3 == 2 ? LocalDate.of(2027, 6, 2 + (int) (i % 28)) : null;
                Reminder reminder = !due ? (i % 2 == 0 ? new Reminder(LocalDate.of(2031, 1, 1), null, 30, 7) : null)
                        : i % 3 == 2 ? null
                        : new Reminder(LocalDate.of(2027, 6, 2 + (int) (i % 14)), "Renouveler", 14 + (int) (i % 17), i % 3 == 0 ? 7 : null);
                FileVersion file = new FileVersion(Ids.newId(now), "doc-" + i + ".pdf", "application/pdf", 1000,
                        FileVersion.Status.AVAILABLE, 1000L, "etag", "v1", null, now, "boss", now, null);
                AdminDocument d = new AdminDocument(orgId, p.id(), Ids.newId(now), "Document " + i, DocumentKind.INSURANCE,
                        expiresOn, reminder, null, now, "boss", List.of(file));
                batch.add(WriteRequest.builder().putRequest(r -> r.item(DocumentItem.newItem(d, p.name(), schedule.firstDue(d)
                        .map(first -> shards.armed(d.id(), first, 1)).orElse(Map.of())))).build());
                if (++written % 10_000 == 0) {
                    System.out.printf("  seeded %d documents%n", written);
                }
                if (batch.size() == 25) {
                    write(dynamo, table, batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            write(dynamo, table, batch);
        }
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> left = Map.of(table, batch);
        while (!left.isEmpty() && !left.getOrDefault(table, List.of()).isEmpty()) {
            Map<String, List<WriteRequest>> request = left;
            left = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }
}
