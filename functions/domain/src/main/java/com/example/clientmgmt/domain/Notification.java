package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An in-app notification of one user: an occurrence of a document reminder that fired
 * ({@link #DOCUMENT_REMINDER}: {@code occurrence} is its day), a reminder stopped because a renewed
 * version of the document arrived ({@link #DOCUMENT_RENEWED}), or a requirement of the project at risk
 * ({@link #REQUIREMENT_AT_RISK}: {@code requirementId}, its label as {@code title} (none: its kind's name),
 * {@code reminderDate} the day it is needed by, {@code occurrence} the day it was found at risk; no document).
 * It names the organization, the project and the document or requirement with its kind, so it reads on its own.
 */
public record Notification(String id, String type, String organizationName, String projectId, String projectName,
                           String documentId, String title, DocumentKind kind, LocalDate reminderDate, String reminderNote,
                           LocalDate occurrence, Instant createdAt, boolean read, String requirementId) {
    public static final String DOCUMENT_REMINDER = "DOCUMENT_REMINDER";
    public static final String DOCUMENT_RENEWED = "DOCUMENT_RENEWED";
    public static final String REQUIREMENT_AT_RISK = "REQUIREMENT_AT_RISK";

    /** A notification about a document (no requirement). */
    public Notification(String id, String type, String organizationName, String projectId, String projectName, String documentId,
                        String title, DocumentKind kind, LocalDate reminderDate, String reminderNote, LocalDate occurrence,
                        Instant createdAt, boolean read) {
        this(id, type, organizationName, projectId, projectName, documentId, title, kind, reminderDate, reminderNote, occurrence,
                createdAt, read, null);
    }
}
