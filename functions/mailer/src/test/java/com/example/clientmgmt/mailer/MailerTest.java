package com.example.clientmgmt.mailer;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.reminders.ReminderSweep;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.SesThrottle;
import com.example.clientmgmt.testkit.SqsEventSource;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminder e-mails end to end against the emulator: the sweep publishes, the template's own rule puts each event on the
 * mail queue, the queue's event source (template.yaml's, polled locally) hands batches to the real handler, SES (the
 * emulator) keeps the raw MIME message, read back parsed. Each test uses addresses of its own, so e-mails of other
 * tests never count.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class MailerTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static ApiClient c;
    static World world;
    static SqsEventSource mailers;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        MailerHandler handler = new MailerHandler(api.context());
        mailers = SqsEventSource.of(Template.load(), "MailerFunction", api.aws().sqs(),
                LocalResources.mailQueueUrl(api.aws(), api.names()), 0, event -> handler.handleRequest(event, null));
    }

    /** The mail queue's messages so far, through the mailers (as its event source mapping runs them); how many. */
    static int mailAll() {
        return mailers.drain();
    }

    /**
     * Takes the mail queue's messages (the rule's events) without mailing them: the bodies of those about {@code project}
     * (the sweep fires other tests' weekly repeats too: dropped).
     */
    static List<String> takeEvents(String project) {
        JsonMapper json = api.context().getBean(JsonMapper.class);
        List<String> bodies = new ArrayList<>();
        for (String body : mailers.take()) {
            try {
                if (project.equals(json.readValue(body, DocumentReminderDue.Envelope.class).detail().projectId())) {
                    bodies.add(body);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return bodies;
    }

    /**
     * A mail queue of its own, made from template.yaml's MailQueue (redrive to a failure queue of its own after the
     * MailAttempts default) with a visibility timeout of {@code visibility} seconds instead of six minutes, read by
     * {@code concurrency} mailers, each an instance of its own (own context: own pace) built with {@code properties}
     * and {@code interceptors} on its SDK clients.
     */
    static final class Lane implements AutoCloseable {
        final String url;
        final String failuresUrl;
        final SqsEventSource source;
        final List<ApplicationContext> contexts = new ArrayList<>();
        final List<SQSEvent.SQSMessage> delivered = java.util.Collections.synchronizedList(new ArrayList<>());

        Lane(int visibility, int concurrency, Map<String, Object> properties, Object... interceptors) {
            String name = api.names().bus() + "-lane-" + Long.toString(System.nanoTime(), 36);
            var sqs = api.aws().sqs();
            url = LocalResources.createQueue(Template.load(), "MailQueue", name, name + "-failures", sqs);
            failuresUrl = sqs.getQueueUrl(b -> b.queueName(name + "-failures")).queueUrl();
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("VisibilityTimeout", Integer.toString(visibility))));
            Map<String, Object> all = new HashMap<>(TestApi.functionProperties(api.aws().endpoint(), api.names()));
            all.put("mail.queue.url", url);
            all.put("mail.concurrency", concurrency);
            all.putAll(properties);
            source = SqsEventSource.ofInstances(Template.load(), "MailerFunction", sqs, url, concurrency, poller -> {
                ApplicationContext context = ApplicationContext.builder().properties(all).singletons(interceptors).start();
                contexts.add(context);
                MailerHandler handler = new MailerHandler(context);
                return event -> {
                    delivered.addAll(event.getRecords());
                    return handler.handleRequest(event, null);
                };
            });
        }

        /** Puts an event on this queue as the bus's rule does: its body, no attributes. */
        void put(String body) {
            api.aws().sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
        }

        int drain() {
            return source.drain();
        }

        /** The bodies waiting in the failure queue (read, left there). */
        List<String> failures() {
            var messages = api.aws().sqs().receiveMessage(b -> b.queueUrl(failuresUrl).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
            return messages.stream().map(m -> m.body()).toList();
        }

        /** The MailThrottles attribute of each delivered message, in delivery order (0 for a first delivery). */
        List<Integer> throttlesSeen() {
            synchronized (delivered) {
                return delivered.stream().map(m -> m.getMessageAttributes().get(MailQueue.THROTTLES))
                        .map(a -> a == null ? 0 : Integer.parseInt(a.getStringValue())).toList();
            }
        }

        @Override
        public void close() {
            contexts.forEach(ApplicationContext::close);
        }
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

    /** What a test of the queue starts from: owner and adam (ADMIN) signed in, and one reminder event of theirs, taken. */
    record Reminder(People people, String event) {}

    /** A project {@code name} whose insurance expires on {@code expiresOn}, swept at {@code sweepAt}: its one event. */
    static Reminder oneReminder(String name, String expiresOn, String sweepAt) {
        World w = new World(c);
        People p = signIn(w);
        String project = w.project(name, Map.of("adam", "ADMIN"));
        insurance(w, project, expiresOn, List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse(sweepAt));
        List<String> events = takeEvents(project);
        assertEquals(1, events.size(), "one reminder due");
        return new Reminder(p, events.get(0));
    }

    static int mailedTo(String address) {
        return Mailbox.to(api.aws().endpoint(), address).size();
    }

    @Test
    void eachAdminGetsOneEmailInTheirLanguageAndARepeatedEventMailsNobodyTwice() {
        People p = signIn(world);
        String project = world.project("Courriels " + System.nanoTime(), Map.of("adam", "ADMIN", "lea", "LIMITED"));
        insurance(world, project, "2029-03-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-03-01T15:00:00Z"));
        List<String> events = takeEvents(project);
        assertEquals(1, events.size(), "the template's rule puts the event on the mail queue");
        // EventBridge delivers at least once: the same event twice on the queue, in one batch or two
        String url = LocalResources.mailQueueUrl(api.aws(), api.names());
        api.aws().sqs().sendMessage(b -> b.queueUrl(url).messageBody(events.get(0)));
        api.aws().sqs().sendMessage(b -> b.queueUrl(url).messageBody(events.get(0)));
        assertEquals(2, mailAll());

        List<Mailbox.Mail> fr = Mailbox.to(api.aws().endpoint(), p.ownerEmail());
        assertEquals(1, fr.size(), "a repeated event mails nobody twice");
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
        assertEquals(0, mailers.failed(), "nothing delivered again");
    }

    /** An address the token does not say is verified is never mailed (no relay for typed addresses); once it is, it is. */
    @Test
    void anUnverifiedAddressGetsTheNotificationOnlyUntilItIsVerified() {
        World w = new World(c);
        String address = "non.verifie." + Long.toString(System.nanoTime(), 36) + "@example.com";
        String unverified = c.token("owner", w.org, true, Map.of("email", address, "email_verified", false, "name", "Marie Lavoie",
                "locale", "fr-CA"));
        JsonNode me = expect(200, c.get("/me").token(unverified).send()).json();
        assertEquals(address, me.get("email").asText());
        assertFalse(me.get("emailVerified").asBoolean());
        String project = w.project("Adresse non vérifiée", Map.of("adam", "ADMIN"));
        insurance(w, project, "2029-08-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-08-01T15:00:00Z"));
        assertEquals(1, mailAll());
        assertEquals(0, mailedTo(address), "the owner's address is not verified");
        assertEquals(1, expect(200, c.get("/notifications").token(unverified).send()).json().get("unreadCount").asInt(),
                "the in-app notification is there");

        String verified = c.token("owner", w.org, true, Map.of("email", address, "name", "Marie Lavoie", "locale", "fr-CA"));
        assertTrue(expect(200, c.get("/me").token(verified).send()).json().get("emailVerified").asBoolean());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-08-08T15:00:00Z"));
        assertEquals(1, mailAll());
        assertEquals(1, mailedTo(address), "the weekly repeat is mailed once verified");
    }

    @Test
    void aUserWhoTurnedEmailsOffGetsTheNotificationOnly() {
        World w = new World(c);
        People p = signIn(w);
        JsonNode off = expect(200, c.put("/me/preferences").token(p.adam()).body(Map.of("emailReminders", false)).send()).json();
        assertFalse(off.get("emailReminders").asBoolean());
        expect(400, c.put("/me/preferences").token(p.adam()).body(Map.of("emailReminders", "no")).send());
        expect(400, c.put("/me/preferences").token(p.adam()).body(Map.of("emailReminders", true, "language", "de")).send());
        String project = w.project("Préférences", Map.of("adam", "ADMIN"));
        insurance(w, project, "2029-05-21", List.of());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-05-01T15:00:00Z"));
        mailAll();
        assertEquals(1, mailedTo(p.ownerEmail()));
        assertEquals(0, mailedTo(p.adamEmail()));
        JsonNode notes = expect(200, c.get("/notifications").token(p.adam()).send()).json();
        assertEquals(1, notes.get("unreadCount").asInt(), "the in-app notification is kept");

        // a language of their own wins over the token's locale
        expect(200, c.put("/me/preferences").token(p.owner()).body(Map.of("emailReminders", true, "language", "en")).send());
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-05-09T15:00:00Z"));
        mailAll();
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
        List<String> events = takeEvents(project);
        DocumentReminderDue.Envelope event = api.context().getBean(JsonMapper.class).readValue(events.get(0), DocumentReminderDue.Envelope.class);
        assertEquals(List.of("BILLING", "EXECUTION", "SUBMISSION"), event.detail().contactRoles());
        Mailer.Report report = api.context().getBean(Mailer.class).send(event.detail(), Instant.parse("2029-06-21T15:00:00Z"));
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
        // the same event through the queue: once
        String url = LocalResources.mailQueueUrl(api.aws(), api.names());
        api.aws().sqs().sendMessage(b -> b.queueUrl(url).messageBody(events.get(0)));
        mailAll();
        assertEquals(1, mailedTo(courtier), "once");
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
     * Makes SES calls to one address fail while {@code failing} is positive, with a transient network error (what a
     * dropped connection gives the SDK) or, {@code rejecting}, with SES's MessageRejected: the real SDK path, its retry
     * strategy included; only the wire is cut.
     */
    static final class FailingSes implements ExecutionInterceptor {
        final AtomicInteger failing = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        volatile String address = "";
        volatile boolean rejecting;

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (!"SendEmail".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                return;
            }
            var request = (software.amazon.awssdk.services.sesv2.model.SendEmailRequest) context.request();
            if (!request.destination().toAddresses().contains(address)) {
                return;
            }
            attempts.incrementAndGet();
            if (failing.getAndDecrement() > 0) {
                if (rejecting) {
                    throw software.amazon.awssdk.services.sesv2.model.MessageRejectedException.builder().statusCode(400)
                            .message("Email address is on the suppression list (injected)")
                            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder().serviceName("SESv2")
                                    .errorCode("MessageRejected").errorMessage("Email address is on the suppression list (injected)")
                                    .build()).build();
                }
                throw SdkClientException.create("connection reset (injected)", new java.io.IOException("Connection reset"));
            }
        }
    }

    /**
     * One recipient of one event of a batch fails past the SDK's retries: only that message is named for delivery again
     * (its batch neighbours are deleted), and its second delivery mails only the recipient who was not mailed.
     */
    @Test
    void aBatchWithOneFailingRecipientRetriesOnlyThatMessageAndOnlyThatRecipient() {
        World w = new World(c);
        People p = signIn(w);
        String project = w.project("Pannes", Map.of("adam", "ADMIN"));
        for (String expiry : List.of("2029-09-21", "2029-09-22", "2029-09-23")) {
            insurance(w, project, expiry, List.of());
        }
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-09-01T15:00:00Z"));
        List<String> events = takeEvents(project);
        assertEquals(3, events.size());
        FailingSes ses = new FailingSes();
        try (Lane lane = new Lane(1, 1, Map.of(), ses)) { // one mailer: both events below in one batch
            // two transient failures: the SDK's retries absorb them
            ses.address = p.adamEmail();
            ses.failing.set(2);
            lane.put(events.get(0));
            lane.drain();
            assertEquals(1, mailedTo(p.adamEmail()));
            assertTrue(ses.attempts.get() >= 3, "1 sent + 2 retried attempts: " + ses.attempts.get());

            // now the one to adam fails every attempt of one delivery, in a batch of two events
            ses.failing.set(SesSender.ATTEMPTS);
            ses.attempts.set(0);
            lane.put(events.get(1));
            lane.put(events.get(2));
            lane.drain();
            assertEquals(3, mailedTo(p.ownerEmail()), "the owner of each event, once");
            assertEquals(SesSender.ATTEMPTS + 1, ses.attempts.get(), "adam's failing delivery (all its attempts), then his other one");
            assertEquals(1, lane.source.failed(), "only the message with the failing recipient is delivered again");
            // its visibility timeout (1 s here) over, it comes back: only adam is mailed
            ses.failing.set(0);
            waitFor(() -> lane.drain() > 0);
            assertEquals(3, mailedTo(p.adamEmail()), "adam once per event");
            assertEquals(3, mailedTo(p.ownerEmail()), "the owner is not mailed again");
            assertEquals(List.of(), lane.failures());
        }
    }

    /** SES throttles the first send: that recipient is put back with a delay, then mailed once; the other is not mailed again. */
    @Test
    void aThrottledRecipientIsPutBackAndMailedOnceWithoutEverReachingTheFailureQueue() {
        Reminder r = oneReminder("Quota", "2029-10-21", "2029-10-01T15:00:00Z");
        People p = r.people();
        String event = r.event();
        // refused more times than the queue's maxReceiveCount (MailAttempts) would allow deliveries
        int refusals = Integer.parseInt(Template.load().parameterDefault("MailAttempts")) + 1;
        SesThrottle ses = SesThrottle.refusingNext(refusals);
        try (Lane lane = new Lane(1, 2, Map.of(), ses)) {
            lane.put(event);
            waitFor(() -> {
                lane.drain();
                return ses.accepted() == 2;
            });
            assertEquals(refusals, ses.throttled());
            assertEquals(1, mailedTo(p.ownerEmail()));
            assertEquals(1, mailedTo(p.adamEmail()));
            assertEquals(List.of(), lane.failures(), "throttled e-mail never ages into the failure queue");
            assertEquals(0, lane.source.failed(), "put back as new messages, never named for delivery again");
            assertTrue(lane.delivered.stream().allMatch(m -> "1".equals(m.getAttributes().get("ApproximateReceiveCount"))),
                    "each delivery a first receive: SQS's count toward maxReceiveCount never grows");
            List<Integer> seen = lane.throttlesSeen();
            assertEquals(0, seen.get(0));
            for (int i = 1; i < seen.size(); i++) {
                assertEquals(i, seen.get(i), "each delivery after a throttle counts one more (its delay grows with it): " + seen);
            }
        }
    }

    /**
     * A message that fails for another reason (SES rejects the message) is delivered MailAttempts times, then moves to
     * the failure queue: the body there is the event, ready to redrive; the other recipient was mailed once.
     */
    @Test
    void aPoisonMessageReachesTheFailureQueueAfterMailAttemptsDeliveries() {
        Reminder r = oneReminder("Rejet", "2029-11-21", "2029-11-01T15:00:00Z");
        People p = r.people();
        String event = r.event();
        int attempts = Integer.parseInt(Template.load().parameterDefault("MailAttempts"));
        FailingSes ses = new FailingSes();
        ses.address = p.adamEmail();
        ses.rejecting = true;
        ses.failing.set(Integer.MAX_VALUE);
        try (Lane lane = new Lane(1, 2, Map.of(), ses)) {
            lane.put(event);
            waitFor(() -> {
                lane.drain();
                return !lane.failures().isEmpty();
            });
            assertEquals(attempts, lane.delivered.size(), "delivered MailAttempts times, then moved");
            assertEquals(attempts, ses.attempts.get(), "a rejection is not retried by the SDK");
            assertEquals(List.of(event), lane.failures());
            assertEquals(1, mailedTo(p.ownerEmail()), "the owner once, whatever the deliveries");
            assertEquals(0, mailedTo(p.adamEmail()));
        }
    }

    /**
     * The pace, against SES's quota (the stand-in at 4 messages/s): mailers paced to it (4/s shared by 2) are never
     * throttled; unpaced (a rate far above the quota) they are, and still lose and repeat nothing.
     */
    @Test
    void mailersPacedToTheQuotaAreNotThrottledAndUnpacedOnesLoseNothing() {
        World w = new World(c);
        List<String> addresses = new ArrayList<>();
        List<String> admins = new ArrayList<>();
        Map<String, String> members = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            String address = "rythme" + i + "." + Long.toString(System.nanoTime(), 36) + "@example.com";
            String user = "admin" + i;
            expect(200, c.get("/me").token(c.token(user, w.org, false, Map.of("email", address, "name", "Admin " + i))).send());
            addresses.add(address);
            admins.add(user);
            members.put(user, "ADMIN");
        }
        String project = w.project("Rythme", members);
        for (int day = 1; day <= 3; day++) {
            insurance(w, project, "2030-01-0" + day, List.of());
        }
        api.context().getBean(ReminderSweep.class).run(Instant.parse("2029-12-15T15:00:00Z"));
        List<String> events = takeEvents(project);
        assertEquals(3, events.size(), "3 events × (4 admins + the owner, who has no address) = 12 e-mails");
        for (boolean paced : new boolean[] {true, false}) {
            SesThrottle ses = SesThrottle.atRate(4);
            try (Lane lane = new Lane(1, 2, Map.of("mail.send-rate", paced ? 4 : 1000), ses)) {
                for (String e : events) {
                    lane.put(e.replaceAll("\"idempotencyKey\"\\s*:\\s*\"", "\"idempotencyKey\":\"" + (paced ? "paced-" : "unpaced-")));
                }
                waitFor(() -> {
                    lane.drain();
                    return ses.accepted() == 12;
                });
                if (paced) {
                    assertEquals(0, ses.throttled(), "paced to the quota: never throttled");
                } else {
                    assertTrue(ses.throttled() > 0, "the stand-in throttles what goes past its rate");
                }
                assertEquals(List.of(), lane.failures());
            }
        }
        for (String address : addresses) {
            assertEquals(6, mailedTo(address), "3 events, twice (paced, unpaced): lost 0, duplicates 0");
        }
    }

    /**
     * SES's own answer past the rate (the emulator refusing as SES does, over HTTP: scripts/emulator.py) reaches the
     * mailer as throttling, through the SDK's error parsing and without its retries: the e-mail is put back, not failed.
     */
    @Test
    void sesThrottlingOverTheWireIsToldAsThrottlingAndNotRetriedBySdk() throws Exception {
        FailingSes counting = new FailingSes(); // fails nothing: counts the attempts to one address
        Map<String, Object> properties = new HashMap<>(TestApi.functionProperties(api.aws().endpoint(), api.names()));
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).singletons(counting).start()) {
        SesSender ses = context.getBean(SesSender.class);
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.aws().endpoint() + "/_emulator/ses/throttle"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"next\": 1}")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String to = "debit." + Long.toString(System.nanoTime(), 36) + "@example.com";
        counting.address = to;
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ses.send("rappels@example.com", to, "Subject: x\r\n\r\nx".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                () -> "attempts: " + counting.attempts.get());
        assertEquals(1, counting.attempts.get(), "one attempt: the SDK does not retry throttling");
        assertTrue(SesSender.throttled(refused), refused::toString);
        assertTrue(refused.getMessage().contains("Maximum sending rate exceeded"), refused.getMessage());
        ses.send("rappels@example.com", to, ("To: " + to + "\r\nSubject: x\r\n\r\nx").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, mailedTo(to), "refused once, not retried behind the caller's back; then sent");
        }
    }

    /** A stack deployed without MailFromAddress sends nothing, says why at every event, and mails once it has one. */
    @Test
    void withoutASenderAddressEMailIsOffAndSaysSoThenTheSameEventMailsOnceOneIsSet() {
        Reminder r = oneReminder("Sans expéditeur", "2029-12-21", "2029-12-01T15:00:00Z");
        People p = r.people();
        String event = r.event();
        try (Lane off = new Lane(1, 2, Map.of("mail.from.address", ""))) {
            off.put(event);
            off.drain();
            assertEquals(0, off.source.failed(), "deleted: e-mail is off, not failing");
        }
        assertEquals(0, mailedTo(p.ownerEmail()), "nothing sent");
        String url = LocalResources.mailQueueUrl(api.aws(), api.names());
        api.aws().sqs().sendMessage(b -> b.queueUrl(url).messageBody(event));
        mailAll();
        assertEquals(1, mailedTo(p.ownerEmail()), "nothing was recorded as sent while e-mail was off");
        assertEquals(1, mailedTo(p.adamEmail()));
    }

    /** Polls {@code done} (each call may take a while: it drains) for at most a minute. */
    static void waitFor(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not done within a minute");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
