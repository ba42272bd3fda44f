package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An in-app notification of one user: today, a document reminder that fired. */
public record Notification(String id, String type, String projectId, String projectName, String documentId, String title,
                           LocalDate reminderDate, String reminderNote, Instant createdAt, boolean read) {
    public static final String DOCUMENT_REMINDER = "DOCUMENT_REMINDER";
}
