package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ClientContact;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.ProjectState;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * All table access for the project aggregate: the project item (name, admin info, members' permissions),
 * membership items (for "my projects") and admin history. Reads of one project cost one request; writes
 * are one transaction guarded by {@link ProjectGuard} or by the admin-info version.
 */
@Singleton
public class ProjectStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public ProjectStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** One page of a list, with the opaque cursor of the next page (null on the last). */
    public record Page<T>(List<T> items, String nextCursor) {}

    /** Thrown when the admin info changed between our read and our write (the version moved on). */
    public static final class StaleVersion extends RuntimeException {
        public StaleVersion() {
            super(null, null, false, false);
        }
    }

    public static Map<String, AttributeValue> projectKey(String orgId, String projectId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.projectPk(orgId, projectId)),
                Keys.SK, AttributeValue.fromS(Keys.PROJECT));
    }

    /** Stores a new project and makes its creator ADMIN, in one transaction. */
    public void create(Project project) {
        Map<String, AttributeValue> item = new HashMap<>(projectKey(project.orgId(), project.id()));
        item.put("type", AttributeValue.fromS("Project"));
        item.put("orgId", AttributeValue.fromS(project.orgId()));
        item.put("id", AttributeValue.fromS(project.id()));
        item.put("name", AttributeValue.fromS(project.name()));
        item.put("version", Attrs.n(project.version()));
        item.put("createdAt", AttributeValue.fromS(project.createdAt().toString()));
        item.put("createdBy", AttributeValue.fromS(project.createdBy()));
        Map<String, AttributeValue> members = new HashMap<>();
        project.members().forEach((user, permission) -> members.put(user, AttributeValue.fromS(permission.name())));
        item.put("members", AttributeValue.fromM(members));
        item.put("contacts", AttributeValue.fromM(Map.of()));
        adminInfoAttributes(project.adminInfo()).forEach((name, value) -> {
            if (value != null) {
                item.put(name, value);
            }
        });
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        project.members().forEach((user, permission) ->
                writes.add(TransactWriteItem.builder().put(membershipPut(project.orgId(), project.id(), user, permission)).build()));
        dynamo.transactWriteItems(b -> b.transactItems(writes));
    }

    /** The project as stored now (strongly consistent), or empty when it does not exist in this organization. */
    public Optional<Project> find(String orgId, String projectId) {
        if (!Ids.isWellFormed(projectId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(projectKey(orgId, projectId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toProject(item));
    }

    /** How many membership pages one list request may read to fill a page of projects in the asked states. */
    static final int MAX_ROUNDS = 5;

    /**
     * The caller's projects in the given states, newest first: a query of the caller's memberships (GSI1)
     * and one batch read of those projects, repeated (at most {@link #MAX_ROUNDS} times) while projects
     * in other states leave the page short. {@code nextCursor} says whether more may follow.
     */
    public Page<Project> listForUser(Caller caller, Set<ProjectState> states, String cursor, int limit) {
        String lastExamined = Cursor.decode(cursor, Ids::isWellFormed);
        List<Project> items = new ArrayList<>();
        boolean more = true;
        for (int round = 0; round < MAX_ROUNDS && more && items.size() < limit; round++) {
            QueryResponse memberships = dynamo.query(membershipsAfter(caller, lastExamined, limit));
            List<String> ids = memberships.items().stream().map(i -> i.get(Keys.GSI1_SK).s()).toList();
            Map<String, Project> byId = new HashMap<>();
            BatchReads.getAll(dynamo, table, ids.stream().map(id -> projectKey(caller.orgId(), id)).toList())
                    .forEach(i -> byId.put(Attrs.str(i, "id"), toProject(i)));
            int examined = 0;
            for (String id : ids) {
                if (items.size() == limit) {
                    break;
                }
                examined++;
                lastExamined = id;
                Project project = byId.get(id);
                if (project != null && states.contains(project.state())) {
                    items.add(project);
                }
            }
            more = examined < ids.size() || (memberships.hasLastEvaluatedKey() && !memberships.lastEvaluatedKey().isEmpty());
        }
        return new Page<>(items, more && lastExamined != null ? Cursor.encode(lastExamined) : null);
    }

    private QueryRequest membershipsAfter(Caller caller, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(Keys.userPk(caller.orgId(), caller.userId()))))
                .scanIndexForward(false)
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.projectPk(caller.orgId(), after)),
                    Keys.SK, AttributeValue.fromS(Keys.memberSk(caller.userId())),
                    Keys.GSI1_PK, AttributeValue.fromS(Keys.userPk(caller.orgId(), caller.userId())),
                    Keys.GSI1_SK, AttributeValue.fromS(after)));
        }
        return query.build();
    }

    /**
     * True when the caller is ADMIN of at least one project of their organization (such users may add
     * people to the directory and give the free licence). Reads the caller's memberships on index ByUser.
     */
    public boolean isAdminOfAnyProject(Caller caller) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("gsi1pk = :u")
                    .filterExpression("#p = :admin")
                    .expressionAttributeNames(Map.of("#p", "permission"))
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(Keys.userPk(caller.orgId(), caller.userId())),
                            ":admin", AttributeValue.fromS(Permission.ADMIN.name())));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            if (!response.items().isEmpty()) {
                return true;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return false;
    }

    /** Several projects of possibly several organizations, keyed by {@code orgId/projectId} (BatchGetItem per 100). */
    public Map<String, Project> findAll(Set<Map.Entry<String, String>> orgAndProjectIds) {
        Map<String, Project> found = new HashMap<>();
        BatchReads.getAll(dynamo, table, orgAndProjectIds.stream().map(e -> projectKey(e.getKey(), e.getValue())).toList())
                .forEach(i -> found.put(Attrs.str(i, "orgId") + "/" + Attrs.str(i, "id"), toProject(i)));
        return found;
    }

    /**
     * Writes an admin-info update and its history in one transaction, only if the admin info is still at
     * {@code expectedVersion} and the caller is still ADMIN; otherwise {@link StaleVersion}.
     */
    public void updateAdminInfo(Project before, Caller caller, AdminInfo.Update update, Instant at) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        Map<String, AttributeValue> after = adminInfoAttributes(update.after());
        for (AdminInfo.FieldChange change : update.changes()) {
            String name = "#" + change.field();
            names.put(name, change.field());
            AttributeValue value = after.get(change.field());
            if (value == null) {
                removes.add(name);
            } else {
                values.put(":" + change.field(), value);
                sets.add(name + " = :" + change.field());
            }
        }
        sets.add("version = version + :one");
        values.put(":one", Attrs.n(1));
        values.put(":expected", Attrs.n(before.version()));
        values.put(":admin", AttributeValue.fromS(Permission.ADMIN.name()));
        names.put("#caller", caller.userId());
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(projectKey(before.orgId(), before.id()))
                .updateExpression(expression)
                .conditionExpression("version = :expected AND members.#caller = :admin")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build());
        int index = 0;
        String changeId = Ids.newId(at);
        for (AdminInfo.FieldChange change : update.changes()) {
            writes.add(TransactWriteItem.builder().put(historyPut(before, caller, at, changeId, index++,
                    change.field(), Attrs.of(change.from()), Attrs.of(change.to()))).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw new StaleVersion();
        }
    }

    /**
     * Sets (or, with NONE, removes) a user's permission on a project: the project's permission map and the
     * user's membership item change together, guarded by {@link ProjectGuard}.
     */
    public void setMember(Caller caller, String projectId, String userId, Permission permission) {
        if (!Ids.isWellFormed(projectId)) {
            ProjectAccess.requireChange(null, caller);
        }
        Map<String, String> names = new HashMap<>(ProjectGuard.names(caller));
        names.put("#target", userId);
        Map<String, AttributeValue> values = new HashMap<>(ProjectGuard.values());
        String expression;
        TransactWriteItem membership;
        if (permission == Permission.NONE) {
            expression = "REMOVE members.#target";
            membership = TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.projectPk(caller.orgId(), projectId)),
                    Keys.SK, AttributeValue.fromS(Keys.memberSk(userId)))).build()).build();
        } else {
            expression = "SET members.#target = :permission";
            values.put(":permission", AttributeValue.fromS(permission.name()));
            membership = TransactWriteItem.builder().put(membershipPut(caller.orgId(), projectId, userId, permission)).build();
        }
        Update update = Update.builder().tableName(table).key(projectKey(caller.orgId(), projectId))
                .updateExpression(expression)
                .conditionExpression(ProjectGuard.CONDITION)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(update).build(), membership));
        } catch (TransactionCanceledException e) {
            throw ProjectGuard.explain(() -> find(caller.orgId(), projectId), caller);
        }
    }

    /** A page of admin history (newest first) with the project it belongs to, for the permission check. */
    public record HistoryPage(Optional<Project> project, Page<HistoryEntry> page) {}

    public HistoryPage history(String orgId, String projectId, String cursor, int limit) {
        Children children = children(orgId, projectId, Keys.HISTORY_PREFIX, true,
                c -> c.startsWith(Keys.HISTORY_PREFIX) && c.length() < 200, cursor, limit);
        return new HistoryPage(children.project(), new Page<>(children.items().stream()
                .map(i -> new HistoryEntry(Attrs.instant(i, "at"), Attrs.str(i, "by"), Attrs.str(i, "field"),
                        Attrs.toJsonValue(i.get("from")), Attrs.toJsonValue(i.get("to"))))
                .toList(), children.nextCursor()));
    }

    /** A page of a project's child items (history, documents) with the project itself, for the permission check. */
    record Children(Optional<Project> project, List<Map<String, AttributeValue>> items, String nextCursor) {}

    /**
     * A page of the items whose sort key starts with {@code prefix} in a project's partition. The first page
     * costs one query: the children sort right next to the project item (history just below PROJECT,
     * newest first; documents just above, oldest first), so one key range returns the project, then the
     * children. Later pages read the project and the page (two requests).
     */
    Children children(String orgId, String projectId, String prefix, boolean belowProject,
                      Predicate<String> validCursor, String cursor, int limit) {
        if (!Ids.isWellFormed(projectId)) {
            return new Children(Optional.empty(), List.of(), null);
        }
        String after = Cursor.decode(cursor, validCursor);
        String pk = Keys.projectPk(orgId, projectId);
        String lastChild = prefix + "\uffff";
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .scanIndexForward(!belowProject)
                .consistentRead(true);
        Optional<Project> project = Optional.empty();
        if (after == null) {
            query.expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                    ":from", AttributeValue.fromS(belowProject ? prefix : Keys.PROJECT),
                    ":to", AttributeValue.fromS(belowProject ? Keys.PROJECT : lastChild)))
                    .limit(limit + 1);
        } else {
            project = find(orgId, projectId);
            query.expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                    ":from", AttributeValue.fromS(prefix), ":to", AttributeValue.fromS(lastChild)))
                    .exclusiveStartKey(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(after)))
                    .limit(limit);
        }
        QueryResponse response = dynamo.query(query.build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String last = null;
        for (Map<String, AttributeValue> item : response.items()) {
            String sk = Attrs.str(item, Keys.SK);
            if (Keys.PROJECT.equals(sk)) {
                project = Optional.of(toProject(item));
            } else {
                items.add(item);
                last = sk;
            }
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && last != null;
        return new Children(project, items, more ? Cursor.encode(last) : null);
    }

    /** A project and one other item of the organization, read together in one BatchGetItem (either may be absent). */
    record ProjectAnd(Project project, Map<String, AttributeValue> other) {}

    /** {@code otherKey} null: only the project. */
    ProjectAnd loadWith(String orgId, String projectId, Map<String, AttributeValue> otherKey) {
        if (!Ids.isWellFormed(projectId)) {
            return new ProjectAnd(null, null);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(projectKey(orgId, projectId));
        if (otherKey != null) {
            keys.add(otherKey);
        }
        Project project = null;
        Map<String, AttributeValue> other = null;
        for (Map<String, AttributeValue> item : BatchReads.getAll(dynamo, table, keys)) {
            if (Keys.PROJECT.equals(Attrs.str(item, Keys.SK))) {
                project = toProject(item);
            } else {
                other = item;
            }
        }
        return new ProjectAnd(project, other);
    }

    /**
     * A history item for one changed field; other aggregates (contacts, documents) record theirs here too.
     * The fields of one change share {@code changeId} and keep their order through {@code index}.
     */
    public Put historyPut(Project project, Caller caller, Instant at, String changeId, int index, String field,
                          AttributeValue from, AttributeValue to) {
        return historyPut(project.orgId(), project.id(), caller, at, changeId, index, field, from, to);
    }

    public Put historyPut(String orgId, String projectId, Caller caller, Instant at, String changeId, int index, String field,
                          AttributeValue from, AttributeValue to) {
        String sk = String.format("%s%013d#%s#%02d", Keys.HISTORY_PREFIX, at.toEpochMilli(), changeId, 99 - index);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.projectPk(orgId, projectId)));
        item.put(Keys.SK, AttributeValue.fromS(sk));
        item.put("type", AttributeValue.fromS("History"));
        item.put("at", AttributeValue.fromS(at.toString()));
        item.put("by", AttributeValue.fromS(caller.userId()));
        item.put("field", AttributeValue.fromS(field));
        item.put("from", from);
        item.put("to", to);
        return Put.builder().tableName(table).item(item).build();
    }

    private Put membershipPut(String orgId, String projectId, String userId, Permission permission) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.projectPk(orgId, projectId)));
        item.put(Keys.SK, AttributeValue.fromS(Keys.memberSk(userId)));
        item.put(Keys.GSI1_PK, AttributeValue.fromS(Keys.userPk(orgId, userId)));
        item.put(Keys.GSI1_SK, AttributeValue.fromS(projectId));
        item.put("type", AttributeValue.fromS("Membership"));
        item.put("permission", AttributeValue.fromS(permission.name()));
        return Put.builder().tableName(table).item(item).build();
    }

    /** Admin-info fields as attributes; an empty field has no attribute (null in the map means "remove"). */
    private static Map<String, AttributeValue> adminInfoAttributes(AdminInfo info) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        out.put(AdminInfo.CLIENT_COMPANY_NAME, info.clientCompanyName() == null ? null : AttributeValue.fromS(info.clientCompanyName()));
        out.put(AdminInfo.SUBMISSION_DEADLINE, dateAttr(info.submissionDeadline()));
        out.put(AdminInfo.START_DATE, dateAttr(info.startDate()));
        out.put(AdminInfo.END_DATE, dateAttr(info.endDate()));
        out.put(AdminInfo.STATE, AttributeValue.fromS(info.state().name()));
        out.put(AdminInfo.ESTIMATED_BUDGET, info.estimatedBudget() == null ? null : Attrs.of(info.estimatedBudget()));
        return out;
    }

    private static AttributeValue dateAttr(java.time.LocalDate date) {
        return date == null ? null : AttributeValue.fromS(date.toString());
    }

    static Project toProject(Map<String, AttributeValue> item) {
        Map<String, Permission> members = new HashMap<>();
        AttributeValue m = item.get("members");
        if (m != null && m.hasM()) {
            m.m().forEach((user, p) -> members.put(user, Permission.valueOf(p.s())));
        }
        Map<ContactRole, ClientContact> contacts = new HashMap<>();
        AttributeValue c = item.get("contacts");
        if (c != null && c.hasM()) {
            c.m().forEach((role, contact) -> contacts.put(ContactRole.valueOf(role),
                    new ClientContact(contact.m().get("personId").s(), contact.m().get("name").s())));
        }
        Money budget = Attrs.money(item.get(AdminInfo.ESTIMATED_BUDGET));
        AdminInfo info = new AdminInfo(Attrs.str(item, AdminInfo.CLIENT_COMPANY_NAME),
                Attrs.date(item, AdminInfo.SUBMISSION_DEADLINE), Attrs.date(item, AdminInfo.START_DATE),
                Attrs.date(item, AdminInfo.END_DATE), ProjectState.valueOf(Attrs.str(item, AdminInfo.STATE)), budget);
        return new Project(Attrs.str(item, "orgId"), Attrs.str(item, "id"), Attrs.str(item, "name"), info,
                Attrs.num(item, "version"), members, contacts, Attrs.instant(item, "createdAt"), Attrs.str(item, "createdBy"));
    }
}
