package com.example.clientmgmt.domain;

import java.time.LocalDate;

/** The day a requirement must be met: one of the project's own dates, or a date of its own ({@link #DATE}). */
public enum NeededBy {
    SUBMISSION, START, END, DATE;

    /** That day for a project with {@code info}; {@code own} is the requirement's date (DATE only). Null: not known yet. */
    public LocalDate dateIn(AdminInfo info, LocalDate own) {
        return switch (this) {
            case SUBMISSION -> info.submissionDeadline();
            case START -> info.startDate();
            case END -> info.endDate();
            case DATE -> own;
        };
    }
}
