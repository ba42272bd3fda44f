package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.storage.reminders.ExpiringDocuments;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An admin document as the API shows it, as of a moment (a pending version past its deadline reads as
 * expired): its record, and the file it shows — the newest available version, else the newest one
 * ({@code fileName}… null when it has none). {@code sizeBytes} is the stored size once checked, the
 * declared one before.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record DocumentView(String id, String title, String kind, String issuedOn, String expiresOn, String status, String reminderDate,
                    String reminderNote, Integer leadDays, Integer repeatEveryDays, List<String> alsoNotifyContacts,
                    boolean reminderIsDefault,
                    String reminderResolution, String createdAt, String createdBy, String currentVersionId, int versionCount,
                    String fileName, String contentType, Long sizeBytes, String rejectReason, String checksum, String uploadedAt) {
    /** As of {@code now}, with the reminder it has: its own, else its default one ({@code reminderIsDefault}). */
    static DocumentView of(AdminDocument d, ReminderSchedule schedule, Instant now) {
        FileVersion shown = d.shown().orElse(null);
        Reminder reminder = schedule.effective(d).orElse(null);
        return new DocumentView(d.id(), d.title(), d.kind().name(), text(d.issuedOn()), text(d.expiresOn()), d.statusAt(now).name(),
                reminder == null ? null : text(reminder.date()), reminder == null ? null : reminder.note(),
                reminder == null ? null : reminder.leadDays(), reminder == null ? null : reminder.repeatEveryDays(),
                reminder == null ? List.of() : reminder.contactRoles().stream().map(ContactRole::apiName).toList(),
                reminder != null && d.reminder() == null, text(d.reminderResolution()), d.createdAt().toString(), d.createdBy(),
                d.current().map(FileVersion::id).orElse(null), d.versions().size(),
                shown == null ? null : shown.fileName(), shown == null ? null : shown.contentType(),
                shown == null ? null : shown.size(), shown == null ? null : shown.rejectReason(),
                shown == null ? null : shown.checksum(), shown == null ? null : text(shown.uploadedAt()));
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** One file version. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Version(String id, String fileName, String contentType, long sizeBytes, String status, String rejectReason,
                   String checksum, String uploadedBy, String createdAt, String uploadedAt) {
        static Version of(FileVersion v, Instant now) {
            return new Version(v.id(), v.fileName(), v.contentType(), v.size(), v.statusAt(now).name(), v.rejectReason(),
                    v.checksum(), v.createdBy(), v.createdAt().toString(), text(v.uploadedAt()));
        }
    }

    @Serdeable
    record Versions(List<Version> items) {}

    @Serdeable
    record Upload(String url, String method, Map<String, String> headers, String expiresAt) {
        static Upload of(DocumentFiles.PresignedUpload u) {
            return new Upload(u.url(), u.method(), u.headers(), u.expiresAt().toString());
        }
    }

    /** A declared document: the document, its first version, and how to upload that version's bytes. */
    @Serdeable
    record Declared(DocumentView document, Version version, Upload upload) {}

    /** A new version of a document and how to upload its bytes. */
    @Serdeable
    /** A version just added, its upload, and the document as it now is (its dates, when the renewal brought new ones). */
    record NewVersion(Version version, Upload upload, DocumentView document) {}

    @Serdeable
    record Download(String url, String expiresAt, String versionId) {}

    /** A document of the expiring list, with its project. */
    @Serdeable
    record Expiring(String projectId, String projectName, DocumentView document) {
        static Expiring of(ExpiringDocuments.Expiring e, ReminderSchedule schedule, Instant now) {
            return new Expiring(e.document().projectId(), e.projectName(), DocumentView.of(e.document(), schedule, now));
        }
    }
}
