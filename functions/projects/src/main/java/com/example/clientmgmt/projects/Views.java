package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** The JSON shapes of the projects function's answers (see openapi.yaml). */
final class Views {
    private Views() {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProjectView(String id, String name, String state, String permission, boolean member,
                       String clientCompanyName, String createdAt) {
        /**
         * The project as {@code caller} sees it: their permission (ADMIN for an organization admin) and whether
         * they are a member (an organization admin may not be).
         */
        static ProjectView of(Project p, Caller caller) {
            return new ProjectView(p.id(), p.name(), p.state().name(), ProjectAccess.permissionOf(p, caller).name(),
                    p.members().containsKey(caller.userId()), p.adminInfo().clientCompanyName(), p.createdAt().toString());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MoneyView(String amount, String currency) {
        static MoneyView of(Money m) {
            return m == null ? null : new MoneyView(m.amountText(), m.currency());
        }
    }

    /** Admin info as ADMIN sees it: the budget is always there, null when not set. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AdminInfoView(String clientCompanyName, String submissionDeadline, String startDate, String endDate,
                         String state, MoneyView estimatedBudget, String clientType, long version) {}

    /** Admin info as LIMITED sees it: the same without the budget field at all, and their own version (budget changes do not move it). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LimitedAdminInfoView(String clientCompanyName, String submissionDeadline, String startDate, String endDate,
                                String state, String clientType, long version) {}

    static Object adminInfo(Project p, Permission permission) {
        AdminInfo info = p.adminInfo().visibleTo(permission);
        if (permission.seesBudget()) {
            return new AdminInfoView(info.clientCompanyName(), text(info.submissionDeadline()), text(info.startDate()),
                    text(info.endDate()), info.state().name(), MoneyView.of(info.estimatedBudget()), info.clientType().name(),
                    p.versionSeenBy(permission));
        }
        return new LimitedAdminInfoView(info.clientCompanyName(), text(info.submissionDeadline()), text(info.startDate()),
                text(info.endDate()), info.state().name(), info.clientType().name(), p.versionSeenBy(permission));
    }

    @Serdeable
    record MemberView(String userId, String permission) {}

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
