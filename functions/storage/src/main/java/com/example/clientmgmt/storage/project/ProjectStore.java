package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldChange;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.BatchReads;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.reminders.ReminderMoveItem;
import com.example.clientmgmt.storage.reminders.ReminderParking;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Projects: create one, read one or several, change the admin info. A project item holds the members'
 * permissions, so reading it is the permission check (one request). Members are {@link MembershipStore}'s,
 * the history is {@link HistoryLog}'s.
 */
@Singleton
public class ProjectStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final HistoryLog history;

    public ProjectStore(DynamoDbClient dynamo, TableConfig table, HistoryLog history) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.history = history;
    }

    /** Thrown when the admin info changed between our read and our write (the version moved on). */
    public static final class StaleVersion extends RuntimeException {
        public StaleVersion() {
            super(null, null, false, false);
        }
    }

    /** Stores a new project and its members' memberships (its creator, ADMIN) in one transaction. */
    public void create(Project project) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ProjectItem.item(project))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        project.members().forEach((user, permission) -> writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table).item(MembershipItem.item(project.orgId(), project.id(), user, permission)).build()).build()));
        dynamo.transactWriteItems(b -> b.transactItems(writes));
    }

    /** The project as stored now (strongly consistent), or empty when it does not exist in this organization. */
    public Optional<Project> find(String orgId, String projectId) {
        if (!Ids.isWellFormed(projectId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(ProjectItem.key(orgId, projectId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ProjectItem.toProject(item));
    }

    /** Several projects, of one or several organizations (BatchGetItem per 100); missing ones are absent. */
    public Map<ProjectRef, Project> findAll(Set<ProjectRef> refs) {
        Map<ProjectRef, Project> found = new HashMap<>();
        BatchReads.getAll(dynamo, table, refs.stream().map(r -> ProjectItem.key(r.orgId(), r.projectId())).toList())
                .stream().map(ProjectItem::toProject).forEach(p -> found.put(ProjectRef.of(p), p));
        return found;
    }

    /**
     * Writes an admin-info update and its history in one transaction, only if the project is still at the
     * version read and the caller still ADMIN; otherwise {@link StaleVersion} (the caller re-reads and decides).
     * A change that closes or reopens the project ({@link AdminInfo.Update#reminderMove}) also marks its reminders to
     * move ({@link ReminderParking}).
     */
    public void updateAdminInfo(Project before, Caller caller, AdminInfo.Update update, Instant at) {
        Expressions e = new Expressions();
        Map<String, AttributeValue> after = ProjectItem.adminInfo(update.after());
        for (FieldChange change : update.changes()) {
            e.set(change.field(), after.get(change.field()));
            if (change.field().equals(AdminInfo.CLIENT_COMPANY_NAME)) {
                e.set(ProjectItem.SEARCH, ProjectItem.search(before.name(), update.after().clientCompanyName()));
            }
        }
        // the write holds the version read, so the project after it is exactly this one, one version on
        e.increment(ProjectItem.VERSION)
                .set(ProjectItem.LIMITED_VERSION, Attrs.n(before.withAdminInfo(update.after()).limitedVersion()))
                .condition(e.name(ProjectItem.VERSION) + " = " + e.value(Attrs.n(before.version())));
        ProjectGuard.callerIsAdmin(e, caller);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(e.transactUpdate(table, ProjectItem.key(before.orgId(), before.id())));
        HistoryLog.Change recorded = history.change(ProjectRef.of(before), caller, at);
        update.changes().forEach(change -> writes.add(recorded.entry(change)));
        // its reminders must leave (or come back to) the due index: the mark says so until ReminderParking is done
        update.reminderMove().ifPresent(move -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ReminderMoveItem.item(ProjectRef.of(before), move == AdminInfo.ReminderMove.OUT_OF_THE_DUE_INDEX, at))
                .build()).build()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException stale) {
            throw new StaleVersion();
        }
    }
}
