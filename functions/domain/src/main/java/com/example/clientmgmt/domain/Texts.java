package com.example.clientmgmt.domain;

/** Text rules shared by the domain and the storage keys: cutting never splits a character. */
public final class Texts {
    private Texts() {}

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
