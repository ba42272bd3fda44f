package com.example.clientmgmt.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.storage.notifications.NotificationStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller's notifications as they may see them now, with bounded work per request:
 * <ul>
 * <li>a notification of a project the caller can no longer read (demoted to NONE, removed) is hidden — not listed, not
 * marked read one by one, not counted — checked against the caller's current permission each time (promoted again,
 * it shows again);</li>
 * <li>the unread count reads the caller's unread list only (never the read ones), at most {@code countReads} of them:
 * exact up to {@link #COUNT_CAP}, otherwise {@code capped} ("99+");</li>
 * <li>"mark all read" marks in steps of {@code step}, at most {@code steps} of them per request, and says whether some
 * remain ({@code more}: call again). Each mark is its own write, so a request cut short keeps what it marked and the
 * next one goes on from there. Hidden notifications are marked read too (they are the caller's own), but only those
 * the caller sees are counted.</li>
 * </ul>
 */
@Singleton
public class Inbox {
    /** Above this many unread notifications, the count says "99+". */
    public static final int COUNT_CAP = 99;

    private final NotificationStore notifications;
    private final ProjectStore projects;
    private final int countReads;
    private final int step;
    private final int steps;

    public Inbox(NotificationStore notifications, ProjectStore projects,
                 @Value("${notifications.unread-count.reads:300}") int countReads,
                 @Value("${notifications.read-all.step:100}") int step,
                 @Value("${notifications.read-all.steps:5}") int steps) {
        this.notifications = notifications;
        this.projects = projects;
        this.countReads = countReads;
        this.step = step;
        this.steps = steps;
    }

    /** How many unread notifications the caller sees: exact, or at least {@code count} when {@code capped}. */
    public record UnreadCount(int count, boolean capped) {}

    /** What "mark all read" did: how many the caller sees were marked, and whether unread ones remain (call again). */
    public record ReadAll(int marked, boolean more) {}

    /** A page of the caller's notifications and their unread count, as one request reads them. */
    public record Listing(Page<Notification> page, UnreadCount unread) {}

    /**
     * A page of the caller's notifications, newest first, without those they may no longer see (a page may be shorter),
     * with the unread count: one reading of each project's permission serves both.
     */
    public Listing list(Caller caller, String cursor, int limit, boolean unreadOnly) {
        Visibility visibility = new Visibility(caller);
        Page<Notification> page = notifications.page(caller, cursor, limit, unreadOnly);
        return new Listing(new Page<>(visibility.of(page.items()), page.nextCursor()), unreadCount(caller, visibility));
    }

    private UnreadCount unreadCount(Caller caller, Visibility visibility) {
        int seen = 0;
        int read = 0;
        String cursor = null;
        do {
            Page<Notification> page = notifications.page(caller, cursor, Math.min(COUNT_CAP + 1, countReads - read), true);
            read += page.items().size();
            seen += visibility.of(page.items()).size();
            cursor = page.nextCursor();
        } while (cursor != null && seen <= COUNT_CAP && read < countReads);
        boolean capped = seen > COUNT_CAP || cursor != null;
        return new UnreadCount(Math.min(seen, COUNT_CAP), capped);
    }

    /** Marks one notification read; false (404) when the caller has none with that id, or may no longer see it. */
    public boolean markRead(Caller caller, String id) {
        return notifications.find(caller, id)
                .filter(n -> !new Visibility(caller).of(List.of(n)).isEmpty())
                .map(n -> notifications.markRead(caller, id))
                .orElse(false);
    }

    public ReadAll markAllRead(Caller caller) {
        Visibility visibility = new Visibility(caller);
        int marked = 0;
        String cursor = null;
        for (int i = 0; i < steps; i++) {
            Page<Notification> page = notifications.page(caller, cursor, step, true);
            Set<Notification> visible = Set.copyOf(visibility.of(page.items()));
            for (Notification n : page.items()) {
                if (notifications.markReadIfUnread(caller, n.id()) && visible.contains(n)) {
                    marked++;
                }
            }
            cursor = page.nextCursor();
            if (cursor == null) {
                return new ReadAll(marked, false);
            }
        }
        return new ReadAll(marked, true);
    }

    /**
     * What the caller may see, for one request: notifications of projects they may read now ({@link ProjectAccess#mayRead}),
     * each project read once per request, those not read yet in one batch. An organization admin reads every project of
     * the organization (projects are never deleted).
     */
    private final class Visibility {
        private final Caller caller;
        private final Map<String, Boolean> readable = new HashMap<>();

        Visibility(Caller caller) {
            this.caller = caller;
        }

        /** The notifications of {@code shown} the caller may see, in their order. */
        List<Notification> of(List<Notification> shown) {
            if (caller.orgAdmin()) {
                return shown;
            }
            Set<ProjectRef> unknown = shown.stream().filter(n -> !readable.containsKey(n.projectId()))
                    .map(n -> new ProjectRef(caller.orgId(), n.projectId())).collect(Collectors.toSet());
            if (!unknown.isEmpty()) {
                Map<ProjectRef, Project> found = projects.findAll(unknown);
                unknown.forEach(ref -> readable.put(ref.projectId(), ProjectAccess.mayRead(found.get(ref), caller)));
            }
            return shown.stream().filter(n -> readable.get(n.projectId())).toList();
        }
    }
}
