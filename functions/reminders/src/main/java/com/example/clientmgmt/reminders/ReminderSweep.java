package com.example.clientmgmt.reminders;

import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.storage.NotificationStore;
import com.example.clientmgmt.storage.ProjectStore;
import com.example.clientmgmt.storage.ReminderStore;
import com.example.clientmgmt.storage.ReminderStore.DueReminder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One run of the reminder sweep: reads only what is due (index queries, page by page), holds back
 * reminders of closed projects, then for each page claims, publishes (batched), notifies each ADMIN and
 * completes. Exactly one notification per ADMIN, and one event per reminder (a run that dies right after
 * publishing may have its event sent again, with the same idempotency key): see {@link ReminderStore}.
 */
@Singleton
public class ReminderSweep {
    static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
    private final ReminderStore reminders;
    private final ProjectStore projects;
    private final NotificationStore notifications;
    private final ReminderEvents events;

    private final Metrics metrics;

    public ReminderSweep(ReminderStore reminders, ProjectStore projects, NotificationStore notifications, ReminderEvents events,
                         Metrics metrics) {
        this.reminders = reminders;
        this.projects = projects;
        this.notifications = notifications;
        this.events = events;
        this.metrics = metrics;
    }

    /** What a run did; logged, and returned by the handler. */
    @Serdeable
    public record Report(String runId, int due, int fired, int heldClosed, int takenByOthers, int publishFailed, int notifications) {}

    public Report run(Instant now) {
        long started = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        int due = 0, fired = 0, held = 0, taken = 0, failed = 0, notified = 0;
        for (List<DueReminder> page : reminders.due(now, PAGE)) {
            due += page.size();
            Set<ProjectRef> refs = page.stream().map(r -> ProjectRef.of(r.document())).collect(Collectors.toSet());
            Map<ProjectRef, Project> byRef = refs.isEmpty() ? Map.of() : projects.findAll(refs);
            List<ReminderEvents.Due> claimed = new ArrayList<>();
            for (DueReminder r : page) {
                Project project = byRef.get(ProjectRef.of(r.document()));
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
                    notifications.recordReminder(d.reminder(), d.firstClaim(), d.projectName(), recipient);
                }
                if (reminders.complete(d.reminder(), runId, now)) {
                    fired++;
                    notified += d.recipients().size();
                } else {
                    taken++;
                }
            }
        }
        Report report = new Report(runId, due, fired, held, taken, failed, notified);
        LOG.info("reminder sweep {}", report);
        metrics.record(Map.of("RemindersDue", (double) due, "RemindersFired", (double) fired,
                "ReminderPublishFailed", (double) failed, "RemindersHeldClosed", (double) held), Unit.COUNT, Map.of());
        metrics.record(Map.of("SweepDuration", (System.nanoTime() - started) / 1e6), Unit.MILLISECONDS, Map.of());
        return report;
    }

    /** Recipients: every member with ADMIN permission on the project, at the time it fires. */
    static List<String> admins(Project project) {
        return project.members().entrySet().stream().filter(e -> e.getValue() == Permission.ADMIN)
                .map(Map.Entry::getKey).sorted().toList();
    }
}
