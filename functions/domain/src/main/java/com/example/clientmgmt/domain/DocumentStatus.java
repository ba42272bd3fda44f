package com.example.clientmgmt.domain;

/**
 * Where an admin document is, from its file versions: AVAILABLE when any version is; otherwise
 * PENDING_UPLOAD while its newest live version awaits its upload, REJECTED when that version was refused,
 * and NO_FILE when every version it had expired without an upload.
 */
public enum DocumentStatus {
    PENDING_UPLOAD, AVAILABLE, REJECTED, NO_FILE
}
