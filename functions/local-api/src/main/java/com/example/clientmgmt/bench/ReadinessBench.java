package com.example.clientmgmt.bench;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.NeededBy;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRequirements;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.domain.RequirementSource;
import com.example.clientmgmt.reminders.ReadinessSweep;
import com.example.clientmgmt.storage.project.ProjectItem;
import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.example.clientmgmt.storage.requirements.RequirementsItem;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.BusCapture;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import io.micronaut.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * scripts/bench-reminders --readiness N: the tick's readiness sweep at scale. Seeds N open projects (two ADMINs each),
 * each with one requirement not satisfied and needed within the warning days, and writes their summaries as a write would
 * (so each is due); then times one sweep — a dossier query, the ADMINs' notifications, one event and a conditional put per
 * project — and counts its DynamoDB requests and PutEvents calls; checks every project was warned once and on the bus,
 * and that a second sweep at the same moment finds nothing due. Last line:
 * {@code readiness: projects=N seconds=S per_second=X roundtrips_per_project=R putevents=P}.
 * Usage: ReadinessBench N
 */
public final class ReadinessBench {
    private ReadinessBench() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        LocalResources.Names names = LocalResources.Names.unique("rdbench");
        AwsTestClients aws = AwsTestClients.forEndpoint(endpoint);
        LocalResources.create(Template.load(), names, aws, List.of());
        BusCapture bus = BusCapture.connect(aws, names.bus(), "readiness", "{\"source\":[\"clientmgmt.readiness\"]}");
        RoundTrips.Counter counter = new RoundTrips.Counter();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(TestApi.functionProperties(endpoint, names)).singletons(counter).start()) {
            Instant now = Instant.parse("2027-06-01T12:00:00Z"); // 08:00 in Montréal: past the 07:00 the summaries are due at
            LocalDate today = LocalDate.of(2027, 6, 1);
            ReadinessStore readiness = context.getBean(ReadinessStore.class);
            long seedStart = System.nanoTime();
            // the projects (members in the project item: who the sweep warns) and requirements in batches (the emulator copies the whole table for each
            // transaction: creating thousands of projects one transaction each would measure the emulator)
            List<Project> all = new java.util.ArrayList<>();
            List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                Project p = new Project("bench-org-" + (i % 10), Ids.newId(now), "Soumission " + i,
                        new AdminInfo(null, null, null, null, ProjectState.BIDDING, null), 1,
                        Map.of("boss", Permission.ADMIN, "adam" + (i % 7), Permission.ADMIN, "lea", Permission.LIMITED), Map.of(), now, "boss");
                all.add(p);
                items.add(ProjectItem.item(p));
                Requirement bond = new Requirement(Ids.newId(now), DocumentKind.BID_BOND, "Cautionnement " + i, NeededBy.DATE,
                        today.plusDays(3 + i % 10), null, RequirementSource.MANUAL, null);
                items.add(RequirementsItem.item(p.orgId(), p.id(), new ProjectRequirements(List.of(bond), List.of(), 1)));
            }
            for (int from = 0; from < items.size(); from += 25) {
                List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25))
                        .stream().map(item -> software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .putRequest(r -> r.item(item)).build()).toList();
                var left = aws.dynamoDb().batchWriteItem(b -> b.requestItems(Map.of(names.table(), batch))).unprocessedItems();
                while (!left.isEmpty() && !left.getOrDefault(names.table(), List.of()).isEmpty()) {
                    var again = left;
                    left = aws.dynamoDb().batchWriteItem(b -> b.requestItems(again)).unprocessedItems();
                }
            }
            for (Project p : all) {
                readiness.afterWrite(p.orgId(), p.id(), now); // as the requirement's PUT does: due today
            }
            System.out.printf("seeded %d projects at risk in %.1f s%n", n, (System.nanoTime() - seedStart) / 1e9);

            ReadinessSweep sweep = context.getBean(ReadinessSweep.class);
            counter.count.set(0);
            counter.timeByOperation.clear();
            long start = System.nanoTime();
            ReadinessSweep.Report report = sweep.run(now, () -> Duration.ofHours(1), Duration.ZERO);
            double seconds = (System.nanoTime() - start) / 1e9;
            int trips = counter.count.get();
            int putEvents = (int) counter.calls("PutEvents");
            if (report.refreshed() != n || report.warned() != n || report.failed() != 0) {
                throw new IllegalStateException("expected " + n + " projects refreshed and warned, got " + report);
            }
            System.out.printf("sweep: %s%n", report);
            int events = bus.drain().size();
            if (events != n) {
                throw new IllegalStateException("expected " + n + " RequirementAtRisk events on the bus, got " + events);
            }
            ReadinessSweep.Report again = sweep.run(now, () -> Duration.ofHours(1), Duration.ZERO);
            if (again.due() != 0) {
                throw new IllegalStateException("a second sweep at the same moment found " + again);
            }
            System.out.printf("a second sweep at the same moment: due %d; events on the bus: %d%n", again.due(), events);
            System.out.print(counter.timings());
            String latency = System.getenv("LATENCY_MS");
            System.out.printf("readiness: projects=%d seconds=%.2f per_second=%.1f roundtrips_per_project=%.2f putevents=%d%s%n",
                    n, seconds, n / seconds, (double) (trips - putEvents) / n, putEvents,
                    latency == null ? "" : " latency_ms=" + latency);
        }
    }
}
