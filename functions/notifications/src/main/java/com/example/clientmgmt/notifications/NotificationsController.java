package com.example.clientmgmt.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;


/** {@code /notifications}: the caller's own in-app notifications, newest first, as they may see them now ({@link Inbox}). */
@Controller("/notifications")
public class NotificationsController {
    private final Inbox inbox;

    public NotificationsController(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * One notification: a reminder occurrence ({@code DOCUMENT_REMINDER}, {@code occurrence} its day), a
     * reminder stopped by a renewed version ({@code DOCUMENT_RENEWED}) or a requirement at risk
     * ({@code REQUIREMENT_AT_RISK}), named so that it reads on its own.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record View(String id, String type, String organizationName, String projectId, String projectName, String documentId,
                String requirementId, String title, String kind, String reminderDate, String reminderNote, String occurrence,
                String createdAt, boolean read) {
        static View of(Notification n) {
            return new View(n.id(), n.type(), n.organizationName(), n.projectId(), n.projectName(), n.documentId(), n.requirementId(),
                    n.title(), text(n.kind()), text(n.reminderDate()), n.reminderNote(), text(n.occurrence()), n.createdAt().toString(),
                    n.read());
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * A page of notifications and how many of all the caller's are unread: exact up to 99, else 99 with
     * {@code unreadCountCapped} ("99+").
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ListView(List<View> items, String nextCursor, int unreadCount, boolean unreadCountCapped) {}

    /** How many the request marked read, and whether unread ones remain ({@code more}: post again). */
    @Serdeable
    record ReadAll(int marked, boolean more) {}

    /** Newest first; {@code unread=true} keeps the unread ones (a page may then be shorter than {@code limit}). */
    @Get
    public ListView list(Caller caller, @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit,
                         @Nullable @QueryValue String unread) {
        boolean unreadOnly = unreadFilter(unread);
        Inbox.Listing listing = inbox.list(caller, cursor, Paging.limit(limit), unreadOnly);
        PageView<View> page = PageView.of(listing.page(), View::of);
        return new ListView(page.items(), page.nextCursor(), listing.unread().count(), listing.unread().capped());
    }

    /** Marks the caller's notifications read, in bounded steps: {@code more} says to post again. */
    @Post("/read-all")
    public ReadAll markAllRead(Caller caller) {
        Inbox.ReadAll done = inbox.markAllRead(caller);
        return new ReadAll(done.marked(), done.more());
    }

    private static boolean unreadFilter(String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(FieldError.of("unread", "UNKNOWN_VALUE", "true, false"));
    }

    /** Only the recipient can reach a notification: anyone else's id is simply not found. */
    @Post("/{id}/read")
    public HttpResponse<Void> markRead(Caller caller, @PathVariable String id) {
        if (!inbox.markRead(caller, id)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return HttpResponse.noContent();
    }
}
