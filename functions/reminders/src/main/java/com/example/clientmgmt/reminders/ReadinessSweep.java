package com.example.clientmgmt.reminders;

import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.Readiness;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.platform.RequirementAtRisk;
import com.example.clientmgmt.storage.notifications.NotificationStore;
import com.example.clientmgmt.storage.organization.OrganizationStore;
import com.example.clientmgmt.storage.readiness.ReadinessStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The daily part of bid readiness (SPEC v3): the reminder tick lists the readiness summaries that time alone may have
 * changed ({@link ReadinessStore#due}: a requirement coming within {@code requirements.warn-days} of its day, the next
 * day passing, a file still uploading) and queues their projects as work items; the reminder workers refresh them
 * ({@link #refresh}) and warn the project's ADMINs of each requirement at risk, once per requirement and day: an in-app
 * notification each and one {@code RequirementAtRisk} event on the bus (which the mailer e-mails through the mail queue).
 * The warnings are written before they are recorded as given, and both are idempotent (the notification's id and the
 * event's idempotency key come from the project, the requirement and its day), so a sweep that fails in between warns
 * again, never twice.
 */
@Singleton
@Requires(property = "event.bus.name")
public class ReadinessSweep {
    static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessSweep.class);
    private final ReadinessStore readiness;
    private final OrganizationStore organizations;
    private final ReminderSchedule schedule;
    private final NotificationStore notifications;
    private final ReminderEvents events;
    private final Metrics metrics;

    public ReadinessSweep(ReadinessStore readiness, OrganizationStore organizations, ReminderSchedule schedule,
                          NotificationStore notifications, ReminderEvents events, Metrics metrics) {
        this.readiness = readiness;
        this.organizations = organizations;
        this.schedule = schedule;
        this.notifications = notifications;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * What a sweep did: {@code due} summaries read, {@code refreshed}, {@code warned} requirements at risk (each one event),
     * {@code notified} in-app notifications, {@code failed} summaries left due after an error (the next tick tries again),
     * {@code sweptAll} false when it ran low on time.
     */
    @Serdeable
    public record Report(int due, int refreshed, int warned, int notified, int failed, boolean sweptAll) {}

    private static final class Tally {
        int due, refreshed, warned, notified, failed;
    }

    /**
     * The sequential sweep: every due summary, one after another, until {@code reserve} of the invocation is left (the
     * rest stays due). The deployed tick does not run it: it queues the due projects as work items, which the workers
     * refresh ({@link #refresh}); benches and tests run it to see one sweep whole.
     */
    public Report run(Instant now, Supplier<Duration> remaining, Duration reserve) {
        Tally t = new Tally();
        Map<String, Organization> orgs = new HashMap<>();
        boolean sweptAll = true;
        pages:
        for (List<ReadinessStore.Due> page : readiness.due(now, PAGE)) {
            for (ReadinessStore.Due due : page) {
                if (remaining.get().compareTo(reserve) < 0) {
                    sweptAll = false; // the rest stays due for the next tick
                    break pages;
                }
                refresh(due.orgId(), due.projectId(), now, orgs, t);
            }
        }
        return report(t, sweptAll);
    }

    /** A work item's projects of {@code orgId} (ReminderWorker), as of {@code now}. */
    public Report refresh(String orgId, List<String> projectIds, Instant now) {
        Tally t = new Tally();
        Map<String, Organization> orgs = new HashMap<>();
        for (String projectId : projectIds) {
            refresh(orgId, projectId, now, orgs, t);
        }
        return report(t, true);
    }

    private void refresh(String orgId, String projectId, Instant now, Map<String, Organization> orgs, Tally t) {
        t.due++;
        Organization organization = orgs.computeIfAbsent(orgId, organizations::find);
        try {
            // the warnings' time: when the summary came due (the same for every try of it), not when this run got to it
            Optional<ReadinessStore.Refreshed> done = readiness.refresh(orgId, projectId, now, schedule.of(organization).zone(),
                    r -> warn(r, organization, r.dueAt() == null ? now : r.dueAt()));
            if (done.isPresent()) { // counted once written: a refresh tried again warns again, idempotently
                t.refreshed++;
                t.warned += done.get().toWarn().size();
                t.notified += done.get().toWarn().size() * ProjectAccess.admins(done.get().project()).size();
            }
        } catch (RuntimeException e) {
            t.failed++;
            LOG.error("readiness of project {} not refreshed (due again at the next tick): {}", projectId, e.toString());
        }
    }

    private Report report(Tally t, boolean sweptAll) {
        Report report = new Report(t.due, t.refreshed, t.warned, t.notified, t.failed, sweptAll);
        LOG.info("readiness sweep {}", report);
        metrics.record(Map.of("ReadinessRefreshed", (double) t.refreshed, "RequirementsAtRisk", (double) t.warned,
                "ReadinessRefreshFailed", (double) t.failed), Unit.COUNT, Map.of());
        return report;
    }

    /**
     * Warns {@code r}'s project's ADMINs of each requirement at risk: notifications, then events; throws when the bus
     * refused an event, so that nothing is recorded as warned. {@code since}: when the warning came due (the same for
     * every try of it), the notifications' time.
     */
    private void warn(ReadinessStore.Refreshed r, Organization organization, Instant since) {
        Project project = r.project();
        List<String> admins = ProjectAccess.admins(project);
        List<RequirementAtRisk> atRisk = new ArrayList<>();
        for (Readiness.Item item : r.toWarn()) {
            Requirement q = item.requirement();
            String key = RequirementAtRisk.DETAIL_TYPE + "#" + project.id() + "#" + q.id() + "#" + item.at();
            Notification n = new Notification(null, Notification.REQUIREMENT_AT_RISK, organization.name(), project.id(),
                    project.name(), null, q.label(), q.kind(), item.at(), q.note(), r.today(), since, false, q.id());
            for (String admin : admins) {
                notifications.recordAtRisk(project.orgId(), n, admin, key);
            }
            atRisk.add(new RequirementAtRisk(project.orgId(), organization.name(), organization.defaultLanguage(), project.id(),
                    project.name(), q.id(), q.kind().name(), q.label(), q.neededBy().name(), item.at().toString(),
                    ChronoUnit.DAYS.between(r.today(), item.at()), item.status().name(), admins, key));
        }
        List<RequirementAtRisk> refused = events.publishAtRisk(atRisk);
        if (!refused.isEmpty()) {
            throw new IllegalStateException(refused.size() + " RequirementAtRisk event(s) refused by the bus");
        }
    }
}
