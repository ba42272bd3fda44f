package com.example.clientmgmt.storage.directory;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ClientContact;
import com.example.clientmgmt.domain.ContactChange;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.Directory;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectGuard;
import com.example.clientmgmt.storage.project.ProjectItem;
import com.example.clientmgmt.storage.project.ProjectReads;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Client contacts: a project's {@code contacts} map and, on each person, {@code contactOf}, changed
 * together with the history entry in one transaction. The project write is guarded by
 * {@link ProjectGuard} and by the contact it replaces, the person write by their licence: a contact can
 * never be set to someone without one.
 */
@Singleton
public class ClientContactStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectReads reads;
    private final HistoryLog history;

    public ClientContactStore(DynamoDbClient dynamo, TableConfig table, ProjectReads reads, HistoryLog history) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.reads = reads;
        this.history = history;
    }

    /** The project and the person in one request (both keys are known up front), for a contact change. */
    public record ProjectAndPerson(Project project, Person person) {}

    public ProjectAndPerson load(String orgId, String projectId, String personId) {
        ProjectReads.ProjectAnd loaded = reads.projectAnd(orgId, projectId,
                Ids.isWellFormed(personId) ? PersonItem.key(orgId, personId) : null);
        return new ProjectAndPerson(loaded.project(), loaded.other() == null ? null : PersonItem.toPerson(loaded.other()));
    }

    /**
     * Writes a contact change as {@link ContactChange} decided it on {@code project} as read, in one transaction:
     * guarded, held to the role's contact being still the one replaced and the person's licence being still one of
     * those allowed, with the person's and the replaced person's {@code contactOf} and the history entry.
     */
    public void set(Caller caller, Project project, ContactChange change, Instant at) {
        ContactRole role = change.role();
        ClientContact previous = change.previous();
        Person person = change.person();
        Expressions onProject = ProjectGuard.guard(new Expressions(), caller);
        String rolePath = ClientContactItem.rolePath(onProject, role);
        onProject.condition(previous == null ? "attribute_not_exists(" + rolePath + ")"
                : ClientContactItem.rolePersonPath(onProject, role) + " = " + onProject.value(AttributeValue.fromS(previous.personId())));
        onProject.setPath(rolePath, person == null ? null : ClientContactItem.contact(ClientContact.of(person)));
        AttributeValue entry = ClientContactItem.contactOfEntry(project.id(), role);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(onProject.transactUpdate(table, ProjectItem.key(project.orgId(), project.id())));
        if (person != null) {
            Expressions onPerson = new Expressions().add(ClientContactItem.CONTACT_OF, entry);
            List<String> allowed = change.licencesAllowed().stream().sorted()
                    .map(l -> onPerson.value(PersonItem.licence(l))).toList();
            String contactOf = onPerson.name(ClientContactItem.CONTACT_OF);
            onPerson.condition("attribute_exists(" + onPerson.name(Keys.PK) + ")")
                    .condition(onPerson.name(PersonItem.LICENCE) + " IN (" + String.join(", ", allowed) + ")")
                    .condition("(attribute_not_exists(" + contactOf + ") OR size(" + contactOf + ") < "
                            + onPerson.value(Attrs.n(ContactChange.MAX_CONTACT_ROLES)) + ")");
            writes.add(onPerson.transactUpdate(table, PersonItem.key(project.orgId(), person.id())));
        }
        if (change.unlinksPrevious()) {
            writes.add(new Expressions().delete(ClientContactItem.CONTACT_OF, entry)
                    .transactUpdate(table, PersonItem.key(project.orgId(), previous.personId())));
        }
        writes.add(history.change(ProjectRef.of(project), caller, at).entry(change.historyLine()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            throw explain(refused, caller, person);
        }
    }

    /** Item 0 is the project, item 1 the new contact: whichever refused says why. */
    private static ProblemException explain(TransactionCanceledException refused, Caller caller, Person person) {
        if (person != null && ProjectGuard.refusedAt(refused, 1)) {
            Map<String, AttributeValue> seen = ProjectGuard.itemAsSeen(refused, 1);
            if (seen == null) {
                throw ProblemException.invalid(FieldError.of("personId", "UNKNOWN_PERSON"));
            }
            Directory.requireMayBeClientContact(PersonItem.toPerson(seen));
            ContactChange.requireRoomFor(PersonItem.toPerson(seen));
        }
        return ProjectGuard.explain(refused, 0, caller);
    }
}
