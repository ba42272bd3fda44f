package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.platform.Primer;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/**
 * Primes the presigner of the documents function: one upload and one download URL signed for a document
 * that does not exist (signing is computation: no request leaves the function).
 */
@Singleton
public class PresignPrimer implements Primer {
    private final DocumentFiles files;

    public PresignPrimer(DocumentFiles files) {
        this.files = files;
    }

    @Override
    public String prime() {
        String unknown = "00000000000000000000000000";
        FileVersion version = new FileVersion(unknown, "priming.pdf", "application/pdf", 1, FileVersion.Status.AVAILABLE, 1L,
                null, null, null, Instant.EPOCH, "priming", Instant.EPOCH, null);
        AdminDocument document = new AdminDocument("snapstart-priming", unknown, unknown, "priming", DocumentKind.OTHER, null,
                null, null, Instant.EPOCH, "priming", List.of(version));
        files.presignUpload(document, version);
        files.presignDownload(document, version);
        return "presigned an upload and a download";
    }
}
