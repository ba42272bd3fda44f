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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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

    /** A page of the caller's notifications, newest first, without those they may no longer see (a page may be shorter). */
    public Page<Notification> page(Caller caller, String cursor, int limit, boolean unreadOnly) {
        Page<Notification> page = notifications.page(caller, cursor, limit, unreadOnly);
        return new Page<>(page.items().stream().filter(visibleTo(caller, page.items())).toList(), page.nextCursor());
    }

    public UnreadCount unreadCount(Caller caller) {
        int seen = 0;
        int read = 0;
        String cursor = null;
        do {
            Page<Notification> page = notifications.page(caller, cursor, Math.min(COUNT_CAP + 1, countReads - read), true);
            read += page.items().size();
            seen += (int) page.items().stream().filter(visibleTo(caller, page.items())).count();
            cursor = page.nextCursor();
        } while (cursor != null && seen <= COUNT_CAP && read < countReads);
        boolean capped = seen > COUNT_CAP || cursor != null;
        return new UnreadCount(Math.min(seen, COUNT_CAP), capped);
    }

    /** Marks one notification read; false (404) when the caller has none with that id, or may no longer see it. */
    public boolean markRead(Caller caller, String id) {
        return notifications.find(caller, id)
                .filter(n -> visibleTo(caller, List.of(n)).test(n))
                .map(n -> notifications.markRead(caller, id))
                .orElse(false);
    }

    public ReadAll markAllRead(Caller caller) {
        int marked = 0;
        String cursor = null;
        for (int i = 0; i < steps; i++) {
            Page<Notification> page = notifications.page(caller, cursor, step, true);
            Predicate<Notification> visible = visibleTo(caller, page.items());
            for (Notification n : page.items()) {
                if (notifications.markReadIfUnread(caller, n.id()) && visible.test(n)) {
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
     * Which of {@code shown} the caller may see: those of projects they may read now ({@link ProjectAccess#mayRead}),
     * read in one batch. An organization admin reads every project of the organization (projects are never deleted).
     */
    private Predicate<Notification> visibleTo(Caller caller, List<Notification> shown) {
        if (caller.orgAdmin() || shown.isEmpty()) {
            return n -> true;
        }
        Set<ProjectRef> refs = shown.stream().map(n -> new ProjectRef(caller.orgId(), n.projectId())).collect(Collectors.toSet());
        Map<ProjectRef, Project> found = projects.findAll(refs);
        return n -> ProjectAccess.mayRead(found.get(new ProjectRef(caller.orgId(), n.projectId())), caller);
    }
}
