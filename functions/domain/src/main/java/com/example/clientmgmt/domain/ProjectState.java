package com.example.clientmgmt.domain;

import java.util.EnumSet;
import java.util.Set;

/** The state of a project ("État du projet"). CLOSED freezes the project's Client management. */
public enum ProjectState {
    BIDDING, ACTIVE, ON_HOLD, CLOSED;

    /** What the projects page shows when no state filter is given. */
    public static final Set<ProjectState> OPEN = EnumSet.of(BIDDING, ACTIVE, ON_HOLD);

    public boolean isClosed() {
        return this == CLOSED;
    }
}
