package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.OrganizationClaims;
import com.example.clientmgmt.storage.organization.ProfileStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what a caller's ID token says about how to reach them ({@code email}, {@code name},
 * {@code locale}), so that the mailer can write to them: one write when it differs from what this function
 * instance last saw for that user, none otherwise (and none for a token that says none of them) (a copy per instance, not a read per request). A write
 * that fails is logged and retried on the user's next request; it never fails the request.
 */
@Singleton
public class ProfileRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileRecorder.class);
    /** An instance serves a few hundred users at most; past this, it forgets them all (each writes once more). */
    static final int MAX_REMEMBERED = 10_000;

    private record Seen(String email, boolean emailVerified, String name, String locale) {}
    /** The ID-token claim saying the user proved they own {@code email} (API Gateway passes it as text). */
    static final String EMAIL_VERIFIED = "email_verified";

    private final ProfileStore profiles;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public ProfileRecorder(ProfileStore profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Called with each request's caller and verified claims. */
    public void seen(Caller caller, Map<String, String> claims) {
        Seen now = new Seen(text(claims.get(OrganizationClaims.EMAIL), 254), "true".equalsIgnoreCase(claims.get(EMAIL_VERIFIED)),
                text(claims.get(OrganizationClaims.NAME), 200), text(claims.get(OrganizationClaims.LOCALE), 35));
        String user = caller.orgId() + "\n" + caller.userId();
        if (now.email() == null && now.name() == null && now.locale() == null || Objects.equals(seen.get(user), now)) {
            return;
        }
        try {
            profiles.remember(caller.orgId(), caller.userId(), now.email(), now.emailVerified(), now.name(), now.locale(), clock.instant());
            if (seen.size() >= MAX_REMEMBERED) {
                seen.clear();
            }
            seen.put(user, now);
        } catch (RuntimeException e) {
            LOG.warn("could not remember the profile of {}: {}", caller.userId(), e.toString());
        }
    }

    /** A claim as stored: trimmed, at most {@code max} characters, none when blank. */
    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return com.example.clientmgmt.domain.Texts.cut(value.strip(), max);
    }
}
