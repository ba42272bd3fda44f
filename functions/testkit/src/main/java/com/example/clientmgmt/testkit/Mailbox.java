package com.example.clientmgmt.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-mails SES sent, as the emulator keeps them (scripts/emulator.py parses each raw MIME message): who
 * to, subject, the plain-text and HTML parts, the Date header. Read-only; for tests and the local mailbox.
 */
public final class Mailbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Mail(List<String> to, String from, String subject, String date, String text, String html) {}

    private Mailbox() {}

    /** Every message sent so far, oldest first. */
    public static List<Mail> sent(String endpoint) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/_emulator/ses/sent")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the emulator has no mailbox (start it with scripts/emulator.py): " + response.statusCode());
            }
            List<Mail> out = new ArrayList<>();
            for (JsonNode m : JSON.readTree(response.body()).get("items")) {
                List<String> to = new ArrayList<>();
                m.get("to").forEach(a -> to.add(a.asText()));
                out.add(new Mail(to, text(m, "from"), text(m, "subject"), text(m, "date"), text(m, "text"), text(m, "html")));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages sent to {@code address} (in a To header), oldest first. */
    public static List<Mail> to(String endpoint, String address) {
        return sent(endpoint).stream().filter(m -> m.to().stream().anyMatch(a -> a.contains(address))).toList();
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
