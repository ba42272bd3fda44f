package com.example.clientmgmt.storage.organization;

import com.example.clientmgmt.domain.UserProfile;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * A user's profile (partition {@link Keys#userPk}, sort key {@link Keys#PROFILE}): e-mail, name and locale
 * as their ID token last said, and their preferences ({@code emailReminders}, {@code language}); each part
 * written on its own, so remembering what a token says never undoes a preference.
 */
public final class ProfileItem {
    static final String EMAIL = "email";
    /** Whether the token that gave {@link #EMAIL} said it is verified; absent (profiles older than it): not verified. */
    static final String EMAIL_VERIFIED = "emailVerified";
    static final String NAME = "name";
    static final String LOCALE = "locale";
    static final String EMAIL_REMINDERS = "emailReminders";
    static final String LANGUAGE = "language";

    private ProfileItem() {}

    static Map<String, AttributeValue> key(String orgId, String userId) {
        return Keys.key(Keys.userPk(orgId, userId), Keys.PROFILE);
    }

    static UserProfile toProfile(String orgId, String userId, Map<String, AttributeValue> i) {
        if (i == null || i.isEmpty()) {
            return UserProfile.unknown(orgId, userId);
        }
        AttributeValue reminders = i.get(EMAIL_REMINDERS);
        AttributeValue verified = i.get(EMAIL_VERIFIED);
        return new UserProfile(orgId, userId, Attrs.str(i, EMAIL), verified != null && Boolean.TRUE.equals(verified.bool()),
                Attrs.str(i, NAME), Attrs.str(i, LOCALE),
                reminders == null || reminders.bool() == null || reminders.bool(), Attrs.str(i, LANGUAGE));
    }
}
