package com.example.clientmgmt.domain;

/** A user's Project-Admin permission on one project: the rows of SPEC's permission matrix. */
public enum Permission {
    NONE, LIMITED, ADMIN;

    /** LIMITED and ADMIN see contacts, admin info and documents. */
    public boolean canRead() {
        return this != NONE;
    }

    /** Only ADMIN changes anything in Client management. */
    public boolean canChange() {
        return this == ADMIN;
    }

    /** The estimated budget is hidden from LIMITED. */
    public boolean seesBudget() {
        return this == ADMIN;
    }
}
