package com.example.clientmgmt.domain;

import java.util.Locale;
import java.util.Optional;

/** The three client contacts of a project: submission (bid), billing and execution. */
public enum ContactRole {
    SUBMISSION, BILLING, EXECUTION;

    /** The role as the API writes it: {@code submission}, {@code billing}, {@code execution}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContactRole> fromApiName(String text) {
        for (ContactRole role : values()) {
            if (role.apiName().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
