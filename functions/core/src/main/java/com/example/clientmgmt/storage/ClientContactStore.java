package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ClientContact;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.Directory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes of the client-contacts aggregate: a project's {@code contacts} map (role → person id) and, on
 * each person, {@code contactOf} (where they are a contact), changed together with the history entry in
 * one transaction. The project write is guarded by {@link ProjectGuard} and by the contact it replaces,
 * the person write by their licence: a contact can never be set to someone without one.
 */
@Singleton
public class ClientContactStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectStore projects;
    private final DirectoryStore directory;

    public ClientContactStore(DynamoDbClient dynamo, TableConfig table, ProjectStore projects, DirectoryStore directory) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.projects = projects;
        this.directory = directory;
    }

    /** The project and the person in one request (both keys are known up front), for a contact change. */
    public record ProjectAndPerson(Project project, Person person) {}

    public ProjectAndPerson load(String orgId, String projectId, String personId) {
        ProjectStore.ProjectAnd loaded = projects.loadWith(orgId, projectId,
                Ids.isWellFormed(personId) ? DirectoryStore.personKey(orgId, personId) : null);
        return new ProjectAndPerson(loaded.project(), loaded.other() == null ? null : DirectoryStore.toPerson(loaded.other()));
    }

    /**
     * Sets {@code role} to {@code person} (null clears it), replacing the contact {@code project} held when
     * read; the write fails if that changed meanwhile.
     */
    public void set(Caller caller, Project project, ContactRole role, Person person, Instant at) {
        String entry = project.id() + "#" + role.name();
        Map<String, String> names = new HashMap<>(ProjectGuard.names(caller));
        names.put("#role", role.name());
        Map<String, AttributeValue> values = new HashMap<>(ProjectGuard.values());
        ClientContact previous = project.clientContacts().get(role);
        String condition = ProjectGuard.CONDITION + (previous == null
                ? " AND attribute_not_exists(contacts.#role)" : " AND contacts.#role.personId = :current");
        if (previous != null) {
            values.put(":current", AttributeValue.fromS(previous.personId()));
        }
        String update;
        if (person == null) {
            update = "REMOVE contacts.#role";
        } else {
            update = "SET contacts.#role = :person";
            values.put(":person", AttributeValue.fromM(Map.of("personId", AttributeValue.fromS(person.id()),
                    "name", AttributeValue.fromS(person.name()))));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(ProjectStore.projectKey(project.orgId(), project.id()))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        if (person != null) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(DirectoryStore.personKey(project.orgId(), person.id()))
                    .updateExpression("ADD contactOf :entry")
                    .conditionExpression("attribute_exists(pk) AND licence <> :none")
                    .expressionAttributeValues(Map.of(":entry", AttributeValue.fromSs(List.of(entry)),
                            ":none", AttributeValue.fromS("NONE")))
                    .build()).build());
        }
        if (previous != null && (person == null || !previous.personId().equals(person.id()))) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(DirectoryStore.personKey(project.orgId(), previous.personId()))
                    .updateExpression("DELETE contactOf :entry")
                    .expressionAttributeValues(Map.of(":entry", AttributeValue.fromSs(List.of(entry))))
                    .build()).build());
        }
        writes.add(TransactWriteItem.builder().put(projects.historyPut(project, caller, at,
                Ids.newId(at), 0, "clientContacts." + role.apiName(),
                Attrs.of(previous == null ? null : ref(previous.personId(), previous.nameWhenSet())),
                Attrs.of(person == null ? null : ref(person.id(), person.name())))).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw explain(e, caller, project, person);
        }
    }

    /** A person as the history shows them: id and name at the time of the change. */
    private static Map<String, String> ref(String personId, String name) {
        Map<String, String> ref = new LinkedHashMap<>();
        ref.put("personId", personId);
        ref.put("name", name);
        return ref;
    }

    private ProblemException explain(TransactionCanceledException e, Caller caller, Project project, Person person) {
        List<CancellationReason> reasons = e.cancellationReasons();
        boolean personRefused = person != null && reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code());
        if (personRefused) {
            Person now = directory.find(project.orgId(), person.id())
                    .orElseThrow(() -> ProblemException.invalid(FieldError.of("personId", "UNKNOWN_PERSON"))).person();
            Directory.requireMayBeClientContact(now);
        }
        return ProjectGuard.explain(() -> projects.find(project.orgId(), project.id()), caller);
    }
}
