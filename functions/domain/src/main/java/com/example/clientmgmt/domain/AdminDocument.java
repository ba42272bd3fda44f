package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document of a project's "Documents admin" tab (contract, insurance certificate, bond…): a record that
 * is renewed, not re-created. It has a title, a {@link DocumentKind}, optional dates of issue and expiry
 * ({@link DocumentDates}), its own
 * {@link Reminder} (or none: then maybe a default one, see {@link ReminderSchedule#effective}) and whether
 * that was resolved,
 * and its file {@link FileVersion}s, newest first. Downloads serve the newest AVAILABLE version; older ones
 * stay listed and downloadable. The user's file names are data only: each version's bytes live under a key
 * the server generates ({@link #objectKey(String)}).
 */
public record AdminDocument(
        String orgId,
        String projectId,
        String id,
        String title,
        DocumentKind kind,
        LocalDate issuedOn,
        LocalDate expiresOn,
        Reminder reminder,
        Reminder.Resolution reminderResolution,
        Instant createdAt,
        String createdBy,
        List<FileVersion> versions) {
    /** A document holds at most this many versions (its item stays far below DynamoDB's 400 KB). */
    public static final int MAX_VERSIONS = 100;

    /** The refusal of a version beyond {@link #MAX_VERSIONS}. */
    public static ProblemException full() {
        return new ProblemException(ProblemCode.CONFLICT, "TOO_MANY_VERSIONS", List.of(MAX_VERSIONS), List.of());
    }

    public AdminDocument {
        versions = List.copyOf(versions);
    }

    /** A document whose date of issue is not known. */
    public AdminDocument(String orgId, String projectId, String id, String title, DocumentKind kind, LocalDate expiresOn,
                         Reminder reminder, Reminder.Resolution reminderResolution, Instant createdAt, String createdBy,
                         List<FileVersion> versions) {
        this(orgId, projectId, id, title, kind, null, expiresOn, reminder, reminderResolution, createdAt, createdBy, versions);
    }

    public DocumentDates dates() {
        return new DocumentDates(issuedOn, expiresOn);
    }

    /** Where a version's bytes live: organization, project, document and version ids only, never a file name. */
    public String objectKey(String versionId) {
        return DocumentKeys.objectKey(orgId, projectId, id, versionId);
    }

    public Optional<FileVersion> version(String versionId) {
        return versions.stream().filter(v -> v.id().equals(versionId)).findFirst();
    }

    /** The newest AVAILABLE version: what a download serves. */
    public Optional<FileVersion> current() {
        return versions.stream().filter(v -> v.status() == FileVersion.Status.AVAILABLE).findFirst();
    }

    /** See {@link DocumentStatus}. */
    public DocumentStatus statusAt(Instant now) {
        if (current().isPresent()) {
            return DocumentStatus.AVAILABLE;
        }
        for (FileVersion v : versions) {
            switch (v.statusAt(now)) {
                case PENDING_UPLOAD -> {
                    return DocumentStatus.PENDING_UPLOAD;
                }
                case REJECTED -> {
                    return DocumentStatus.REJECTED;
                }
                default -> {
                    // expired: look at the one before
                }
            }
        }
        return DocumentStatus.NO_FILE;
    }

    /** The version the document shows: the newest available one, else the newest one (none: NO_FILE, no version). */
    public Optional<FileVersion> shown() {
        return current().or(() -> versions.stream().findFirst());
    }

    /** The reminder's date, when the document has a reminder of its own. */
    public LocalDate reminderDate() {
        return reminder == null ? null : reminder.date();
    }

    public String reminderNote() {
        return reminder == null ? null : reminder.note();
    }

    /**
     * With new details. Another reminder schedule (date, lead, repeat; or, without a reminder of its own,
     * another expiry date or kind, which move the default one) re-arms it: the resolution is cleared.
     */
    public AdminDocument withDetails(String newTitle, DocumentKind newKind, LocalDate newExpiresOn, Reminder newReminder) {
        return withDetailsAndDates(newTitle, newKind, new DocumentDates(issuedOn, newExpiresOn), newReminder);
    }

    /** The same, with new dates of issue and expiry. */
    public AdminDocument withDetailsAndDates(String newTitle, DocumentKind newKind, DocumentDates newDates, Reminder newReminder) {
        boolean rearmed = !Reminder.sameSchedule(reminder, newReminder)
                || (newReminder == null && (!java.util.Objects.equals(expiresOn, newDates.expiresOn()) || kind != newKind));
        return new AdminDocument(orgId, projectId, id, newTitle, newKind, newDates.issuedOn(), newDates.expiresOn(), newReminder,
                rearmed ? null : reminderResolution, createdAt, createdBy, versions);
    }

    /** With the reminder stopped (resolved by an ADMIN, or renewed by a new version). */
    public AdminDocument resolved(Reminder.Resolution how) {
        return new AdminDocument(orgId, projectId, id, title, kind, issuedOn, expiresOn, reminder, how, createdAt, createdBy, versions);
    }

    /** The id of a version added at {@code now}: it sorts after every version the document has. */
    public String nextVersionId(Instant now) {
        return Ids.newIdAfter(versions.isEmpty() ? null : versions.get(0).id(), now);
    }

    /** With {@code version} added as the newest. */
    public AdminDocument withNewVersion(FileVersion version) {
        List<FileVersion> all = new ArrayList<>(versions.size() + 1);
        all.add(version);
        all.addAll(versions);
        return new AdminDocument(orgId, projectId, id, title, kind, issuedOn, expiresOn, reminder, reminderResolution, createdAt,
                createdBy, all);
    }
}
