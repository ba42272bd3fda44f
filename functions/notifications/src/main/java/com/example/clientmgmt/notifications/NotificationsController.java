package com.example.clientmgmt.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.storage.NotificationStore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;


/** {@code /notifications}: the caller's own in-app notifications, newest first. */
@Controller("/notifications")
public class NotificationsController {
    private final NotificationStore notifications;

    public NotificationsController(NotificationStore notifications) {
        this.notifications = notifications;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record View(String id, String type, String projectId, String projectName, String documentId, String title,
                String reminderDate, String reminderNote, String createdAt, boolean read) {
        static View of(Notification n) {
            return new View(n.id(), n.type(), n.projectId(), n.projectName(), n.documentId(), n.title(),
                    n.reminderDate() == null ? null : n.reminderDate().toString(), n.reminderNote(), n.createdAt().toString(), n.read());
        }
    }

    @Get
    public PageView<View> list(Caller caller, @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        return PageView.of(notifications.page(caller, cursor, Paging.limit(limit)), View::of);
    }

    /** Only the recipient can reach a notification: anyone else's id is simply not found. */
    @Post("/{id}/read")
    public HttpResponse<Void> markRead(Caller caller, @PathVariable String id) {
        if (!notifications.markRead(caller, id)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return HttpResponse.noContent();
    }
}
