package com.example.clientmgmt.domain;

import java.util.Locale;

/**
 * What the product knows of a user to reach them: e-mail address, name and locale as their ID token last
 * said ({@code email}, {@code name}, {@code locale} claims), and their own preferences: whether they get
 * reminder e-mails (yes unless they turned them off) and the language they chose (else their token's locale,
 * else their organization's language).
 */
public record UserProfile(String orgId, String userId, String email, boolean emailVerified, String name, String locale,
                          boolean emailReminders, String language) {
    /** A user the product has never seen: no address, e-mails on, no language of their own. */
    public static UserProfile unknown(String orgId, String userId) {
        return new UserProfile(orgId, userId, null, false, null, null, true, null);
    }

    /** The language to write to this user in: theirs, else their token's locale, else the organization's. */
    public String languageOr(String organizationLanguage) {
        if (language != null) {
            return language;
        }
        String fromLocale = languageOf(locale);
        return fromLocale != null ? fromLocale : organizationLanguage == null ? Organization.DEFAULT_LANGUAGE : organizationLanguage;
    }

    /**
     * Whether a reminder e-mail goes to this user: they have an address their token says is verified
     * ({@code email_verified}), and did not turn e-mails off. An unverified address is never mailed: the company's
     * sending identity is no relay to whatever a user typed.
     */
    public boolean mayBeMailed() {
        return emailReminders && email != null && !email.isBlank() && emailVerified;
    }

    /** fr, fr-CA, fr_FR… → fr-CA; en, en-US… → en; anything else: none. */
    public static String languageOf(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        String primary = locale.strip().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "fr" -> "fr-CA";
            case "en" -> "en";
            default -> null;
        };
    }
}
