package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.ClientContact;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.platform.Primer;
import com.example.clientmgmt.storage.directory.PersonItem;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.notifications.NotificationItem;
import com.example.clientmgmt.storage.organization.OrganizationItem;
import com.example.clientmgmt.storage.project.HistoryItem;
import com.example.clientmgmt.storage.project.ProjectItem;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primes what the HTTP primer's reads cannot reach: they ask for items that do not exist, so no found item is
 * ever mapped. This maps one item of every type to its attributes and back (computation only, no request),
 * so that the first item a restored function reads finds its codec and domain classes ready.
 */
@Singleton
public class CodecPrimer implements Primer {
    @Override
    public String prime() {
        String id = "00000000000000000000000000";
        Instant at = Instant.EPOCH;
        Project project = new Project("priming", id, "Priming", new AdminInfo("Client", LocalDate.EPOCH, LocalDate.EPOCH,
                LocalDate.EPOCH, ProjectState.ACTIVE, new Money(new BigDecimal("1.00"), "CAD")), 1,
                Map.of("priming", Permission.ADMIN), Map.of(ContactRole.BILLING, new ClientContact(id, "Priming")), at, "priming");
        Person person = new Person("priming", id, "Priming", "Priming", "a@b.ca", "514 555-0000", Licence.FREE, Set.of(id + "#BILLING"));
        AdminDocument document = new AdminDocument("priming", id, id, "Priming", DocumentKind.INSURANCE, LocalDate.EPOCH,
                new Reminder(LocalDate.EPOCH, "note", 14, 7), null, at, "priming", List.of(new FileVersion(id, "priming.pdf", "application/pdf", 1,
                FileVersion.Status.AVAILABLE, 1L, "etag", "v", null, at, "priming", at, at)));
        Notification notification = new Notification(NotificationItem.id(at, id, 1), Notification.DOCUMENT_REMINDER, "Priming",
                id, "Priming", id, "Priming", DocumentKind.INSURANCE, LocalDate.EPOCH, "note", LocalDate.EPOCH, at, false);
        Organization organization = Organization.defaults("priming", ZoneId.of("UTC"));
        boolean same = ProjectItem.toProject(ProjectItem.item(project)).equals(project)
                && PersonItem.toPerson(PersonItem.item(person, 1)).equals(person)
                && DocumentItem.toDocument(DocumentItem.newItem(document, "Priming",
                com.example.clientmgmt.storage.reminders.ReminderItem.armed(Keys.duePk(0), document.createdAt(), 1))).equals(document);
        NotificationItem.firstWrite("priming", "priming", notification, "priming").updateExpression();
        same = same && NotificationItem.toNotification(NotificationItem.item(notification, "priming")).equals(notification)
                && OrganizationItem.toOrganization(OrganizationItem.item(organization, "priming", at.toString())).equals(organization);
        HistoryItem.toEntry(HistoryItem.item(new HistoryItem.Change(ProjectRef.of(project), "priming", at, id), 0,
                "estimatedBudget", null, new Money(BigDecimal.ONE, "CAD")));
        com.example.clientmgmt.domain.Requirement requirement = new com.example.clientmgmt.domain.Requirement(id,
                DocumentKind.BID_BOND, "Priming", com.example.clientmgmt.domain.NeededBy.DATE, LocalDate.EPOCH, "note",
                com.example.clientmgmt.domain.RequirementSource.TEMPLATE, id);
        com.example.clientmgmt.domain.ProjectRequirements requirements =
                new com.example.clientmgmt.domain.ProjectRequirements(List.of(requirement), List.of(id), 1);
        same = same && com.example.clientmgmt.storage.requirements.RequirementsItem.toRequirements(
                com.example.clientmgmt.storage.requirements.RequirementsItem.item("priming", id, requirements)).equals(requirements);
        // readiness and the calendar: the rules that read what was mapped
        com.example.clientmgmt.domain.Readiness.of(requirements.all(project.adminInfo()), project.adminInfo(), List.of(document), at);
        com.example.clientmgmt.domain.ICalendar.render("Priming", "fr-CA", List.of(new com.example.clientmgmt.domain.ICalendar.Event(
                id, LocalDate.EPOCH, "Priming", "note")), at);
        if (!same) {
            throw new IllegalStateException("an item did not map back to what it was made from");
        }
        return "mapped a project, a person, a document, a notification, an organization, a history entry and requirements";
    }
}
