package com.example.clientmgmt.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text in English or Canadian French, picked from {@code Accept-Language}
 * ({@code messages.properties}, {@code messages_fr.properties}).
 */
public final class Messages {
    private static final Locale FRENCH = Locale.CANADA_FRENCH;
    private static final List<Locale> SUPPORTED = List.of(FRENCH, Locale.ENGLISH);

    private Messages() {}

    public static Locale localeOf(HttpRequest<?> request) {
        String header = request == null ? null : request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String lang = range.getRange().toLowerCase(Locale.ROOT);
                if (lang.startsWith("fr")) {
                    return FRENCH;
                }
                if (lang.startsWith("en") || lang.equals("*")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header gets the default language, never an error
        }
        return Locale.ENGLISH;
    }

    public static String text(Locale locale, String key, List<Object> args) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale.getLanguage().equals("fr") ? FRENCH : Locale.ROOT);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(args.stream().map(String::valueOf).toArray());
    }

    static List<Locale> supported() {
        return SUPPORTED;
    }
}
