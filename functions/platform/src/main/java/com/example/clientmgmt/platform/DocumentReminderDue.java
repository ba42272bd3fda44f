package com.example.clientmgmt.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The {@code DocumentReminderDue} event of the application bus: one occurrence of a document reminder that
 * fired. The reminder function publishes it; the mailer (an EventBridge rule on source and detail-type) and
 * any other consumer read it. {@code occurrence} is the day it fell on; {@code idempotencyKey} is the same for
 * every publication of one occurrence; {@code recipients} are the project's ADMINs (user ids);
 * {@code contactRoles} the client-contact roles the document's reminder also notifies (none by default).
 */
@Serdeable
public record DocumentReminderDue(String organizationId, String organizationName, String defaultLanguage, String projectId,
                                  String projectName, String documentId, String title, String kind, String reminderDate,
                                  @Nullable String reminderNote, String occurrence, List<String> recipients,
                                  @Nullable List<String> contactRoles, String idempotencyKey) {
    public static final String SOURCE = "clientmgmt.reminders";
    public static final String DETAIL_TYPE = "DocumentReminderDue";

    /** The event as an EventBridge rule target receives it: the envelope around the detail. */
    @Serdeable
    public record Envelope(@Nullable String id, @Nullable @JsonProperty("detail-type") String detailType, @Nullable String source,
                           @Nullable String time, @Nullable DocumentReminderDue detail) {}
}
