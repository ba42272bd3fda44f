package com.example.clientmgmt.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret of a user's calendar feed URL: 256 random bits, base64url (43 characters). It is the feed's only
 * credential (calendar applications send no bearer token), so only its SHA-256 is stored: a copy of the table does not
 * open anyone's feed. A new one replaces the old (rotation), which then names nothing.
 */
public final class CalendarSecret {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CalendarSecret() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} could be a secret we generated (anything else names no feed, without a lookup). */
    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    /** What is stored of it. */
    public static String hash(String secret) {
        return Sha256.hex(secret); // a base64url secret is ASCII: its UTF-8 bytes are its ASCII bytes
    }
}
