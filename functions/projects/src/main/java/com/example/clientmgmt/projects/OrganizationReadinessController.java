package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.storage.project.MembershipStore;
import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /readiness}: the projects at risk, across the organization. Those the caller may read (an ADMIN or LIMITED
 * member their projects, an organization admin every project) that are open, not ready, and have a requirement not
 * satisfied needed within {@code withinDays} days (in the organization's time zone, today included), soonest first.
 * One page costs one query of the stored summaries ({@link ReadinessStore#atRisk}), plus, for a member, one of their
 * memberships: two requests at most.
 */
@Controller("/readiness")
public class OrganizationReadinessController {
    private final ReadinessStore readiness;
    private final MembershipStore memberships;
    private final ReminderSchedule schedule;
    private final java.time.Clock clock;

    public OrganizationReadinessController(ReadinessStore readiness, MembershipStore memberships, ReminderSchedule schedule,
                                           java.time.Clock clock) {
        this.readiness = readiness;
        this.memberships = memberships;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** A project at risk: its soonest day with a requirement not satisfied, and how its requirements stand. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AtRisk(String projectId, String projectName, String state, String nextDate, long daysLeft, Map<String, Integer> counts) {
        static AtRisk of(ReadinessStore.Stored s, LocalDate today) {
            Map<String, Integer> counts = new TreeMap<>();
            s.summary().counts().forEach((status, n) -> counts.put(status.name(), n));
            return new AtRisk(s.projectId(), s.projectName(), s.state().name(), s.summary().nextDate().toString(),
                    ChronoUnit.DAYS.between(today, s.summary().nextDate()), counts);
        }
    }

    @Get
    public PageView<AtRisk> list(Caller caller, @Nullable @QueryValue String withinDays, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue String limit) {
        int days = Paging.withinDays(withinDays);
        int size = Paging.limit(limit);
        LocalDate today = LocalDate.ofInstant(clock.instant(), schedule.zone());
        Page<ReadinessStore.Stored> page = readiness.atRisk(caller.orgId(), today, today.plusDays(days),
                caller.orgAdmin() ? null : memberships.memberProjectIds(caller), cursor, size);
        return PageView.of(page, s -> AtRisk.of(s, today));
    }
}
