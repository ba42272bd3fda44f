package com.example.clientmgmt.domain;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the reminder tick hands due reminders to workers: in work items of at most {@code size} reminders of one
 * organization, the organizations taking turns — one item of each organization that has reminders waiting, then a
 * second of each, and so on; within a round, the organization with the fewest reminders waiting goes first (then the
 * first listed), so that the most organizations are served soonest. An organization with thousands due thus delays
 * another's first reminder by at most one item of each larger organization, not by its whole burst.
 *
 * @param <T> what a work item carries of each reminder
 */
public final class OrganizationTurns<T> {
    /** One work item: reminders of one organization. */
    public record Item<T>(String organizationId, List<T> reminders) {
        public Item {
            reminders = List.copyOf(reminders);
        }
    }

    private final int size;
    private final Map<String, ArrayDeque<T>> waiting = new LinkedHashMap<>();
    private int count;

    public OrganizationTurns(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a work item holds at least one reminder");
        }
        this.size = size;
    }

    /** Adds a due reminder of {@code organizationId}, behind that organization's others. */
    public void add(String organizationId, T reminder) {
        waiting.computeIfAbsent(organizationId, o -> new ArrayDeque<>()).addLast(reminder);
        count++;
    }

    /** How many reminders wait to be handed out. */
    public int waiting() {
        return count;
    }

    /** Every waiting reminder, in work items, the organizations taking turns; nothing waits afterwards. */
    public List<Item<T>> drain() {
        List<Item<T>> items = new ArrayList<>();
        while (!waiting.isEmpty()) {
            List<Map.Entry<String, ArrayDeque<T>>> round = new ArrayList<>(waiting.entrySet());
            round.sort(java.util.Comparator.comparingInt(e -> e.getValue().size())); // stable: ties keep the listing order
            for (Map.Entry<String, ArrayDeque<T>> organization : round) {
                ArrayDeque<T> queue = organization.getValue();
                List<T> reminders = new ArrayList<>(Math.min(size, queue.size()));
                while (reminders.size() < size && !queue.isEmpty()) {
                    reminders.add(queue.pollFirst());
                }
                items.add(new Item<>(organization.getKey(), reminders));
                if (queue.isEmpty()) {
                    waiting.remove(organization.getKey());
                }
            }
        }
        count = 0;
        return items;
    }
}
