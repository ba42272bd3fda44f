package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settling one uploaded file version from what S3 holds, decided as a value: AVAILABLE when the object is what was
 * declared, else REJECTED and why ({@link UploadPolicy}); and whether an AVAILABLE version may renew its document —
 * when the document's reminder is armed, the new file may be the renewal it asked for. Whether it is one is known only
 * when the write lands (an occurrence of the reminder has fired, and it is not resolved meanwhile: the renewal's
 * preconditions, which storage holds the write to), so a version that comes before the first occurrence renews nothing.
 * Where it lands depends on its project as it is then ({@link Landing}): a version declared while the project was open
 * is kept when the upload finishes after it closed, but it renews nothing and tells no one — no action may be added to
 * a closed project — and the history says so.
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

    /**
     * How an AVAILABLE version lands on its project: on an open one, with the {@code renewal} it may be; on a closed one
     * ({@code projectClosed}), kept, renewing nothing, with a history line saying so. Storage holds the write to the
     * project's state as this landing saw it, so a project closed or reopened meanwhile makes the write ask again.
     */
    public record Landing(boolean projectClosed, Optional<Renewal> renewal) {
        /** On an open project (or one that is gone), renewing nothing. */
        public static final Landing OPEN = new Landing(false, Optional.empty());
        /** On a closed project: kept, renewing nothing. */
        public static final Landing CLOSED = new Landing(true, Optional.empty());

        public Landing {
            if (projectClosed && renewal.isPresent()) {
                throw new IllegalArgumentException("a closed project renews nothing");
            }
        }

        /** The history lines after the status line: on a closed project, that the file was kept there. */
        public List<FieldChange> historyLines(AdminDocument document, String versionId) {
            return projectClosed ? List.of(keptOnClosedProject(document, versionId)) : List.of();
        }
    }

    /** The history line of a version that became AVAILABLE on a closed project: kept, renewing nothing. */
    public static FieldChange keptOnClosedProject(AdminDocument document, String versionId) {
        return new FieldChange(DocumentEdit.versionField(document, versionId) + ".keptOnClosedProject", null, true);
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
        if (renewable == null || project == null || project.state().isClosed()) {
            return Optional.empty();
        }
        return Optional.of(new Renewal(organizationName, project.name(), ProjectAccess.admins(project), renewable));
    }

    /**
     * Where this AVAILABLE settlement lands on {@code project} as it is now (null: gone, nobody to tell):
     * {@link Landing#CLOSED} on a closed project, else with its {@link #renewal}; {@code organizationName} is asked for
     * only when there is one.
     */
    public Landing landing(Project project, Supplier<String> organizationName) {
        if (project != null && project.state().isClosed()) {
            return Landing.CLOSED;
        }
        return new Landing(false, renewable == null || project == null ? Optional.empty() : renewal(project, organizationName.get()));
    }
}
