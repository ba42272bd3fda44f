package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a document's file may be, when declared and when S3 has it: the declared type and size exactly, within limits. */
class UploadPolicyTest {
    static final UploadPolicy POLICY = UploadPolicy.of(1000, "application/pdf, Image/PNG");

    static FileVersion declared(String type, long size) {
        return new FileVersion("V", "f", type, size, FileVersion.Status.PENDING_UPLOAD, null, null, null, null, Instant.EPOCH, "u", null, null);
    }

    @Test
    void aDeclarationNeedsAnAllowedTypeAndASizeFromOneByteToTheLimit() {
        assertEquals(List.of(), POLICY.checkDeclared("application/pdf", 1000));
        assertEquals(List.of(), POLICY.checkDeclared(" IMAGE/png ", 1), "types compare trimmed, in lower case");
        assertEquals(List.of(FieldError.of("contentType", "TYPE_NOT_ALLOWED", "application/pdf, image/png"), FieldError.of("sizeBytes", "EMPTY_FILE")),
                POLICY.checkDeclared("text/html", 0));
        assertEquals(List.of(FieldError.of("sizeBytes", "FILE_TOO_LARGE", 1000L)), POLICY.checkDeclared("application/pdf", 1001));
    }

    @Test
    void theObjectS3HoldsMustBeWhatWasDeclared() {
        assertNull(POLICY.rejectionOf(declared("application/pdf", 10), 10, "Application/PDF"));
        assertEquals("SIZE_MISMATCH", POLICY.rejectionOf(declared("application/pdf", 10), 11, "application/pdf"));
        assertEquals("TYPE_MISMATCH", POLICY.rejectionOf(declared("application/pdf", 10), 10, "image/png"));
        assertEquals("NOT_ALLOWED", POLICY.rejectionOf(declared("text/html", 10), 10, "text/html"), "declared before the policy changed");
    }

    @Test
    void withoutConfigurationTheDefaultsAllowOfficeFilesImagesPdfAndMail() {
        Set<String> types = UploadPolicy.of(UploadPolicy.DEFAULT_MAX_BYTES, " ").allowedContentTypes();
        assertTrue(types.containsAll(Set.of("application/pdf", "image/jpeg", "text/csv", "message/rfc822",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        assertEquals(15, types.size());
    }
}
