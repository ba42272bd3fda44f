package com.example.clientmgmt.domain;

/** Where an admin document is in its life: declared and awaiting its upload, checked and usable, or refused. */
public enum DocumentStatus {
    PENDING_UPLOAD, AVAILABLE, REJECTED
}
