package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A document of a project's "Documents admin" tab (contract, insurance certificate, bond…). The user's
 * file name is data only; the object lives under a key the server generates ({@link #objectKey()}).
 * {@code versionId} pins the object version that was checked, so downloads always give that one.
 */
public record AdminDocument(
        String orgId,
        String projectId,
        String id,
        String title,
        String fileName,
        String contentType,
        long declaredSize,
        DocumentStatus status,
        Long sizeBytes,
        String checksum,
        String versionId,
        String rejectReason,
        LocalDate reminderDate,
        String reminderNote,
        Instant createdAt,
        String createdBy,
        Instant uploadedAt) {

    /** Where the bytes live: organization, project and document ids only, never the file name. */
    public String objectKey() {
        return DocumentKeys.objectKey(orgId, projectId, id);
    }

    public AdminDocument withDetails(String newTitle, LocalDate newReminderDate, String newReminderNote) {
        return new AdminDocument(orgId, projectId, id, newTitle, fileName, contentType, declaredSize, status, sizeBytes,
                checksum, versionId, rejectReason, newReminderDate, newReminderNote, createdAt, createdBy, uploadedAt);
    }
}
