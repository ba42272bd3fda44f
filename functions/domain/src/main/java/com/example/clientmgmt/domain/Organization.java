package com.example.clientmgmt.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An organization's settings: its name as people read it, the time zone its reminders fire in (07:00
 * there), and the language of what it sends when a person's own is not known. An organization that never
 * saved its settings has the defaults: its id as name, the configured time zone, Canadian French.
 */
public record Organization(String id, String name, ZoneId timeZone, String defaultLanguage) {
    public static final Set<String> LANGUAGES = Set.of("fr-CA", "en");
    public static final String DEFAULT_LANGUAGE = "fr-CA";
    public static final int MAX_NAME = 200;
    private static final Pattern REGION = Pattern.compile("[A-Za-z]+(?:/[A-Za-z0-9_+\\-]+)+|UTC");

    public static Organization defaults(String id, ZoneId zone) {
        return new Organization(id, id, zone, DEFAULT_LANGUAGE);
    }

    /** Only an organization admin changes its organization's settings. */
    public static void requireMayChange(Caller caller) {
        if (!caller.orgAdmin()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    /** What is wrong with a time zone and a language, field by field (empty when they are fine). */
    public static List<FieldError> check(String timeZone, String language) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (timeZone != null && zone(timeZone) == null) {
            errors.add(FieldError.of("timeZone", "UNKNOWN_TIME_ZONE"));
        }
        if (language != null && !LANGUAGES.contains(language)) {
            errors.add(FieldError.of("defaultLanguage", "UNKNOWN_VALUE", "fr-CA, en"));
        }
        return errors;
    }

    /** A region time zone (America/Toronto…), never a bare offset: offsets do not follow daylight saving time. */
    public static ZoneId zone(String text) {
        if (text == null || !REGION.matcher(text).matches() || !ZoneId.getAvailableZoneIds().contains(text) && !text.equals("UTC")) {
            return null;
        }
        return ZoneId.of(text);
    }
}
