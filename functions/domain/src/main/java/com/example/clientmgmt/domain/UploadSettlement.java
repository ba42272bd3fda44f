package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Settling one uploaded file version from what S3 holds, decided as a value: AVAILABLE when the object is what was
 * declared, else REJECTED and why ({@link UploadPolicy}); and whether an AVAILABLE version may renew its document —
 * when the document's reminder is armed, the new file may be the renewal it asked for. Whether it is one is known only
 * when the write lands (an occurrence of the reminder has fired, and it is not resolved meanwhile: the renewal's
 * preconditions, which storage holds the write to), so a version that comes before the first occurrence renews nothing.
 */
public record UploadSettlement(String versionId, FileVersion.Status outcome, String rejection, Reminder renewable) {
    /** The renewal: the reminder stopped as RENEWED and the project's ADMIN members told, now. */
    public record Renewal(String organizationName, String projectName, List<String> recipients, Reminder reminder) {
        public Renewal {
            recipients = List.copyOf(recipients);
        }

        /** Its history entry: the document's reminder, from ACTIVE to RENEWED. */
        public FieldChange historyLine(AdminDocument document) {
            return DocumentEdit.reminderStopped(document, Reminder.Resolution.RENEWED);
        }

        /** What each recipient is told (notification {@code id}, the same for all: one per recipient's list). */
        public Notification notification(AdminDocument document, String id, Instant at) {
            return new Notification(id, Notification.DOCUMENT_RENEWED, organizationName, document.projectId(), projectName,
                    document.id(), document.title(), document.kind(), reminder.date(), reminder.note(), null, at, false);
        }
    }

    /** The history entry of a version leaving PENDING_UPLOAD for {@code outcome}. */
    public static FieldChange statusLine(AdminDocument document, String versionId, FileVersion.Status outcome) {
        return new FieldChange(DocumentEdit.versionField(document, versionId) + ".status",
                FileVersion.Status.PENDING_UPLOAD.name(), outcome.name());
    }

    public static UploadSettlement of(UploadPolicy policy, ReminderSchedule schedule, AdminDocument document, FileVersion version,
                                      long size, String contentType) {
        String rejection = policy.rejectionOf(version, size, contentType);
        if (rejection != null) {
            return new UploadSettlement(version.id(), FileVersion.Status.REJECTED, rejection, null);
        }
        return new UploadSettlement(version.id(), FileVersion.Status.AVAILABLE, null,
                schedule.isArmed(document) ? schedule.effective(document).orElseThrow() : null);
    }

    /** Whether it may renew the document: then its project and organization are read for {@link #renewal}. */
    public boolean mayRenew() {
        return renewable != null;
    }

    /** The renewal this settlement would be, told to {@code project}'s ADMIN members; empty when it may renew nothing. */
    public Optional<Renewal> renewal(Project project, String organizationName) {
        if (renewable == null || project == null) {
            return Optional.empty();
        }
        return Optional.of(new Renewal(organizationName, project.name(), ProjectAccess.admins(project), renewable));
    }
}
