package com.example.clientmgmt.domain;

import java.util.regex.Pattern;

/** Text rules shared by the domain, the API and the storage keys: what a text may hold; cutting never splits a character. */
public final class Texts {
    /**
     * Control characters (but tab), and the invisible direction controls that can make a file name read as
     * another (U+202E "report\u202Efdp.exe"): refused in every text.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]|[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private Texts() {}

    /**
     * Why {@code text} is not acceptable as a user's text, or null when it is: {@code NOT_UNICODE} (a lone surrogate,
     * or U+FFFD, what invalid UTF-8 decodes to), {@code CONTROL_CHARACTERS}.
     */
    public static String problemOf(String text) {
        if (!isWellFormed(text) || text.indexOf('\uFFFD') >= 0) {
            return "NOT_UNICODE";
        }
        return CONTROL.matcher(text).find() ? "CONTROL_CHARACTERS" : null;
    }

    /**
     * At most {@code max} UTF-16 units of {@code text}, never ending in the middle of a surrogate pair (an emoji,
     * a mathematical letter…): a key or index entry cut there would hold half a character, which is not text.
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** True when every surrogate is half of a pair (a JSON {@code "\ud800"} escape is not text). */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
