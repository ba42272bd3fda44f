package com.example.clientmgmt.reminders;

import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.domain.SweepStep;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.storage.notifications.NotificationStore;
import com.example.clientmgmt.storage.organization.OrganizationStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import com.example.clientmgmt.storage.reminders.ReminderParking;
import com.example.clientmgmt.storage.reminders.ReminderStore;
import com.example.clientmgmt.storage.reminders.ReminderStore.DueReminder;
import com.example.clientmgmt.storage.reminders.ReminderStore.Occurrence;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One run of the reminder sweep, as of {@code now}: reads only what is due (index queries, page by page),
 * with each page's projects and organizations (one batch read each), holds back reminders of closed
 * projects (and moves them out of the due index: see {@link ReminderParking}), then for each due reminder fires one occurrence — the latest one due in its organization's time
 * zone, so that missed runs catch up with one, not a burst: claim it, publish (batched), notify each ADMIN,
 * and complete it, which moves the reminder to its next occurrence or, after its last, out of the index.
 * Exactly one notification per ADMIN and occurrence, and one event per occurrence (a run that dies right
 * after publishing may have its event sent again, with the same idempotency key): see {@link ReminderStore}.
 */
@Singleton
public class ReminderSweep {
    static final int PAGE = 100;
    /** A project's reminders move right after it closes or reopens; the sweep finishes only moves older than this. */
    static final java.time.Duration SETTLE_GRACE = java.time.Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
    private final ReminderStore reminders;
    private final ProjectStore projects;
    private final OrganizationStore organizations;
    private final ReminderSchedule schedule;
    private final NotificationStore notifications;
    private final ReminderEvents events;
    private final Metrics metrics;
    private final ReminderParking parking;

    public ReminderSweep(ReminderStore reminders, ProjectStore projects, OrganizationStore organizations, ReminderSchedule schedule,
                         NotificationStore notifications, ReminderEvents events, Metrics metrics, ReminderParking parking) {
        this.parking = parking;
        this.schedule = schedule;
        this.reminders = reminders;
        this.projects = projects;
        this.organizations = organizations;
        this.notifications = notifications;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * What a run did; logged, and returned by the handler. {@code notYetDue}: in the index as due, but whose
     * occurrence is later in its organization's time zone (the zone changed after it was armed).
     */
    @Serdeable
    public record Report(String runId, int due, int fired, int heldClosed, int takenByOthers, int publishFailed, int notifications,
                         int notYetDue) {}

    public Report run(Instant now) {
        long started = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        int due = 0, fired = 0, held = 0, taken = 0, failed = 0, notified = 0, notYet = 0;
        // projects closed or reopened whose request died before their reminders moved: finish first, so that a
        // reopened project's overdue reminders fire in this very run
        Set<ProjectRef> settled = new HashSet<>();
        for (ProjectRef ref : parking.unsettled(now.minus(SETTLE_GRACE))) {
            settle(ref, settled);
        }
        for (List<DueReminder> page : reminders.due(now, PAGE)) {
            due += page.size();
            Set<ProjectRef> refs = page.stream().map(r -> ProjectRef.of(r.document())).collect(Collectors.toSet());
            Map<ProjectRef, Project> byRef = refs.isEmpty() ? Map.of() : projects.findAll(refs);
            Map<String, Organization> orgs = organizations.findAll(page.stream().map(r -> r.document().orgId()).collect(Collectors.toSet()));
            List<ReminderEvents.Due> claimed = new ArrayList<>();
            for (DueReminder r : page) {
                Project project = byRef.get(ProjectRef.of(r.document()));
                Organization organization = orgs.get(r.document().orgId());
                SweepStep step = SweepStep.of(schedule, r.document(), project, organization, now);
                if (step instanceof SweepStep.Held) {
                    held++;
                    if (project != null) {
                        settle(ProjectRef.of(project), settled); // closed: its reminders leave the due index
                    }
                    continue;
                }
                if (!(step instanceof SweepStep.Fire fire)) {
                    notYet++;
                    continue;
                }
                Optional<Occurrence> occurrence = reminders.claim(r, fire.reminder(), fire.day(), runId, now);
                if (occurrence.isEmpty()) {
                    taken++;
                    continue;
                }
                claimed.add(new ReminderEvents.Due(occurrence.get(), organization, fire.projectName(), fire.recipients()));
            }
            List<ReminderEvents.Due> unpublished = events.publish(claimed);
            failed += unpublished.size();
            for (ReminderEvents.Due d : claimed) {
                if (unpublished.contains(d)) {
                    continue; // the claim lapses and a later run publishes it
                }
                Occurrence o = d.occurrence();
                NotificationStore.Context context = new NotificationStore.Context(d.organization().name(), d.projectName());
                for (String recipient : d.recipients()) {
                    notifications.recordReminder(o, context, recipient);
                }
                if (reminders.complete(o, runId, now, nextDue(d, now))) {
                    fired++;
                    notified += d.recipients().size();
                } else {
                    taken++;
                }
            }
        }
        Report report = new Report(runId, due, fired, held, taken, failed, notified, notYet);
        LOG.info("reminder sweep {}", report);
        metrics.record(Map.of("RemindersDue", (double) due, "RemindersFired", (double) fired,
                "ReminderPublishFailed", (double) failed, "RemindersHeldClosed", (double) held), Unit.COUNT, Map.of());
        metrics.record(Map.of("SweepDuration", (System.nanoTime() - started) / 1e6), Unit.MILLISECONDS, Map.of());
        return report;
    }

    /** Moves a project's reminders to match its state, once per run. */
    private void settle(ProjectRef ref, Set<ProjectRef> settled) {
        if (settled.add(ref)) {
            ReminderParking.Settled result = parking.settle(ref);
            LOG.info("reminders of {} moved: {}", ref, result);
        }
    }

    /** When the reminder is due next ({@link SweepStep#nextDue}), or null after its last. */
    private Instant nextDue(ReminderEvents.Due d, Instant now) {
        Occurrence o = d.occurrence();
        return SweepStep.nextDue(schedule, d.organization(), o.reminder(), o.day(), now).orElse(null);
    }
}
