package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An in-app notification of one user: an occurrence of a document reminder that fired
 * ({@link #DOCUMENT_REMINDER}: {@code occurrence} is its day), or a reminder stopped because a renewed
 * version of the document arrived ({@link #DOCUMENT_RENEWED}). It names the organization, the project and
 * the document with its kind, so it reads on its own.
 */
public record Notification(String id, String type, String organizationName, String projectId, String projectName,
                           String documentId, String title, DocumentKind kind, LocalDate reminderDate, String reminderNote,
                           LocalDate occurrence, Instant createdAt, boolean read) {
    public static final String DOCUMENT_REMINDER = "DOCUMENT_REMINDER";
    public static final String DOCUMENT_RENEWED = "DOCUMENT_RENEWED";
}
