package com.example.clientmgmt.domain;

import java.time.Instant;

/**
 * One file of an admin document: what the user declared (file name, type, size), what the upload check
 * found ({@code status}, size, checksum, the pinned S3 {@code objectVersion}), who added it and when. A
 * version awaits its upload until {@code pendingUntil} (the upload URL's expiry and a grace period); past
 * that, unless the upload arrived, it is EXPIRED, whatever the store still says: TTL and the reconciliation
 * lag, reads do not.
 */
public record FileVersion(
        String id,
        String fileName,
        String contentType,
        long declaredSize,
        Status status,
        Long sizeBytes,
        String checksum,
        String objectVersion,
        String rejectReason,
        Instant createdAt,
        String createdBy,
        Instant uploadedAt,
        Instant pendingUntil) {

    public enum Status { PENDING_UPLOAD, AVAILABLE, REJECTED, EXPIRED }

    /** A version just declared: awaiting its upload until {@code pendingUntil}. */
    public static FileVersion declared(String id, String fileName, String contentType, long declaredSize,
                                       Instant at, String by, Instant pendingUntil) {
        return new FileVersion(id, fileName, contentType, declaredSize, Status.PENDING_UPLOAD, null, null, null, null,
                at, by, null, pendingUntil);
    }

    /** The status as of {@code now}: a pending version past {@code pendingUntil} has expired. */
    public Status statusAt(Instant now) {
        if (status == Status.PENDING_UPLOAD && pendingUntil != null && !now.isBefore(pendingUntil)) {
            return Status.EXPIRED;
        }
        return status;
    }

    /** The stored size once checked, the declared one before. */
    public long size() {
        return sizeBytes != null ? sizeBytes : declaredSize;
    }
}
