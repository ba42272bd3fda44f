package com.example.clientmgmt.bench;

import com.example.clientmgmt.reminders.ReminderSweep;
import com.example.clientmgmt.reminders.ReminderTick;
import com.example.clientmgmt.reminders.ReminderWorkerHandler;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.SqsEventSource;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * scripts/bench-reminders --due N --orgs M --workers K: N due reminders across M organizations of very different sizes
 * (organization i has a share of 1/(i+1), Zipf-like: the largest about a fifth of all, the smallest a few), seeded
 * twice, in two fresh tables; one runs through the sequential sweep ({@link ReminderSweep#run}), the other through the
 * fan-out — one tick ({@link ReminderTick}), then K workers fed by the template's event source ({@link SqsEventSource},
 * its batch size) until the queue is empty. Prints, for each, the seconds, the round trips per reminder (every AWS request
 * of the functions: DynamoDB, PutEvents, SendMessageBatch) and each organization's wait for its first reminder (the
 * PutEvents that carried it); last line: the fan-out line of issue 25.
 * Usage: ReminderFanOutBench DUE ORGS WORKERS
 */
public final class ReminderFanOutBench {
    private ReminderFanOutBench() {}

    /** When each organization's first reminder event was published, and how many AWS requests the functions sent. */
    static final class Watch implements ExecutionInterceptor {
        final Map<String, Long> firstEvent = new ConcurrentHashMap<>();
        final RoundTrips.Counter counter = new RoundTrips.Counter();
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            counter.beforeTransmission(context, attributes);
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            counter.afterTransmission(context, attributes);
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutEventsRequest put) {
                long at = System.nanoTime();
                put.entries().forEach(e -> {
                    try {
                        firstEvent.putIfAbsent(JSON.readTree(e.detail()).get("organizationId").asText(), at);
                    } catch (java.io.IOException x) {
                        throw new IllegalStateException(x);
                    }
                });
            }
        }

        long requests() {
            return counter.timeByOperation.values().stream().mapToLong(t -> t[0]).sum();
        }

        void reset() {
            firstEvent.clear();
            counter.timeByOperation.clear();
        }
    }

    /**
     * What one path did: seconds, requests, each organization's wait for its first reminder (seconds), and the share of
     * the time the emulator's lock was held.
     */
    record Run(double seconds, long requests, Map<String, Double> lag, double busyShare) {
        double maxLag(List<String> orgs) {
            return orgs.stream().mapToDouble(o -> lag.getOrDefault(o, Double.NaN)).max().orElse(Double.NaN);
        }
    }

    public static void main(String[] args) throws Exception {
        int due = Integer.parseInt(args[0]);
        int orgCount = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        String latency = System.getenv().getOrDefault("LATENCY_MS", "0");
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        Map<String, Integer> sizes = sizes(due, orgCount);
        List<String> bySize = new ArrayList<>(sizes.keySet());
        bySize.sort(Comparator.comparing(sizes::get));
        List<String> smallest = bySize.subList(0, Math.max(1, orgCount / 10)); // the smallest tenth
        System.out.printf("organizations: %d, due per organization from %d to %d (the smallest tenth: %d or fewer)%n",
                orgCount, sizes.get(bySize.get(0)), sizes.get(bySize.get(bySize.size() - 1)), sizes.get(smallest.get(smallest.size() - 1)));
        Instant now = Instant.parse("2027-06-01T12:00:00Z");
        Run sequential = run(endpoint, sizes, now, context -> {
            ReminderSweep.Report report = context.getBean(ReminderSweep.class).run(now);
            check(report.fired() == due, "sequential sweep fired " + report);
        }, "sequential");
        Run fanout = run(endpoint, sizes, now, context -> {
            ReminderTick.Report tick = context.getBean(ReminderTick.class).run(now, () -> Duration.ofDays(1));
            check(tick.due() == due && tick.listedAll(), "tick " + tick);
            AwsTestClients aws = AwsTestClients.forEndpoint(endpoint);
            LocalResources.Names names = context.getBean(BenchNames.class).names();
            ThreadLocal<ReminderWorkerHandler> handler = ThreadLocal.withInitial(() -> new ReminderWorkerHandler(context));
            SqsEventSource source = SqsEventSource.of(Template.load(), "ReminderWorkerFunction", aws.sqs(),
                    LocalResources.reminderWorkQueueUrl(aws, names), workers, event -> handler.get().handleRequest(event, null));
            source.drain();
            check(source.failed() == 0, source.failed() + " work items failed");
            System.out.printf("fan-out: tick %s; %d work items delivered to %d workers in batches of up to %d%n",
                    tick, source.delivered(), source.concurrency(), source.batchSize());
        }, "fan-out");
        System.out.printf("sequential: seconds=%.2f roundtrips_per_reminder=%.2f max_org_lag_s=%.2f smallest_orgs_lag_s=%.2f%n",
                sequential.seconds, (double) sequential.requests / due, sequential.maxLag(bySize), sequential.maxLag(smallest));
        System.out.printf("fan-out: seconds=%.2f roundtrips_per_reminder=%.2f max_org_lag_s=%.2f smallest_orgs_lag_s=%.2f (%.0f%% of the run)%n",
                fanout.seconds, (double) fanout.requests / due, fanout.maxLag(bySize), fanout.maxLag(smallest),
                100 * fanout.maxLag(smallest) / fanout.seconds);
        System.out.printf("fanout: due=%d orgs=%d latency_ms=%s workers=%d seconds=%.2f sequential_seconds=%.2f speedup=%.2f "
                        + "emulator_busy_share=%.2f roundtrips_per_reminder=%.2f max_org_lag_s=%.2f%n",
                due, orgCount, latency, workers, fanout.seconds, sequential.seconds, sequential.seconds / fanout.seconds,
                fanout.busyShare, (double) fanout.requests / due, fanout.maxLag(bySize));
    }

    /** The local names of one run's table, queue and bus, for the parts of the bench that need them. */
    record BenchNames(LocalResources.Names names) {}

    interface Path {
        void run(ApplicationContext context) throws Exception;
    }

    /** Seeds a fresh table with {@code sizes}, then times {@code path} on it. */
    static Run run(String endpoint, Map<String, Integer> sizes, Instant now, Path path, String label) throws Exception {
        LocalResources.Names names = LocalResources.Names.unique("fbench");
        AwsTestClients aws = AwsTestClients.forEndpoint(endpoint);
        LocalResources.create(Template.load(), names, aws, List.of());
        Watch watch = new Watch();
        try (ApplicationContext context = ApplicationContext.builder().properties(TestApi.functionProperties(endpoint, names))
                .singletons(watch, new BenchNames(names)).start()) {
            long seedStart = System.nanoTime();
            ReminderBench.seed(context, aws.dynamoDb(), names.table(), sizes, 0, now);
            System.out.printf("%s: seeded %d due reminders of %d organizations in %.1f s%n", label,
                    sizes.values().stream().mapToInt(Integer::intValue).sum(), sizes.size(), (System.nanoTime() - seedStart) / 1e9);
            watch.reset();
            JsonMapper json = context.getBean(JsonMapper.class);
            double busyBefore = ReminderBench.emulatorBusyMs(endpoint, json);
            long start = System.nanoTime();
            path.run(context);
            double seconds = (System.nanoTime() - start) / 1e9;
            double busyShare = (ReminderBench.emulatorBusyMs(endpoint, json) - busyBefore) / 1000 / seconds;
            System.out.printf("%s: %.2f s, requests by operation (mean ms on the wire, latency and waits included):%n%s", label, seconds,
                    watch.counter.timings());
            Map<String, Double> lag = new LinkedHashMap<>();
            watch.firstEvent.forEach((org, at) -> lag.put(org, (at - start) / 1e9));
            check(lag.keySet().containsAll(sizes.keySet()), label + ": organizations without a reminder: "
                    + sizes.keySet().stream().filter(o -> !lag.containsKey(o)).toList());
            return new Run(seconds, watch.requests(), lag, busyShare);
        } finally {
            aws.dynamoDb().deleteTable(b -> b.tableName(names.table())); // the emulator then no longer copies it in each transaction
        }
    }

    /** {@code due} reminders over {@code orgs} organizations, organization i getting a share of 1/(i+1), each at least one. */
    static Map<String, Integer> sizes(int due, int orgs) {
        if (due < orgs) {
            throw new IllegalArgumentException("at least one due reminder per organization: --due " + due + " < --orgs " + orgs);
        }
        double harmonic = 0;
        for (int i = 1; i <= orgs; i++) {
            harmonic += 1.0 / i;
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int left = due;
        for (int i = 0; i < orgs; i++) {
            int size = i == orgs - 1 ? left : Math.max(1, Math.min(left - (orgs - 1 - i), (int) Math.round(due / harmonic / (i + 1))));
            sizes.put(String.format("bench-org-%03d", i), size);
            left -= size;
        }
        return sizes;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
