package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.files.DocumentFiles;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** An admin document as the API shows it; {@code sizeBytes} is the stored size once AVAILABLE, the declared one before. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record DocumentView(String id, String title, String fileName, String contentType, long sizeBytes, String status,
                    String rejectReason, String reminderDate, String reminderNote, String checksum,
                    String createdAt, String createdBy, String uploadedAt) {
    static DocumentView of(AdminDocument d) {
        return new DocumentView(d.id(), d.title(), d.fileName(), d.contentType(),
                d.sizeBytes() != null ? d.sizeBytes() : d.declaredSize(), d.status().name(), d.rejectReason(),
                d.reminderDate() == null ? null : d.reminderDate().toString(), d.reminderNote(), d.checksum(),
                d.createdAt().toString(), d.createdBy(), d.uploadedAt() == null ? null : d.uploadedAt().toString());
    }

    @Serdeable
    record Upload(String url, String method, Map<String, String> headers, String expiresAt) {
        static Upload of(DocumentFiles.PresignedUpload u) {
            return new Upload(u.url(), u.method(), u.headers(), u.expiresAt().toString());
        }
    }

    @Serdeable
    record Declared(DocumentView document, Upload upload) {}

    @Serdeable
    record Download(String url, String expiresAt) {}
}
