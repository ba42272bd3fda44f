package com.example.clientmgmt.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar document (RFC 5545) of all-day events: {@code VCALENDAR} with {@code PRODID} and {@code VERSION}, one
 * {@code VEVENT} per event with its stable {@code UID}, {@code DTSTAMP}, {@code DTSTART;VALUE=DATE} and the next day as
 * {@code DTEND}; text escaped (backslash, semicolon, comma, line breaks), every line ended by CRLF and folded so that
 * none exceeds 75 octets of UTF-8 (never inside a character). Calendar parsers are lenient; this writes it strictly.
 */
public final class ICalendar {
    public static final String PRODID = "-//Client management//Bid readiness calendar//FR";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final int MAX_OCTETS = 75;

    /** One all-day event; {@code description} may be null. */
    public record Event(String uid, LocalDate date, String summary, String description) {}

    private ICalendar() {}

    /**
     * The document: {@code name} (the calendar's display name), {@code language} (RFC 5646, for the texts), the events
     * in their order, stamped {@code at} ({@code null}: no DTSTAMP, for comparing two renderings of the same content).
     */
    public static String render(String name, String language, List<Event> events, Instant at) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME;LANGUAGE=" + language + ":" + escape(name));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + escape(e.uid()));
            if (at != null) {
                line(out, "DTSTAMP:" + STAMP.format(at));
            }
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.date()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(e.date().plusDays(1)));
            line(out, "SUMMARY;LANGUAGE=" + language + ":" + escape(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION;LANGUAGE=" + language + ":" + escape(e.description()));
            }
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, any line break as {@code \n}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * RFC 5545 §3.1: a content line longer than 75 octets is split, each continuation starting with one space (which
     * counts in its 75); a split never falls inside a UTF-8 sequence or a surrogate pair.
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
