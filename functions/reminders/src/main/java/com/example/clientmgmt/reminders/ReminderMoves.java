package com.example.clientmgmt.reminders;

import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.storage.reminders.ReminderParking;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Moving a closed (reopened) project's reminders out of (into) the due index, for the tick and the workers: the projects
 * whose request died before its reminders moved ({@link #settleUnsettled}), and a closed project a worker meets
 * ({@link #settle}), each once per run. See {@link ReminderParking}.
 */
@Singleton
public class ReminderMoves {
    /** A project's reminders move right after it closes or reopens; a run finishes only moves older than this. */
    static final Duration SETTLE_GRACE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(ReminderMoves.class);
    private final ReminderParking parking;

    public ReminderMoves(ReminderParking parking) {
        this.parking = parking;
    }

    /**
     * Projects closed or reopened whose request died before their reminders moved, finished first, so that a reopened
     * project's overdue reminders are due in this very run. Returns the projects settled.
     */
    public Set<ProjectRef> settleUnsettled(Instant now) {
        Set<ProjectRef> settled = new HashSet<>();
        for (ProjectRef ref : parking.unsettled(now.minus(SETTLE_GRACE))) {
            settle(ref, settled);
        }
        return settled;
    }

    /** Moves a project's reminders to match its state, unless this run did already ({@code settled}). */
    public void settle(ProjectRef ref, Set<ProjectRef> settled) {
        if (settled.add(ref)) {
            ReminderParking.Settled result = parking.settle(ref);
            LOG.info("reminders of {} moved: {}", ref, result);
        }
    }
}
