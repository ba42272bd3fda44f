package com.example.clientmgmt.mailer;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * One e-mail as the raw MIME message SES sends: {@code multipart/alternative} with a plain-text and an HTML
 * part, both UTF-8 in base64, and the headers encoded as RFC 2047 words where they are not ASCII. Written
 * here rather than with a mail library: these ~60 lines are all the product needs of MIME.
 */
final class MimeMail {
    private MimeMail() {}

    static byte[] of(String fromName, String fromAddress, String toName, String toAddress, MailTexts.Mail mail, ZonedDateTime at) {
        String boundary = "=_" + UUID.randomUUID();
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(address(fromName, fromAddress)).append("\r\n");
        m.append("To: ").append(address(toName, toAddress)).append("\r\n");
        m.append("Subject: ").append(word(mail.subject())).append("\r\n");
        m.append("Date: ").append(at.format(DateTimeFormatter.RFC_1123_DATE_TIME)).append("\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Auto-Submitted: auto-generated\r\n");
        m.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
        part(m, boundary, "text/plain", mail.text());
        part(m, boundary, "text/html", mail.html());
        m.append("--").append(boundary).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void part(StringBuilder m, String boundary, String type, String body) {
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: ").append(type).append("; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        m.append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        m.append("\r\n");
    }

    /** {@code "Name" <address>}, the name encoded when it is not plain ASCII; the address alone without a name. */
    static String address(String name, String address) {
        if (name == null || name.isBlank()) {
            return "<" + address + ">";
        }
        return word(name.replace("\r", " ").replace("\n", " ")) + " <" + address + ">";
    }

    /** A header text: as is when printable ASCII, else RFC 2047 base64 words of whole characters (each ≤ 75 chars). */
    static String word(String text) {
        String clean = text.replace("\r", " ").replace("\n", " ");
        if (clean.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && clean.length() < 900) {
            return clean.contains("\"") || clean.contains(",") ? "\"" + clean.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : clean;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < clean.length()) {
            int end = i;
            int bytes = 0;
            while (end < clean.length()) {
                int cp = clean.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > 45) { // 45 bytes → 60 base64 characters, plus "=?UTF-8?B?" and "?="
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (out.length() > 0) {
                out.append("\r\n ");
            }
            out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(
                    clean.substring(i, end).getBytes(StandardCharsets.UTF_8))).append("?=");
            i = end;
        }
        return out.toString();
    }
}
