package com.example.clientmgmt.bench;

import com.example.clientmgmt.mailer.MailerHandler;
import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.storage.organization.ProfileStore;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Mailbox;
import com.example.clientmgmt.testkit.SesThrottle;
import com.example.clientmgmt.testkit.SqsEventSource;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * scripts/bench-reminders --emails N --ses-rate R: N reminder e-mails (N/2 DocumentReminderDue events, two ADMINs with an
 * address each) put on the bus at once, as the workers do at 07:00; the template's rule puts them on the mail queue, which
 * the template's event source (its MaximumConcurrency's default, each poller a mailer instance of its own) drains into the
 * real handler; SES is the emulator behind {@link SesThrottle} at R messages per second (refusing past it, as SES does),
 * and the mailers are configured with R as the rate GetAccount would give. Times the mailers, from their start on the
 * full queue until every e-mail is sent (putting the events is timed apart); counts the refusals, then reads the emulator's mailbox: every (recipient, event) exactly once.
 * Last line: {@code mail: emails=N seconds=S email_rate=R2 ses_rate=R throttled=H lost=L duplicates=D}.
 * With {@code unpaced}, the mailers are told a rate far above SES's (as if nothing paced them): SES refuses what goes past
 * its rate, and the run shows what the put-back costs and that nothing is lost or sent twice anyway.
 * Usage: MailBench EMAILS SES_RATE [unpaced]
 */
public final class MailBench {
    static final int PER_EVENT = 2;

    private MailBench() {}

    public static void main(String[] args) throws Exception {
        int emails = Integer.parseInt(args[0]);
        double sesRate = Double.parseDouble(args[1]);
        boolean unpaced = args.length > 2 && "unpaced".equals(args[2]);
        int events = (emails + PER_EVENT - 1) / PER_EVENT;
        emails = events * PER_EVENT;
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        LocalResources.Names names = LocalResources.Names.unique("mbench");
        AwsTestClients aws = AwsTestClients.forEndpoint(endpoint);
        Template template = Template.load();
        LocalResources.create(template, names, aws, List.of());
        String tag = Long.toString(System.nanoTime(), 36);
        SesThrottle ses = SesThrottle.atRate(sesRate);
        RoundTrips.Counter counter = new RoundTrips.Counter(); // the mailers' own requests, timed
        Map<String, Object> properties = new HashMap<>(TestApi.functionProperties(endpoint, names));
        properties.put("mail.send-rate", unpaced ? 1000 : sesRate); // what GetAccount says in AWS (the emulator has none)
        List<ApplicationContext> contexts = new ArrayList<>();
        try (ApplicationContext setUp = ApplicationContext.builder().properties(properties).start()) {
            ProfileStore profiles = setUp.getBean(ProfileStore.class);
            Instant now = Instant.parse("2027-06-01T11:00:00Z");
            int users = 20;
            for (int u = 0; u < users; u++) {
                profiles.remember("mail-bench", "admin" + u, "admin" + u + "." + tag + "@bench.example", true, "Admin " + u,
                        u % 2 == 0 ? "fr-CA" : "en", now);
            }
            JsonMapper json = setUp.getBean(JsonMapper.class);
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                DocumentReminderDue due = new DocumentReminderDue("mail-bench", "Banc d'essai inc.", "fr-CA", "P" + e, "Projet " + e,
                        "D" + e, "Assurance " + tag + " n° " + e, "INSURANCE", "2027-07-01", null, "2027-06-01",
                        List.of("admin" + (2 * e % users), "admin" + ((2 * e + 1) % users)), List.of(),
                        "reminder/mail-bench/" + tag + "/" + e);
                entries.add(PutEventsRequestEntry.builder().eventBusName(names.bus()).source(DocumentReminderDue.SOURCE)
                        .detailType(DocumentReminderDue.DETAIL_TYPE).detail(json.writeValueAsString(due)).build());
            }
            SqsEventSource mailers = SqsEventSource.ofInstances(template, "MailerFunction", aws.sqs(),
                    LocalResources.mailQueueUrl(aws, names), 0, poller -> {
                        Map<String, Object> own = new HashMap<>(properties);
                        ApplicationContext context = ApplicationContext.builder().properties(own).singletons(ses, counter).start();
                        contexts.add(context);
                        MailerHandler handler = new MailerHandler(context);
                        return event -> handler.handleRequest(event, null);
                    });
            System.out.printf("mail: %d events (%d e-mails) to put on the bus; %d mailers (the template's MaximumConcurrency), "
                    + "batches of %d, SES at %.1f/s%s%n", events, emails, mailers.concurrency(), mailers.batchSize(), sesRate,
                    unpaced ? ", the mailers NOT paced to it" : "");
            // the morning's events first, as the workers put them (in AWS at ~300 a second, far faster than SES takes
            // e-mail; through the one-request-at-a-time emulator much slower): the mailers are timed on a full queue
            long putStart = System.nanoTime();
            for (int from = 0; from < entries.size(); from += 10) {
                List<PutEventsRequestEntry> batch = entries.subList(from, Math.min(entries.size(), from + 10));
                if (aws.eventBridge().putEvents(b -> b.entries(batch)).failedEntryCount() > 0) {
                    throw new IllegalStateException("the bus refused events");
                }
            }
            String queued = aws.sqs().getQueueAttributes(b -> b.queueUrl(LocalResources.mailQueueUrl(aws, names))
                    .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings().get("ApproximateNumberOfMessages");
            System.out.printf("bus: %d events put in %.1f s; the rule queued %s%n", events, (System.nanoTime() - putStart) / 1e9, queued);
            long start = System.nanoTime();
            long deadline = start + (long) ((emails / sesRate) * 4 + 120) * 1_000_000_000L;
            int total = emails;
            // progress every 10 s, while the mailers drain (a drain lasts until the queue is empty)
            Thread progress = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.out.printf("  %d of %d e-mails sent, %d refused by SES so far (%.0f s)%n", ses.accepted(), total,
                            ses.throttled(), (System.nanoTime() - start) / 1e9);
                }
            }, "mail-bench-progress");
            progress.setDaemon(true);
            progress.start();
            while (ses.accepted() < emails && System.nanoTime() < deadline) {
                mailers.drain();
            }
            progress.interrupt();
            double seconds = (System.nanoTime() - start) / 1e9;
            int sentCount = ses.accepted();
            Set<String> distinct = new HashSet<>();
            int mine = 0;
            for (Mailbox.Mail m : Mailbox.sent(endpoint)) {
                if (m.subject() != null && m.subject().contains("Assurance " + tag + " ")) {
                    mine++;
                    distinct.add(m.to() + " " + m.subject());
                }
            }
            System.out.print(counter.timings());
            int lost = emails - distinct.size();
            int duplicates = mine - distinct.size();
            System.out.printf("mail: emails=%d seconds=%.2f email_rate=%.2f ses_rate=%s throttled=%d lost=%d duplicates=%d%s%n",
                    emails, seconds, sentCount / seconds, sesRate % 1 == 0 ? Long.toString((long) sesRate) : Double.toString(sesRate),
                    ses.throttled(), lost, duplicates, unpaced ? " unpaced" : "");
        } finally {
            contexts.forEach(ApplicationContext::close);
        }
    }
}
