package com.example.clientmgmt.mailer;

import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.UserProfile;
import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.platform.RequirementAtRisk;
import com.example.clientmgmt.storage.directory.DirectoryStore;
import com.example.clientmgmt.storage.notifications.MailLog;
import com.example.clientmgmt.storage.organization.ProfileStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * E-mails one occurrence of a document reminder (or one requirement at risk): to each recipient ADMIN who has an address and did not
 * turn reminder e-mails off, in their language; and, when the reminder asks for it, to the project's client
 * contacts of the chosen roles who have an address (a message without internal data). Each (event,
 * recipient) is recorded before sending ({@link MailLog}), so a repeated event mails nobody twice. Every send
 * waits for its slot under the SES rate ({@link SendPace}). A recipient SES throttled, or not reached before the
 * deadline, is released and reported in {@link Report#again()} (the handler puts them back on the queue); a sending
 * that fails otherwise (after the SDK's retries of transient errors) is released and counted in {@link Report#failed()}.
 */
@Singleton
public class Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    private final ProfileStore profiles;
    private final ProjectStore projects;
    private final DirectoryStore directory;
    private final MailLog log;
    private final SesSender ses;
    private final SendPace pace;
    private final Metrics metrics;
    private final String fromAddress;
    private final String frontendBaseUrl;

    public Mailer(ProfileStore profiles, ProjectStore projects, DirectoryStore directory, MailLog log, SesSender ses, SendPace pace, Metrics metrics,
                  @Value("${mail.from.address}") String fromAddress, @Value("${frontend.base.url}") String frontendBaseUrl) {
        this.profiles = profiles;
        this.projects = projects;
        this.directory = directory;
        this.log = log;
        this.ses = ses;
        this.pace = pace;
        this.metrics = metrics;
        this.fromAddress = fromAddress;
        this.frontendBaseUrl = frontendBaseUrl.endsWith("/") ? frontendBaseUrl.substring(0, frontendBaseUrl.length() - 1) : frontendBaseUrl;
    }

    /**
     * What one event gave: e-mails sent, already sent before (a repeated event), recipients who turned e-mails
     * off or have no address, client contacts skipped (no address, or no contact in that role), failures;
     * {@code throttled}: sends SES refused for the rate; {@code again}: the recipients to mail later (throttled, or
     * not reached before the deadline); {@code mailOff}: nothing was sent because the deployment has no sender
     * address (MailFromAddress) yet.
     */
    @Serdeable
    public record Report(String idempotencyKey, int sent, int duplicates, int optedOut, int noAddress, int contactsSent,
                         int contactsSkipped, int failed, int throttled, List<String> again, boolean mailOff) {
        static Report nothing(String idempotencyKey, boolean mailOff) {
            return new Report(idempotencyKey, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), mailOff);
        }
    }

    private static final class Tally {
        int sent, duplicates, optedOut, noAddress, contactsSent, contactsSkipped, failed, throttled;
        final List<String> again = new ArrayList<>();
    }

    /** One e-mail to write: who (the key of the sent-mail record), where, and what. */
    private record Delivery(String recipient, String address, String name, MailTexts.Mail mail, boolean contact) {}

    /** Whether this deployment sends e-mail at all: a stack without MailFromAddress does not (yet). */
    public boolean mailOff() {
        return fromAddress == null || fromAddress.isBlank();
    }

    /** Mails everyone the event names, with no deadline. */
    public Report send(DocumentReminderDue d, Instant now) {
        return send(d, now, null, Long.MAX_VALUE);
    }

    /**
     * Mails those of the event's recipients that {@code only} names (null: all of them; the keys of {@link Report#again()}),
     * starting no send whose slot falls after {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    public Report send(DocumentReminderDue d, Instant now, List<String> only, long deadlineNanos) {
        if (mailOff()) {
            return off(d.idempotencyKey());
        }
        Tally t = new Tally();
        List<Delivery> deliveries = admins(d.organizationId(), d.recipients(), d.defaultLanguage(), d.idempotencyKey(), t,
                (p, language) -> MailTexts.forAdmin(d, p.name(), language, link(d)));
        contacts(d, t, deliveries);
        return deliverAll(new Sent(d.organizationId(), d.organizationName(), d.idempotencyKey()), deliveries, only, now, t, deadlineNanos);
    }

    /** Mails a requirement at risk to the project's ADMINs ({@link #send(DocumentReminderDue, Instant, List, long)}'s rules). */
    public Report send(RequirementAtRisk r, Instant now, List<String> only, long deadlineNanos) {
        if (mailOff()) {
            return off(r.idempotencyKey());
        }
        Tally t = new Tally();
        List<Delivery> deliveries = admins(r.organizationId(), r.recipients(), r.defaultLanguage(), r.idempotencyKey(), t,
                (p, language) -> MailTexts.forAtRisk(r, p.name(), language, frontendBaseUrl + "/projects/" + r.projectId() + "/readiness"));
        return deliverAll(new Sent(r.organizationId(), r.organizationName(), r.idempotencyKey()), deliveries, only, now, t, deadlineNanos);
    }

    private Report off(String idempotencyKey) {
        // said at every event, so that whoever reads the log after "where are the e-mails?" finds why
        LOG.warn("reminder e-mails are off: this stack has no MailFromAddress (env MAIL_FROM_ADDRESS); {} not mailed, "
                + "its in-app notifications stand. Set the parameter to a verified SES identity's address to turn them on.",
                idempotencyKey);
        return Report.nothing(idempotencyKey, true);
    }

    /** Which event the e-mails are of: the key of their sent-mail records and the sender's display name. */
    private record Sent(String organizationId, String organizationName, String idempotencyKey) {}

    /** The e-mails to the ADMINs {@code recipients} who want them and have an address, each in their language. */
    private List<Delivery> admins(String orgId, List<String> recipients, String defaultLanguage, String key, Tally t,
                                  java.util.function.BiFunction<UserProfile, String, MailTexts.Mail> write) {
        List<Delivery> deliveries = new ArrayList<>();
        for (UserProfile p : profiles.findAll(orgId, recipients == null ? List.of() : recipients).values()) {
            if (!p.emailReminders()) {
                t.optedOut++;
            } else if (!p.mayBeMailed()) {
                t.noAddress++;
                LOG.info("reminder {}: user {} has no verified e-mail address (none in their token, or email_verified not true): "
                        + "in-app only", key, p.userId());
            } else {
                deliveries.add(new Delivery("user:" + p.userId(), p.email(), p.name(), write.apply(p, p.languageOr(defaultLanguage)), false));
            }
        }
        return deliveries;
    }

    private Report deliverAll(Sent e, List<Delivery> deliveries, List<String> only, Instant now, Tally t, long deadlineNanos) {
        for (Delivery delivery : deliveries) {
            if (only == null || only.contains(delivery.recipient())) {
                deliver(e, delivery, now, t, deadlineNanos);
            }
        }
        Report report = new Report(e.idempotencyKey(), t.sent, t.duplicates, t.optedOut, t.noAddress, t.contactsSent, t.contactsSkipped,
                t.failed, t.throttled, List.copyOf(t.again), false);
        LOG.info("reminder e-mails {}", report);
        return report;
    }

    /** Records one invocation's e-mails as metrics (the reports of its messages, and how many were put back). */
    public void record(List<Report> reports) {
        double sent = 0, failed = 0, duplicates = 0, throttled = 0, again = 0;
        for (Report r : reports) {
            sent += r.sent() + r.contactsSent();
            failed += r.failed();
            duplicates += r.duplicates();
            throttled += r.throttled();
            again += r.again().size();
        }
        metrics.record(Map.of("EmailsSent", sent, "EmailsFailed", failed, "EmailsDuplicate", duplicates, "EmailsThrottled", throttled,
                "EmailsPutBack", again), Unit.COUNT, Map.of());
    }

    private void contacts(DocumentReminderDue d, Tally t, List<Delivery> deliveries) {
        List<ContactRole> roles = d.contactRoles() == null ? List.of()
                : d.contactRoles().stream().map(r -> ContactRole.valueOf(r)).toList();
        if (roles.isEmpty()) {
            return;
        }
        Optional<Project> project = projects.find(d.organizationId(), d.projectId());
        Map<String, ContactRole> byPerson = new LinkedHashMap<>();
        for (ContactRole role : roles) {
            var contact = project.map(p -> p.clientContacts().get(role)).orElse(null);
            if (contact == null) {
                t.contactsSkipped++;
                LOG.info("reminder {}: the project has no {} contact: skipped", d.idempotencyKey(), role.apiName());
            } else {
                byPerson.putIfAbsent(contact.personId(), role); // one e-mail per person, whatever their roles
            }
        }
        Map<String, Person> people = byPerson.isEmpty() ? Map.of() : directory.findAll(d.organizationId(), byPerson.keySet());
        for (Map.Entry<String, ContactRole> e : byPerson.entrySet()) {
            Person person = people.get(e.getKey());
            if (person == null || person.email() == null || person.email().isBlank()) {
                t.contactsSkipped++;
                LOG.info("reminder {}: the {} contact {} has no e-mail address: skipped", d.idempotencyKey(), e.getValue().apiName(),
                        e.getKey());
                continue;
            }
            deliveries.add(new Delivery("contact:" + person.id(), person.email(), person.name(),
                    MailTexts.forContact(d, person.name(), d.defaultLanguage()), true));
        }
    }

    private void deliver(Sent d, Delivery delivery, Instant now, Tally t, long deadlineNanos) {
        try {
            if (!pace.await(deadlineNanos)) {
                t.again.add(delivery.recipient()); // no slot before the deadline: the next invocation mails it
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.again.add(delivery.recipient());
            return;
        }
        if (!log.claim(d.organizationId(), d.idempotencyKey(), delivery.recipient(), now)) {
            t.duplicates++;
            return;
        }
        try {
            byte[] mime = MimeMail.of(d.organizationName(), fromAddress, delivery.name(), delivery.address(), delivery.mail(),
                    now.atZone(ZoneOffset.UTC));
            ses.send(fromAddress, delivery.address(), mime);
            if (delivery.contact()) {
                t.contactsSent++;
            } else {
                t.sent++;
            }
        } catch (RuntimeException e) { // SES's refusal, or anything else between the record and the sending: not sent
            log.release(d.organizationId(), d.idempotencyKey(), delivery.recipient());
            if (SesSender.throttled(e)) {
                pace.throttled();
                t.throttled++;
                t.again.add(delivery.recipient());
                LOG.warn("reminder {}: SES throttled the e-mail to {} ({}): put back on the queue", d.idempotencyKey(),
                        delivery.recipient(), e.getMessage());
            } else {
                t.failed++;
                LOG.error("reminder {}: e-mail to {} failed after {} attempts: {}", d.idempotencyKey(), delivery.recipient(),
                        SesSender.ATTEMPTS, e.toString());
            }
        }
    }

    /** Where the recipient acts on it: the project's documents in the frontend. */
    String link(DocumentReminderDue d) {
        return frontendBaseUrl + "/projects/" + d.projectId() + "/admin-documents";
    }

}
