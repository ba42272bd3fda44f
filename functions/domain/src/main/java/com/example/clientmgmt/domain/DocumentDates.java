package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A document's dates: when it was issued and when it expires (either may be unknown). Rules, whatever the kind: a
 * document is not issued in the future, nor does it expire before it was issued. A Revenu Québec attestation's
 * expiry is computed from its date of issue ({@link RevenuQuebecAttestation#validThrough}), which it must therefore
 * have; its expiry is never sent.
 */
public record DocumentDates(LocalDate issuedOn, LocalDate expiresOn) {
    public static final DocumentDates NONE = new DocumentDates(null, null);

    /**
     * The dates after a declaration ({@code before} {@link #NONE}) or an edit: {@code issuedOn} and {@code expiresOn} as
     * sent (kept when absent) for a document of {@code kind}, {@code today} in the organization's time zone. Every broken
     * rule is a field error of one 400.
     */
    public static DocumentDates apply(DocumentKind kind, Change<LocalDate> issuedOn, Change<LocalDate> expiresOn,
                                      DocumentDates before, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate issued = issuedOn.applyTo(before.issuedOn());
        if (issued != null && issued.isAfter(today)) {
            errors.add(FieldError.of("issuedOn", "ISSUED_IN_THE_FUTURE", today.toString()));
        }
        LocalDate expires;
        if (kind == DocumentKind.REVENU_QUEBEC_ATTESTATION) {
            if (!(expiresOn instanceof Change.Keep)) {
                errors.add(FieldError.of("expiresOn", "EXPIRY_COMPUTED"));
            }
            if (issued == null) {
                errors.add(FieldError.of("issuedOn", "ISSUE_DATE_REQUIRED"));
            }
            expires = issued == null ? null : RevenuQuebecAttestation.validThrough(issued);
        } else {
            expires = expiresOn.applyTo(before.expiresOn());
            if (issued != null && expires != null && expires.isBefore(issued)) {
                errors.add(FieldError.of("expiresOn", "EXPIRES_BEFORE_ISSUE", issued.toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new DocumentDates(issued, expires);
    }
}
