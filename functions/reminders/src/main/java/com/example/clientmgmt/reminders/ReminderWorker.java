package com.example.clientmgmt.reminders;

import com.example.clientmgmt.storage.reminders.ReminderStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;

/**
 * Fires one work item ({@link ReminderWork}): reads its documents back (one strongly consistent batch read) and fires
 * those still armed and due as of {@code now}, each exactly as the sweep does ({@link ReminderSweep#fire}: claim,
 * publish, notify each ADMIN, complete). What fired meanwhile, moved on, or is claimed by another live worker is left
 * alone; a worker that dies after claiming leaves a claim that lapses ({@link ReminderStore#CLAIM_LEASE}) before SQS
 * delivers its item again.
 */
@Singleton
@Requires(property = "event.bus.name") // the worker's; the tick function has no bus
public class ReminderWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderWorker.class);
    private final ReminderStore reminders;
    private final ReminderSweep sweep;
    private final ReadinessSweep readiness;

    public ReminderWorker(ReminderStore reminders, ReminderSweep sweep, ReadinessSweep readiness) {
        this.reminders = reminders;
        this.sweep = sweep;
        this.readiness = readiness;
    }

    /**
     * Handles one work item as of {@code now}. The tally's {@code due} counts what was still due of the item; a
     * {@code failed} above 0 means the item must be handled again (its claims lapse first).
     */
    ReminderSweep.Tally handle(ReminderWork work, Instant now) {
        String runId = UUID.randomUUID().toString();
        ReminderSweep.Tally t = work.reminders().isEmpty() ? new ReminderSweep.Tally()
                : sweep.fire(reminders.stillDue(work.documents(), now), now, runId, new HashSet<>());
        if (!work.projects().isEmpty()) {
            // a project not refreshed stays due; the item is delivered again (its warnings are idempotent)
            t.failed += readiness.refresh(work.organizationId(), work.projects(), now).failed();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("work item of tick {} ({} of {}): {}", work.tickId(), work.reminders().size(), work.organizationId(),
                    ReminderSweep.Report.of(runId, t));
        }
        return t;
    }
}
