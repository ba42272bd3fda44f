package com.example.clientmgmt.mailer;

import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.reminders.ReminderSweep;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.BusCapture;
import com.example.clientmgmt.testkit.Mailbox;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminder e-mails end to end against the emulator: the sweep publishes, the template's own rule delivers to
 * the mailer, SES (the emulator) keeps the raw MIME message, read back parsed. Each test uses addresses of
 * its own, so e-mails of other tests never count.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class MailerTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static ApiClient c;
    static World world;
    static BusCapture rule;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        rule = BusCapture.connect(api.aws(), api.names().bus(), "mailer", BusCapture.rulePattern(Template.load(), "MailerFunction"));
    }

    record People(String owner, String adam, String ownerEmail, String adamEmail) {}

    /** owner (fr-CA) and adam (en) sign in with their profile claims once: the functions remember them. */
    static People signIn(World w) {
        String tag = Long.toString(System.nanoTime(), 36);
        String ownerEmail = "marie." + tag + "@example.com";
        String adamEmail = "adam." + tag + "@example.com";
        String owner = c.token("owner", w.org, true, Map.of("email", ownerEmail, "name", "Marie Lavoie", "locale", "fr-CA"));
        String adam = c.token("adam", w.org, false, Map.of("email", adamEmail, "name", "Adam O'Neil", "locale", "en-US"));
        expect(200, c.get("/me").token(owner).send());
        JsonNode me = expect(200, c.get("/me").token(adam).send()).json();
        assertEquals(adamEmail, me.get("email").asText());
        assertEquals("en", me.get("effectiveLanguage").asText());
        return new People(owner, adam, ownerEmail, adamEmail);
    }

    static String insurance(World w, String project, String expiresOn, List<String> contacts) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Assurance responsabilité d'entreprise", "kind", "INSURANCE",
                "expiresOn", expiresOn, "fileName", "a.pdf", "contentType", "application/pdf", "sizeBytes", 10));
        if (!contacts.isEmpty()) {
            body.put("reminderDate", expiresOn);
            body.put("leadDays", 30);
            body.put("repeatEveryDays", 7);
            body.put("reminderNote", "Appeler le courtier « Assur-Pro »");
            body.put("alsoNotifyContacts", contacts);
        }
        return expect(201, c.post("/projects/" + project + "/admin-documents").token(w.owner).body(body).send())
                .json().get("document").get("id").asText();
    }

    /** The events the mailer's rule delivered for this document, as the mailer reads them. */
    static List<DocumentReminderDue.Envelope> deliveredFor(String documentId) throws IOException {
        JsonMapper json = api.context().getBean(JsonMapper.class);
        List<DocumentReminderDue.Envelope> out = new ArrayList<>();
        for (JsonNode e : rule.drain()) {
            DocumentReminderDue.Envelope envelope = json.readValue(e.toString(), DocumentReminderDue.Envelope.class);
            if (envelope.detail().documentId().equals(documentId)) {
                out.add(envelope);
            }
        }
        return out;
    }

    static Mailer.Report mail(ApplicationContext context, DocumentReminderDue.Envelope event) {
        return new MailerHandler(context).handleRequest(event, null);
    }

    @Test
    void eachAdminGetsOneEmailInTheirLanguageAndARepeatedEventMailsNobodyTwice() throws IOException {
        People p = signIn(world);
        String project = world.project("Courriels " + System.nanoTime(), Map.of("adam", "ADMIN", "lea", "LIMITED"));
        String doc = insurance(world, project, "2029-03-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-03-01T15:00:00Z"));
        List<DocumentReminderDue.Envelope> events = deliveredFor(doc);
        assertEquals(1, events.size(), "the template's rule delivers the event to the mailer");
        Mailer.Report report = mail(api.context(), events.get(0));
        assertEquals(2, report.sent(), report::toString);

        List<Mailbox.Mail> fr = Mailbox.to(api.aws().endpoint(), p.ownerEmail());
        assertEquals(1, fr.size());
        Mailbox.Mail m = fr.get(0);
        assertTrue(m.subject().startsWith("Rappel : Assurance responsabilité d'entreprise — Courriels "), m.subject());
        assertTrue(m.text().contains("Bonjour Marie Lavoie,"), m.text());
        assertTrue(m.text().contains("« Assurance responsabilité d'entreprise » (assurance)"), m.text());
        assertTrue(m.text().contains("Date : 21 mars 2029"), m.text());
        assertTrue(m.text().contains("http://localhost:5173/projects/" + project + "/admin-documents"), m.text());
        assertTrue(m.html().contains("responsabilit\u00e9 d&#39;entreprise"), m.html());
        assertTrue(m.from().contains("rappels@example.com"), m.from());

        List<Mailbox.Mail> en = Mailbox.to(api.aws().endpoint(), p.adamEmail());
        assertEquals(1, en.size());
        assertTrue(en.get(0).subject().startsWith("Reminder: Assurance"), en.get(0).subject());
        assertTrue(en.get(0).text().contains("Hello Adam O'Neil,"), en.get(0).text());
        assertTrue(en.get(0).text().contains("Date: March 21, 2029"), en.get(0).text());
        assertEquals(List.of("Adam O'Neil <" + p.adamEmail() + ">"), en.get(0).to(), "the To header names the recipient");
        assertEquals(List.of("Marie Lavoie <" + p.ownerEmail() + ">"), m.to());

        Mailer.Report again = mail(api.context(), events.get(0));
        assertEquals(0, again.sent());
        assertEquals(2, again.duplicates());
        assertEquals(1, Mailbox.to(api.aws().endpoint(), p.ownerEmail()).size(), "a repeated event mails nobody twice");
        assertEquals(1, Mailbox.to(api.aws().endpoint(), p.adamEmail()).size());
    }

    /** An address the token does not say is verified is never mailed (no relay for typed addresses); once it is, it is. */
    @Test
    void anUnverifiedAddressGetsTheNotificationOnlyUntilItIsVerified() throws IOException {
        World w = new World(c);
        String address = "non.verifie." + Long.toString(System.nanoTime(), 36) + "@example.com";
        String unverified = c.token("owner", w.org, true, Map.of("email", address, "email_verified", false, "name", "Marie Lavoie",
                "locale", "fr-CA"));
        JsonNode me = expect(200, c.get("/me").token(unverified).send()).json();
        assertEquals(address, me.get("email").asText());
        assertFalse(me.get("emailVerified").asBoolean());
        String project = w.project("Adresse non vérifiée", Map.of("adam", "ADMIN"));
        String doc = insurance(w, project, "2029-08-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-08-01T15:00:00Z"));
        Mailer.Report report = mail(api.context(), deliveredFor(doc).get(0));
        assertEquals(0, report.sent(), report::toString);
        assertEquals(2, report.noAddress(), "the owner's address is not verified, adam has none");
        assertEquals(0, Mailbox.to(api.aws().endpoint(), address).size());
        assertEquals(1, expect(200, c.get("/notifications").token(unverified).send()).json().get("unreadCount").asInt(),
                "the in-app notification is there");

        String verified = c.token("owner", w.org, true, Map.of("email", address, "name", "Marie Lavoie", "locale", "fr-CA"));
        assertTrue(expect(200, c.get("/me").token(verified).send()).json().get("emailVerified").asBoolean());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-08-08T15:00:00Z"));
        assertEquals(1, mail(api.context(), deliveredFor(doc).get(0)).sent(), "the weekly repeat is mailed once verified");
        assertEquals(1, Mailbox.to(api.aws().endpoint(), address).size());
    }

    @Test
    void aUserWhoTurnedEmailsOffGetsTheNotificationOnly() throws IOException {
        World w = new World(c);
        People p = signIn(w);
        JsonNode off = expect(200, c.put("/me/preferences").token(p.adam()).body(Map.of("emailReminders", false)).send()).json();
        assertFalse(off.get("emailReminders").asBoolean());
        expect(400, c.put("/me/preferences").token(p.adam()).body(Map.of("emailReminders", "no")).send());
        expect(400, c.put("/me/preferences").token(p.adam()).body(Map.of("emailReminders", true, "language", "de")).send());
        String project = w.project("Préférences", Map.of("adam", "ADMIN"));
        String doc = insurance(w, project, "2029-05-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-05-01T15:00:00Z"));
        Mailer.Report report = mail(api.context(), deliveredFor(doc).get(0));
        assertEquals(1, report.sent());
        assertEquals(1, report.optedOut());
        assertEquals(0, Mailbox.to(api.aws().endpoint(), p.adamEmail()).size());
        JsonNode notes = expect(200, c.get("/notifications").token(p.adam()).send()).json();
        assertEquals(1, notes.get("unreadCount").asInt(), "the in-app notification is kept");

        // a language of their own wins over the token's locale
        expect(200, c.put("/me/preferences").token(p.owner()).body(Map.of("emailReminders", true, "language", "en")).send());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-05-09T15:00:00Z"));
        mail(api.context(), deliveredFor(doc).get(0));
        List<Mailbox.Mail> owner = Mailbox.to(api.aws().endpoint(), p.ownerEmail());
        assertEquals(2, owner.size(), "the weekly repeat is mailed too");
        assertTrue(owner.get(1).subject().startsWith("Reminder:"), owner.get(1).subject());
    }

    @Test
    void clientContactsOfTheChosenRolesAreMailedWithoutInternalDataAndThoseWithoutAddressAreSkipped() throws IOException {
        World w = new World(c);
        signIn(w);
        String project = w.project("Contacts " + System.nanoTime(), Map.of("adam", "ADMIN"));
        // internal data a client contact must never read: the budget, and the project's members
        expect(200, c.patch("/projects/" + project + "/admin-info").token(w.owner)
                .body(Map.of("estimatedBudget", Map.of("amount", "2500000.00"))).send());
        String courtier = "courtier." + System.nanoTime() + "@example.com";
        String billing = person(w, "Lucie Gagnon", courtier);
        String execution = person(w, "Paul Sans Courriel", null);
        expect(200, c.put("/projects/" + project + "/client-contacts/billing").token(w.owner).body(Map.of("personId", billing)).send());
        expect(200, c.put("/projects/" + project + "/client-contacts/execution").token(w.owner).body(Map.of("personId", execution)).send());
        expect(400, c.post("/projects/" + project + "/admin-documents").token(w.owner).body(Map.of("title", "x", "fileName", "a.pdf",
                "contentType", "application/pdf", "sizeBytes", 1, "reminderDate", "2029-01-01", "alsoNotifyContacts", List.of("broker"))).send());
        String doc = insurance(w, project, "2029-07-21", List.of("billing", "execution", "submission"));
        JsonNode read = expect(200, c.get("/projects/" + project + "/admin-documents/" + doc).token(w.adam).send()).json();
        assertEquals("[\"submission\",\"billing\",\"execution\"]", read.get("alsoNotifyContacts").toString());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-06-21T15:00:00Z"));
        DocumentReminderDue.Envelope event = deliveredFor(doc).get(0);
        assertEquals(List.of("BILLING", "EXECUTION", "SUBMISSION"), event.detail().contactRoles());
        Mailer.Report report = mail(api.context(), event);
        assertEquals(1, report.contactsSent(), report::toString);
        assertEquals(2, report.contactsSkipped(), "no e-mail address (execution), no contact in the role (submission)");
        Mailbox.Mail m = Mailbox.to(api.aws().endpoint(), courtier).get(0);
        assertTrue(m.text().contains("Bonjour Lucie Gagnon,"), m.text());
        assertTrue(m.text().contains("Appeler le courtier « Assur-Pro »"), m.text());
        assertTrue(m.html().contains("Lucie Gagnon"), m.html());
        for (String part : List.of(m.text(), m.html())) {
            assertFalse(part.contains("http"), "no link into the app: " + part);
            for (String internal : List.of("2500000", "2 500 000", "2,500,000", "budget", "Budget", "Adam", "Marie")) {
                assertFalse(part.contains(internal), "no internal data (" + internal + "): " + part);
            }
        }
        assertEquals(0, mail(api.context(), event).contactsSent(), "once");
    }

    static String person(World w, String name, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "company", "Client inc."));
        if (email != null) {
            body.put("email", email);
        }
        String id = expect(201, c.post("/directory/people").token(w.owner).body(body).send()).json().get("id").asText();
        expect(200, c.put("/directory/people/" + id + "/licence").token(w.owner).body(Map.of("licence", "FREE")).send());
        return id;
    }

    /**
     * Makes SES calls fail with a transient network error (what a dropped connection gives the SDK) while
     * {@code failing} is positive: the real SDK path, its retry strategy included; only the wire is cut.
     */
    static final class FailingSes implements ExecutionInterceptor {
        final AtomicInteger failing = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (!"SendEmail".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                return;
            }
            attempts.incrementAndGet();
            if (failing.getAndDecrement() > 0) {
                throw SdkClientException.create("connection reset (injected)", new java.io.IOException("Connection reset"));
            }
        }
    }

    @Test
    void sesFailuresAreRetriedThenTheEventFailsAndItsRetryMailsOnlyWhoWasNotMailed() throws IOException {
        World w = new World(c);
        People p = signIn(w);
        String project = w.project("Pannes", Map.of("adam", "ADMIN"));
        String doc = insurance(w, project, "2029-09-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-09-01T15:00:00Z"));
        DocumentReminderDue.Envelope event = deliveredFor(doc).get(0);
        FailingSes ses = new FailingSes();
        Map<String, Object> properties = new HashMap<>(TestApi.functionProperties(api.aws().endpoint(), api.names()));
        try (ApplicationContext flaky = ApplicationContext.builder().properties(properties).singletons(ses).start()) {
            ses.failing.set(2); // two transient failures: the SDK's retries absorb them
            Mailer.Report report = mail(flaky, event);
            assertEquals(2, report.sent(), report::toString);
            assertTrue(ses.attempts.get() >= 4, "2 sent + 2 retried attempts: " + ses.attempts.get());

            String doc2 = insurance(w, project, "2029-10-21", List.of());
            api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-10-01T15:00:00Z"));
            DocumentReminderDue.Envelope second = deliveredFor(doc2).get(0);
            ses.failing.set(SesSender.ATTEMPTS + 1); // the first recipient fails every attempt, the second gets through
            RuntimeException failed = assertThrows(RuntimeException.class, () -> mail(flaky, second));
            assertTrue(String.valueOf(failed.getMessage()).contains("failed"), failed::toString);
            ses.failing.set(0);
            Mailer.Report retry = mail(flaky, second); // Lambda's retry of the same event
            assertEquals(1, retry.sent(), "only the one that failed: " + retry);
            assertEquals(1, retry.duplicates());
        }
        assertEquals(2, Mailbox.to(api.aws().endpoint(), p.ownerEmail()).size());
        assertEquals(2, Mailbox.to(api.aws().endpoint(), p.adamEmail()).size());
    }

    /** A stack deployed without MailFromAddress sends nothing, says why at every event, and mails once it has one. */
    @Test
    void withoutASenderAddressEMailIsOffAndSaysSoThenTheSameEventMailsOnceOneIsSet() throws IOException {
        World w = new World(c);
        People p = signIn(w);
        String project = w.project("Sans expéditeur", Map.of("adam", "ADMIN"));
        String doc = insurance(w, project, "2029-12-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-12-01T15:00:00Z"));
        DocumentReminderDue.Envelope event = deliveredFor(doc).get(0);
        Map<String, Object> properties = new HashMap<>(TestApi.functionProperties(api.aws().endpoint(), api.names()));
        properties.put("mail.from.address", "");
        try (ApplicationContext off = ApplicationContext.builder().properties(properties).start()) {
            Mailer.Report report = mail(off, event);
            assertTrue(report.mailOff(), report::toString);
            assertEquals(0, report.sent() + report.contactsSent() + report.failed() + report.duplicates(), report::toString);
        }
        assertEquals(0, Mailbox.to(api.aws().endpoint(), p.ownerEmail()).size(), "nothing sent");
        Mailer.Report on = mail(api.context(), event);
        assertFalse(on.mailOff());
        assertEquals(2, on.sent(), "nothing was recorded as sent while e-mail was off: " + on);
        assertEquals(1, Mailbox.to(api.aws().endpoint(), p.ownerEmail()).size());
    }
}
