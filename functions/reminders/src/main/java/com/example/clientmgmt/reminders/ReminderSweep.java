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
import com.example.clientmgmt.storage.reminders.ReminderStore;
import com.example.clientmgmt.storage.reminders.ReminderStore.DueReminder;
import com.example.clientmgmt.storage.reminders.ReminderStore.Occurrence;
import io.micronaut.context.annotation.Requires;
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
 * Firing due reminders, as of {@code now}: {@link #fire} takes a list of due reminders (a page of the due index, or
 * what a work item names, read back), reads their projects and organizations (one batch read each), holds back
 * reminders of closed projects (and moves them out of the due index: see {@link ReminderMoves}), then for each due
 * reminder fires one occurrence — the latest one due in its organization's time zone, so that missed runs catch up
 * with one, not a burst: claim it, publish (batched), notify each ADMIN, and complete it, which moves the reminder
 * to its next occurrence or, after its last, out of the index. Exactly one notification per ADMIN and occurrence,
 * and one event per occurrence (a run that dies right after publishing may have its event sent again, with the same
 * idempotency key): see {@link ReminderStore}.
 * <p>
 * {@link #run} is the sequential sweep: one run lists every due reminder and fires them one page after another. The
 * deployed reminder functions split it ({@link ReminderTick} lists and queues work items, {@link ReminderWorker}
 * fires them); {@code scripts/bench-reminders} measures one against the other.
 */
@Singleton
@Requires(property = "event.bus.name") // the worker's; the tick function has no bus
public class ReminderSweep {
    static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
    private final ReminderStore reminders;
    private final ProjectStore projects;
    private final OrganizationStore organizations;
    private final ReminderSchedule schedule;
    private final NotificationStore notifications;
    private final ReminderEvents events;
    private final Metrics metrics;
    private final ReminderMoves moves;

    public ReminderSweep(ReminderStore reminders, ProjectStore projects, OrganizationStore organizations, ReminderSchedule schedule,
                         NotificationStore notifications, ReminderEvents events, Metrics metrics, ReminderMoves moves) {
        this.moves = moves;
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
                         int notYetDue) {
        static Report of(String runId, Tally t) {
            return new Report(runId, t.due, t.fired, t.held, t.taken, t.failed, t.notified, t.notYet);
        }
    }

    /** What firing a list of due reminders did, added up over the lists of a run. */
    static final class Tally {
        int due, fired, held, taken, failed, notified, notYet;

        void add(Tally t) {
            due += t.due;
            fired += t.fired;
            held += t.held;
            taken += t.taken;
            failed += t.failed;
            notified += t.notified;
            notYet += t.notYet;
        }
    }

    /** The sequential sweep: finishes the moves of closed or reopened projects, then fires every due reminder, page by page. */
    public Report run(Instant now) {
        long started = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        Set<ProjectRef> settled = moves.settleUnsettled(now);
        Tally total = new Tally();
        for (List<DueReminder> page : reminders.due(now, PAGE)) {
            total.add(fire(page, now, runId, settled));
        }
        Report report = Report.of(runId, total);
        LOG.info("reminder sweep {}", report);
        record(total, Map.of("RemindersDue", (double) total.due));
        metrics.record(Map.of("SweepDuration", (System.nanoTime() - started) / 1e6), Unit.MILLISECONDS, Map.of());
        return report;
    }

    /** What firing did, with the caller's {@code more} counts, as one record of the metrics the alarms and dashboards read. */
    void record(Tally t, Map<String, Double> more) {
        Map<String, Double> values = new java.util.HashMap<>(more);
        values.put("RemindersFired", (double) t.fired);
        values.put("ReminderPublishFailed", (double) t.failed);
        values.put("RemindersHeldClosed", (double) t.held);
        metrics.record(values, Unit.COUNT, Map.of());
    }

    /**
     * Fires {@code due} as of {@code now} for run {@code runId}: one occurrence each, or holds it (closed project,
     * whose reminders then leave the due index, once per project in {@code settled}), or leaves it (not yet due in
     * its organization's zone, or taken by another run). Reminders whose event the bus refused are counted in
     * {@code failed}: their claim lapses and a later run fires them.
     */
    Tally fire(List<DueReminder> due, Instant now, String runId, Set<ProjectRef> settled) {
        Tally t = new Tally();
        t.due = due.size();
        if (due.isEmpty()) {
            return t;
        }
        Set<ProjectRef> refs = due.stream().map(r -> ProjectRef.of(r.document())).collect(Collectors.toSet());
        Map<ProjectRef, Project> byRef = projects.findAll(refs);
        Map<String, Organization> orgs = organizations.findAll(due.stream().map(r -> r.document().orgId()).collect(Collectors.toSet()));
        List<ReminderEvents.Due> claimed = new ArrayList<>();
        for (DueReminder r : due) {
            Project project = byRef.get(ProjectRef.of(r.document()));
            Organization organization = orgs.get(r.document().orgId());
            SweepStep step = SweepStep.of(schedule, r.document(), project, organization, now);
            if (step instanceof SweepStep.Held) {
                t.held++;
                if (project != null) {
                    moves.settle(ProjectRef.of(project), settled); // closed: its reminders leave the due index
                }
                continue;
            }
            if (!(step instanceof SweepStep.Fire fire)) {
                t.notYet++;
                continue;
            }
            Optional<Occurrence> occurrence = reminders.claim(r, fire.reminder(), fire.day(), runId, now);
            if (occurrence.isEmpty()) {
                t.taken++;
                continue;
            }
            claimed.add(new ReminderEvents.Due(occurrence.get(), organization, fire.projectName(), fire.recipients()));
        }
        List<ReminderEvents.Due> unpublished = events.publish(claimed);
        t.failed = unpublished.size();
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
                t.fired++;
                t.notified += d.recipients().size();
            } else {
                t.taken++;
            }
        }
        return t;
    }

    /** When the reminder is due next ({@link SweepStep#nextDue}), or null after its last. */
    private Instant nextDue(ReminderEvents.Due d, Instant now) {
        Occurrence o = d.occurrence();
        return SweepStep.nextDue(schedule, d.organization(), o.reminder(), o.day(), now).orElse(null);
    }
}
