package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The "Informations admin" tab of a project: client company, bid deadline, start and end dates, state,
 * estimated budget and whether the client is a public body ({@link ClientType}, PRIVATE unless said). Any field but
 * the state and the client type may be empty.
 */
public record AdminInfo(
        String clientCompanyName,
        LocalDate submissionDeadline,
        LocalDate startDate,
        LocalDate endDate,
        ProjectState state,
        Money estimatedBudget,
        ClientType clientType) {

    public AdminInfo {
        Objects.requireNonNull(state, "state");
        clientType = clientType == null ? ClientType.PRIVATE : clientType;
    }

    /** Admin info of a PRIVATE client. */
    public AdminInfo(String clientCompanyName, LocalDate submissionDeadline, LocalDate startDate, LocalDate endDate,
                     ProjectState state, Money estimatedBudget) {
        this(clientCompanyName, submissionDeadline, startDate, endDate, state, estimatedBudget, ClientType.PRIVATE);
    }

    /** The names of the fields, as the API and the history call them. */
    public static final String CLIENT_COMPANY_NAME = "clientCompanyName";
    public static final String SUBMISSION_DEADLINE = "submissionDeadline";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String STATE = "state";
    public static final String ESTIMATED_BUDGET = "estimatedBudget";
    public static final String CLIENT_TYPE = "clientType";

    /**
     * Applies a partial update: only the fields the patch carries change. Checks the rules that involve
     * the merged result (start on or before end) and lists every field that really changed.
     */
    public Update apply(AdminInfoPatch patch) {
        AdminInfo after = new AdminInfo(
                patch.clientCompanyName().applyTo(clientCompanyName),
                patch.submissionDeadline().applyTo(submissionDeadline),
                patch.startDate().applyTo(startDate),
                patch.endDate().applyTo(endDate),
                patch.state().isKeep() ? state : Objects.requireNonNull(patch.state().applyTo(state), "state"),
                patch.estimatedBudget().applyTo(estimatedBudget),
                patch.clientType().applyTo(clientType)); // null (cleared): back to PRIVATE
        if (after.startDate != null && after.endDate != null && after.startDate.isAfter(after.endDate)) {
            String field = patch.endDate().isKeep() ? START_DATE : END_DATE;
            throw ProblemException.invalid(FieldError.of(field, "START_AFTER_END", after.startDate, after.endDate));
        }
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, CLIENT_COMPANY_NAME, clientCompanyName, after.clientCompanyName);
        diff(changes, SUBMISSION_DEADLINE, submissionDeadline, after.submissionDeadline);
        diff(changes, START_DATE, startDate, after.startDate);
        diff(changes, END_DATE, endDate, after.endDate);
        diff(changes, STATE, state, after.state);
        diff(changes, ESTIMATED_BUDGET, estimatedBudget, after.estimatedBudget);
        diff(changes, CLIENT_TYPE, clientType, after.clientType);
        return new Update(this, after, List.copyOf(changes));
    }

    private static void diff(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    /** What the caller may see: LIMITED members never see the budget. */
    public AdminInfo visibleTo(Permission permission) {
        return permission.seesBudget() ? this
                : new AdminInfo(clientCompanyName, submissionDeadline, startDate, endDate, state, null, clientType);
    }

    /** The result of a patch: before, after, and the fields that changed (empty when nothing did). */
    public record Update(AdminInfo before, AdminInfo after, List<FieldChange> changes) {
        public boolean changesState() {
            return before.state != after.state;
        }

        /** True when the patch touches anything besides the state. */
        public boolean changesMoreThanState() {
            return changes.stream().anyMatch(c -> !c.field().equals(STATE));
        }

        /**
         * Whether the project's reminders must move with this update: out of the due index when it closes the
         * project (nothing fires while it is closed), back in when it reopens it; empty when neither.
         */
        public Optional<ReminderMove> reminderMove() {
            boolean closing = after.state.isClosed();
            return closing == before.state.isClosed() ? Optional.empty()
                    : Optional.of(closing ? ReminderMove.OUT_OF_THE_DUE_INDEX : ReminderMove.BACK_INTO_THE_DUE_INDEX);
        }
    }

    /** Where a closed or reopened project's reminders go. */
    public enum ReminderMove { OUT_OF_THE_DUE_INDEX, BACK_INTO_THE_DUE_INDEX }
}
