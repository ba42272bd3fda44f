package com.example.clientmgmt.domain;

/**
 * A person's licence in the organization's directory. FREE is the free licence without permissions: it
 * lets a client be recorded as a contact without giving them access to the platform.
 */
public enum Licence {
    NONE, FREE, STANDARD;

    /** Only a licensed person can be chosen as a client contact. */
    public boolean allowsClientContact() {
        return this != NONE;
    }

    /** STANDARD is paid: only organization admins give or take it. */
    public boolean isPaid() {
        return this == STANDARD;
    }
}
