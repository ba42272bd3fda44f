package com.example.clientmgmt.domain;

import java.time.LocalDate;

/** A partial update of {@link AdminInfo}: each field is kept, cleared or set. */
public record AdminInfoPatch(
        Change<String> clientCompanyName,
        Change<LocalDate> submissionDeadline,
        Change<LocalDate> startDate,
        Change<LocalDate> endDate,
        Change<ProjectState> state,
        Change<Money> estimatedBudget,
        Change<ClientType> clientType) {

    /** A patch that keeps the client type. */
    public AdminInfoPatch(Change<String> clientCompanyName, Change<LocalDate> submissionDeadline, Change<LocalDate> startDate,
                          Change<LocalDate> endDate, Change<ProjectState> state, Change<Money> estimatedBudget) {
        this(clientCompanyName, submissionDeadline, startDate, endDate, state, estimatedBudget, Change.keep());
    }

    public boolean touchesBudget() {
        return !estimatedBudget.isKeep();
    }
}
