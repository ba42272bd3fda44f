package com.example.clientmgmt.reminders;

import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.storage.DocumentStore;
import com.example.clientmgmt.storage.ProjectStore;
import com.example.clientmgmt.storage.ReminderStore;
import com.example.clientmgmt.storage.ReminderStore.DueReminder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One run of the reminder sweep: reads only what is due (index query per shard, page by page), holds
 * back reminders of closed projects, then for each page claims, publishes (batched), notifies each ADMIN
 * and completes. Exactly one notification per ADMIN, and one event per reminder (a run that dies right
 * after publishing may have its event sent again, with the same idempotency key): see {@link ReminderStore}.
 */
@Singleton
public class ReminderSweep {
    static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
    private final ReminderStore reminders;
    private final ProjectStore projects;
    private final ReminderEvents events;

    public ReminderSweep(ReminderStore reminders, ProjectStore projects, ReminderEvents events) {
        this.reminders = reminders;
        this.projects = projects;
        this.events = events;
    }

    /** What a run did; logged, and returned by the handler. */
    @Serdeable
    public record Report(String runId, int due, int fired, int heldClosed, int takenByOthers, int publishFailed, int notifications) {}

    public Report run(Instant now) {
        String runId = UUID.randomUUID().toString();
        int due = 0, fired = 0, held = 0, taken = 0, failed = 0, notified = 0;
        for (int shard = 0; shard < DocumentStore.DUE_SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                ReminderStore.DuePage page = reminders.due("DUE#" + shard, now, start, PAGE);
                start = page.next();
                due += page.reminders().size();
                Set<Map.Entry<String, String>> keys = page.reminders().stream()
                        .map(r -> (Map.Entry<String, String>) new AbstractMap.SimpleEntry<>(r.document().orgId(), r.document().projectId()))
                        .collect(Collectors.toSet());
                Map<String, Project> byKey = keys.isEmpty() ? Map.of() : projects.findAll(keys);
                List<ReminderEvents.Due> claimed = new ArrayList<>();
                for (DueReminder r : page.reminders()) {
                    Project project = byKey.get(r.document().orgId() + "/" + r.document().projectId());
                    if (!ReminderSchedule.mayFire(project)) {
                        held++;
                        continue;
                    }
                    Optional<Instant> firstClaim = reminders.claim(r, runId, now);
                    if (firstClaim.isEmpty()) {
                        taken++;
                        continue;
                    }
                    claimed.add(new ReminderEvents.Due(r, project.name(), admins(project), firstClaim.get()));
                }
                List<ReminderEvents.Due> unpublished = events.publish(claimed);
                failed += unpublished.size();
                for (ReminderEvents.Due d : claimed) {
                    if (unpublished.contains(d)) {
                        continue; // the claim lapses and a later run publishes it
                    }
                    for (String recipient : d.recipients()) {
                        reminders.notify(d.reminder(), d.firstClaim(), d.projectName(), recipient);
                    }
                    if (reminders.complete(d.reminder(), runId, now)) {
                        fired++;
                        notified += d.recipients().size();
                    } else {
                        taken++;
                    }
                }
            } while (start != null);
        }
        Report report = new Report(runId, due, fired, held, taken, failed, notified);
        LOG.info("reminder sweep {}", report);
        return report;
    }

    /** Recipients: every member with ADMIN permission on the project, at the time it fires. */
    static List<String> admins(Project project) {
        return project.members().entrySet().stream().filter(e -> e.getValue() == Permission.ADMIN)
                .map(Map.Entry::getKey).sorted().toList();
    }
}
