package com.example.clientmgmt.mailer;

import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.platform.Primer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Primes the mailer: a reminder event read from JSON as the runtime reads it, through the handler, for a
 * recipient the table does not know (no profile: no address, so nothing is written or sent), and the two
 * languages' texts and MIME built. Reads only.
 */
@Singleton
public class MailerPrimer implements Primer {
    private final ApplicationContext context;
    private final JsonMapper json;

    public MailerPrimer(ApplicationContext context, JsonMapper json) {
        this.context = context;
        this.json = json;
    }

    @Override
    public String prime() throws IOException {
        DocumentReminderDue.Envelope event = json.readValue("{\"detail-type\":\"DocumentReminderDue\",\"source\":\"clientmgmt.reminders\","
                + "\"detail\":{\"organizationId\":\"snapstart-priming\",\"organizationName\":\"Priming\",\"defaultLanguage\":\"fr-CA\","
                + "\"projectId\":\"00000000000000000000000000\",\"projectName\":\"Priming\",\"documentId\":\"00000000000000000000000000\","
                + "\"title\":\"Priming\",\"kind\":\"INSURANCE\",\"reminderDate\":\"1970-01-01\",\"occurrence\":\"1970-01-01\","
                + "\"recipients\":[\"nobody\"],\"contactRoles\":[],\"idempotencyKey\":\"priming\"}}", DocumentReminderDue.Envelope.class);
        Mailer.Report report = new MailerHandler(context).execute(event);
        for (String language : new String[] {"fr-CA", "en"}) {
            MimeMail.of("Priming", "a@example.com", "Élise", "b@example.com",
                    MailTexts.forAdmin(event.detail(), "Élise", language, "https://example.com"), java.time.ZonedDateTime.now());
        }
        return "mailer: " + report.noAddress() + " recipient without address, texts and MIME built";
    }
}
