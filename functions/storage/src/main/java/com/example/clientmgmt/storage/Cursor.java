package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * The opaque page cursor of every list: the sort-key position to continue after, base64url-encoded.
 * Only the position travels; the partition comes from the caller's own request, so a forged cursor
 * can at worst skip within the caller's own data. A cursor that is not ours is a 400.
 */
public final class Cursor {
    private Cursor() {}

    public static String encode(String position) {
        return position == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position inside {@code raw}, or null when there is no cursor; {@code valid} vets its shape. */
    public static String decode(String raw, Predicate<String> valid) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            if (raw.length() <= 1024 && valid.test(position)) {
                return position;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a well-formed but foreign cursor
        }
        throw bad();
    }

    /** The 400 of a cursor that is not ours, or not of this query (outside its key range: {@link SortKeyRange}). */
    static ProblemException bad() {
        return ProblemException.invalid(FieldError.of("cursor", "BAD_CURSOR"));
    }
}
