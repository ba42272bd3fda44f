package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.storage.project.MembershipStore;
import com.example.clientmgmt.storage.reminders.ExpiringDocuments;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /admin-documents/expiring}: what lapses next, across projects. The documents whose expiry date
 * is before today + {@code withinDays} (in the organization's time zone; already expired ones included),
 * soonest first, of every project the caller may read: an ADMIN or LIMITED member sees their projects', an
 * organization admin the whole organization's.
 */
@Controller("/admin-documents/expiring")
public class ExpiringDocumentsController {
    private final ExpiringDocuments documents;
    private final MembershipStore memberships;
    private final ReminderSchedule schedule;
    private final Clock clock;

    public ExpiringDocumentsController(ExpiringDocuments documents, MembershipStore memberships, ReminderSchedule schedule, Clock clock) {
        this.documents = documents;
        this.memberships = memberships;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Get
    public PageView<DocumentView.Expiring> list(Caller caller, @Nullable @QueryValue String withinDays,
                                                @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        int days = Paging.withinDays(withinDays);
        int size = Paging.limit(limit);
        Instant now = clock.instant();
        LocalDate before = LocalDate.ofInstant(now, schedule.zone()).plusDays(days);
        Page<ExpiringDocuments.Expiring> page = documents.expiring(caller.orgId(), before,
                caller.orgAdmin() ? null : memberships.memberProjectIds(caller), cursor, size);
        return PageView.of(page, e -> DocumentView.Expiring.of(e, schedule, now));
    }
}
