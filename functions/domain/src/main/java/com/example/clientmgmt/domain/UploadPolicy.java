package com.example.clientmgmt.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an admin document may be: an allowed content type and at most {@code maxBytes}. Checked when the
 * upload is declared, and again on the object S3 received, which must be exactly what was declared.
 */
public record UploadPolicy(long maxBytes, Set<String> allowedContentTypes) {
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    /** PDF, images, Word/Excel (old and new), plain text and CSV, e-mail files. */
    public static final Set<String> DEFAULT_TYPES = Set.of(
            "application/pdf",
            "image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/heic",
            "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/plain", "text/csv",
            "message/rfc822", "application/vnd.ms-outlook");

    public UploadPolicy {
        allowedContentTypes = allowedContentTypes.stream().map(UploadPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Configuration text: comma-separated types, blank for the defaults. */
    public static UploadPolicy of(long maxBytes, String types) {
        Set<String> allowed = types == null || types.isBlank() ? DEFAULT_TYPES
                : Set.of(types.split("\\s*,\\s*"));
        return new UploadPolicy(maxBytes, allowed);
    }

    public static String normalize(String contentType) {
        return contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
    }

    /** Field errors of a declared upload (empty when it is acceptable). */
    public List<FieldError> checkDeclared(String contentType, long sizeBytes) {
        List<FieldError> errors = new ArrayList<>();
        if (!allowedContentTypes.contains(normalize(contentType))) {
            errors.add(FieldError.of("contentType", "TYPE_NOT_ALLOWED", String.join(", ", allowedContentTypes.stream().sorted().toList())));
        }
        if (sizeBytes < 1) {
            errors.add(FieldError.of("sizeBytes", "EMPTY_FILE"));
        } else if (sizeBytes > maxBytes) {
            errors.add(FieldError.of("sizeBytes", "FILE_TOO_LARGE", maxBytes));
        }
        return errors;
    }

    /**
     * Why the object S3 holds does not match the declaration, or null when it does: same size, same
     * type, within limits.
     */
    public String rejectionOf(FileVersion declared, long actualSize, String actualContentType) {
        if (actualSize != declared.declaredSize()) {
            return "SIZE_MISMATCH";
        }
        if (!normalize(actualContentType).equals(normalize(declared.contentType()))) {
            return "TYPE_MISMATCH";
        }
        if (actualSize > maxBytes || !allowedContentTypes.contains(normalize(actualContentType))) {
            return "NOT_ALLOWED";
        }
        return null;
    }
}
