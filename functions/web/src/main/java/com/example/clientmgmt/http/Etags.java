package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;

/** Versions as HTTP entity tags ({@code "3"}), and the If-Match check of conditional writes. */
public final class Etags {
    private Etags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Throws 412 VERSION_MISMATCH when If-Match is present and names another version. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.equals(Long.toString(current))) {
                return;
            }
        }
        throw new ProblemException(ProblemCode.VERSION_MISMATCH, "VERSION_MISMATCH", java.util.List.of(current), java.util.List.of());
    }
}
