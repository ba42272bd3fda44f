package com.example.clientmgmt.reminders;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.platform.AwsClients;
import com.example.clientmgmt.platform.BatchRetry;
import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.platform.RequirementAtRisk;
import com.example.clientmgmt.storage.reminders.ReminderStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Publishes {@code DocumentReminderDue} (and the readiness sweep's {@code RequirementAtRisk}) events on the application's bus, ten per PutEvents call (the
 * API's maximum). Entries EventBridge refuses are retried ({@link BatchRetry}); those that still fail are returned, so that
 * their reminders are not completed and the next sweep tries again: nothing is dropped.
 */
@Singleton
@Requires(property = "event.bus.name")
public class ReminderEvents implements AutoCloseable {
    public static final String SOURCE = DocumentReminderDue.SOURCE;
    public static final String DETAIL_TYPE = DocumentReminderDue.DETAIL_TYPE;
    static final int BATCH = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderEvents.class);

    private final EventBridgeClient events;
    private final String bus;
    private final JsonMapper json;

    public ReminderEvents(AwsClients aws, SdkHttpClient http, JsonMapper json, @Value("${event.bus.name}") String bus) {
        this.events = aws.configure(EventBridgeClient.builder(), http).build();
        this.json = json;
        this.bus = bus;
    }

    /** A claimed occurrence: where it happens and who gets it. */
    public record Due(ReminderStore.Occurrence occurrence, Organization organization, String projectName, List<String> recipients) {}

    /** Publishes each reminder's event; returns those that could not be published. */
    public List<Due> publish(List<Due> due) {
        return publish(due, SOURCE, DETAIL_TYPE, this::detail, d -> d.occurrence().idempotencyKey());
    }

    /** Publishes each at-risk requirement's event ({@link RequirementAtRisk}); returns those that could not be published. */
    public List<RequirementAtRisk> publishAtRisk(List<RequirementAtRisk> atRisk) {
        return publish(atRisk, RequirementAtRisk.SOURCE, RequirementAtRisk.DETAIL_TYPE, this::json, RequirementAtRisk::idempotencyKey);
    }

    /** Publishes {@code events} as {@code source}/{@code detailType}, ten a call, retried; returns those still refused. */
    private <T> List<T> publish(List<T> events, String source, String detailType, Function<T, String> detail, Function<T, String> key) {
        List<T> failed = new ArrayList<>();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<T> pending = BatchRetry.send(events.subList(from, Math.min(events.size(), from + BATCH)),
                    batch -> putEvents(batch, source, detailType, detail));
            if (!pending.isEmpty()) {
                LOG.error("{} {} event(s) not published after {} attempts; they stay due: {}", pending.size(), detailType,
                        BatchRetry.ATTEMPTS, pending.stream().map(key).toList());
                failed.addAll(pending);
            }
        }
        return failed;
    }

    private <T> List<T> putEvents(List<T> batch, String source, String detailType, Function<T, String> detail) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (T event : batch) {
            entries.add(PutEventsRequestEntry.builder().eventBusName(bus).source(source).detailType(detailType)
                    .resources(List.of())
                    .detail(detail.apply(event)).build());
        }
        PutEventsResponse response;
        try {
            response = events.putEvents(r -> r.entries(entries));
        } catch (RuntimeException e) {
            LOG.warn("PutEvents failed: {}", e.toString());
            return batch;
        }
        List<T> refused = new ArrayList<>();
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < batch.size(); i++) {
            if (i >= results.size() || results.get(i).errorCode() != null) {
                refused.add(batch.get(i));
            }
        }
        return refused;
    }

    private String json(Object detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String detail(Due d) {
        ReminderStore.Occurrence o = d.occurrence();
        AdminDocument doc = o.due().document();
        return json(new DocumentReminderDue(doc.orgId(), d.organization().name(),
                d.organization().defaultLanguage(), doc.projectId(), d.projectName(), doc.id(), doc.title(), doc.kind().name(),
                o.reminder().date().toString(), o.reminder().note(), o.day().toString(), d.recipients(),
                o.reminder().contactRoles().stream().map(Enum::name).sorted().toList(), o.idempotencyKey()));
    }

    @Override
    public void close() {
        events.close();
    }
}
