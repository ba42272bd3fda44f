package com.example.clientmgmt.reminders;

import com.example.clientmgmt.domain.OrganizationTurns;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.example.clientmgmt.storage.reminders.ReminderStore;
import com.example.clientmgmt.storage.reminders.ReminderStore.DueReminder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The scheduled tick (ReminderFunction): finds the work, the workers do it. Finishes the moves of projects closed or
 * reopened whose request died (so that a reopened project's reminders are listed), then reads the due index page by
 * page (the shards taking turns) and queues work items ({@link ReminderWork}: up to {@code reminders.work-item-size}
 * reminders of one organization each, the organizations taking turns, {@link OrganizationTurns}). It claims and fires
 * nothing itself, so it is short whatever is due; when its invocation runs low on time ({@code reminders.tick-reserve}
 * left) it queues what it listed and leaves the rest to the next tick, which lists what is still due again.
 */
@Singleton
@Requires(property = "reminders.work-queue.url") // the tick's; the worker function has no queue to send to
public class ReminderTick {
    /** Due reminders per index query (DynamoDB also stops a page at 1 MB). */
    static final int PAGE = 1000;
    /**
     * At most this many listed reminders wait before they are queued: the organizations take turns within such a window
     * (a few MB of ids), beyond it window after window.
     */
    static final int WINDOW = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderTick.class);

    private final ReminderStore reminders;
    private final ReminderMoves moves;
    private final ReminderQueue queue;
    private final Metrics metrics;
    private final int itemSize;
    private final Duration reserve;
    private final ReadinessStore readiness;

    public ReminderTick(ReminderStore reminders, ReminderMoves moves, ReminderQueue queue, Metrics metrics, ReadinessStore readiness,
                        @Value("${reminders.work-item-size:25}") int itemSize, @Value("${reminders.tick-reserve:20s}") Duration reserve) {
        if (itemSize < 1 || itemSize > 100) {
            throw new IllegalArgumentException("reminders.work-item-size must be 1..100, not " + itemSize);
        }
        this.reminders = reminders;
        this.moves = moves;
        this.queue = queue;
        this.metrics = metrics;
        this.itemSize = itemSize;
        this.reserve = reserve;
        this.readiness = readiness;
    }

    /**
     * What a tick did: {@code due} reminders listed, {@code workItems} queued for {@code organizations} organizations,
     * {@code unsent} items SQS refused (their reminders stay due), {@code listedAll} false when it ran low on time and
     * left the rest to the next tick, {@code projectsSettled} closed or reopened projects whose reminders it moved;
     * {@code readinessDue}: projects whose readiness summary is due ({@link ReadinessSweep}), queued in
     * {@code readinessWorkItems} items (counted in {@code workItems} and {@code unsent} too).
     */
    @Serdeable
    public record Report(String tickId, String asOf, int due, int workItems, int organizations, int unsent, boolean listedAll,
                         int projectsSettled, int readinessDue, int readinessWorkItems) {}

    /** One tick as of {@code now}; {@code remaining}: how long the invocation may still run. */
    public Report run(Instant now, Supplier<Duration> remaining) {
        long started = System.nanoTime();
        String tickId = UUID.randomUUID().toString();
        int settled = moves.settleUnsettled(now).size();
        OrganizationTurns<ReminderWork.Reminder> turns = new OrganizationTurns<>(itemSize);
        Set<String> organizations = new HashSet<>();
        int due = 0, items = 0, unsent = 0;
        boolean listedAll = true;
        Function<OrganizationTurns.Item<ReminderWork.Reminder>, ReminderWork> reminderItem =
                i -> new ReminderWork(ReminderWork.VERSION, tickId, now, i.organizationId(), i.reminders());
        for (List<DueReminder> page : reminders.due(now, PAGE)) {
            for (DueReminder r : page) {
                turns.add(r.document().orgId(), new ReminderWork.Reminder(r.document().projectId(), r.document().id()));
                organizations.add(r.document().orgId());
            }
            due += page.size();
            if (turns.waiting() >= WINDOW) {
                int[] sent = queue(turns, reminderItem);
                items += sent[0];
                unsent += sent[1];
            }
            if (remaining.get().compareTo(reserve) < 0) {
                listedAll = false; // the next tick lists the rest (and what is still due of this one's)
                break;
            }
        }
        int[] sent = queue(turns, reminderItem);
        items += sent[0];
        unsent += sent[1];
        // then the projects whose readiness summary is due, the same way: items of one organization's projects
        OrganizationTurns<String> projects = new OrganizationTurns<>(itemSize);
        Function<OrganizationTurns.Item<String>, ReminderWork> readinessItem =
                i -> new ReminderWork(ReminderWork.VERSION, tickId, now, i.organizationId(), List.of(), i.reminders());
        int readinessDue = 0, readinessItems = 0;
        if (remaining.get().compareTo(reserve) < 0) {
            listedAll = false;
        } else {
            for (List<ReadinessStore.Due> page : readiness.due(now, PAGE)) {
                page.forEach(d -> projects.add(d.orgId(), d.projectId()));
                readinessDue += page.size();
                if (projects.waiting() >= WINDOW) {
                    sent = queue(projects, readinessItem);
                    readinessItems += sent[0];
                    unsent += sent[1];
                }
                if (remaining.get().compareTo(reserve) < 0) {
                    listedAll = false;
                    break;
                }
            }
        }
        sent = queue(projects, readinessItem);
        readinessItems += sent[0];
        unsent += sent[1];
        items += readinessItems;
        Report report = new Report(tickId, now.toString(), due, items, organizations.size(), unsent, listedAll, settled, readinessDue,
                readinessItems);
        LOG.info("reminder tick {}", report);
        metrics.record(Map.of("RemindersDue", (double) due, "ReminderWorkItems", (double) items,
                "ReminderWorkUnsent", (double) unsent, "ReminderTickIncomplete", listedAll ? 0.0 : 1.0), Unit.COUNT, Map.of());
        metrics.record(Map.of("TickDuration", (System.nanoTime() - started) / 1e6), Unit.MILLISECONDS, Map.of());
        return report;
    }

    /**
     * Queues everything listed (reminders or projects), the organizations taking turns, each item made by {@code item};
     * returns {items queued, items SQS refused}.
     */
    private <T> int[] queue(OrganizationTurns<T> turns, Function<OrganizationTurns.Item<T>, ReminderWork> item) {
        List<ReminderWork> work = turns.drain().stream().map(item).toList();
        int unsent = queue.send(work);
        return new int[] {work.size() - unsent, unsent};
    }
}
