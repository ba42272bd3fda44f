package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.BatchReads;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.SortKeyRange;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The reads that bring a project together with its children in one request, so that the permission
 * check costs nothing extra: "the project and a page of its history or documents" (one query over the
 * project's partition) and "the project and one other item" (one BatchGetItem).
 */
@Singleton
public class ProjectReads {
    private final DynamoDbClient dynamo;
    private final String table;

    public ProjectReads(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** A page of a project's child items (raw: the caller's codec maps them) with the project itself, if found. */
    public record Children(Optional<Project> project, List<Map<String, AttributeValue>> items, String nextCursor) {}

    /**
     * A page of the items whose sort key starts with {@code prefix} in a project's partition. The first page
     * costs one query: the children sort right next to the project item (history just below PROJECT,
     * newest first; documents just above, oldest first), so one key range returns the project, then the
     * children. Later pages read the project and the page (two requests).
     */
    public Children children(String orgId, String projectId, String prefix, boolean belowProject,
                      Predicate<String> validCursor, String cursor, int limit) {
        if (!Ids.isWellFormed(projectId)) {
            return new Children(Optional.empty(), List.of(), null);
        }
        String after = Cursor.decode(cursor, validCursor);
        Optional<Project> later = after == null ? Optional.empty() : project(orgId, projectId); // later pages: the project first
        Slice slice = slice(ProjectItem.key(orgId, projectId), prefix, belowProject, after, limit);
        Optional<Project> found = slice.parent() != null ? Optional.of(ProjectItem.toProject(slice.parent())) : later;
        return new Children(found, slice.items(), slice.nextCursor());
    }

    /** A page of a parent item's children: the parent as read (only on a first page, null when absent), the children and the next cursor. */
    record Slice(Map<String, AttributeValue> parent, List<Map<String, AttributeValue>> items, String nextCursor) {}

    /**
     * The children whose sort key starts with {@code prefix} in the partition of {@code parentKey}, sorted right below
     * ({@code below}: newest first, descending) or right above the parent item. Without {@code after} (a first page)
     * the key range includes the parent, so one query returns the parent, then the children; with it, the page
     * starts after that sort key and the parent is not read. Used for projects (history, documents) and for a
     * directory person's history.
     */
    Slice slice(Map<String, AttributeValue> parentKey, String prefix, boolean below, String after, int limit) {
        AttributeValue pk = parentKey.get(Keys.PK);
        AttributeValue parent = parentKey.get(Keys.SK);
        AttributeValue lastChild = AttributeValue.fromS(prefix + "\uffff");
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .scanIndexForward(!below)
                .consistentRead(true);
        if (after == null) {
            query.expressionAttributeValues(Map.of(":pk", pk,
                    ":from", below ? AttributeValue.fromS(prefix) : parent,
                    ":to", below ? parent : lastChild))
                    .limit(limit + 1);
        } else {
            SortKeyRange.between(prefix, lastChild.s()).vet(after);
            query.expressionAttributeValues(Map.of(":pk", pk, ":from", AttributeValue.fromS(prefix), ":to", lastChild))
                    .exclusiveStartKey(Map.of(Keys.PK, pk, Keys.SK, AttributeValue.fromS(after)))
                    .limit(limit);
        }
        QueryResponse response = dynamo.query(query.build());
        Map<String, AttributeValue> parentItem = null;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String last = null;
        for (Map<String, AttributeValue> item : response.items()) {
            if (parent.equals(item.get(Keys.SK))) {
                parentItem = item;
            } else {
                items.add(item);
                last = Attrs.str(item, Keys.SK);
            }
        }
        boolean more = Queries.hasMore(response) && last != null;
        return new Slice(parentItem, items, more ? Cursor.encode(last) : null);
    }

    /** A project and one other item of the organization, read together (either may be absent). */
    public record ProjectAnd(Project project, Map<String, AttributeValue> other) {}

    /** {@code otherKey} null: only the project. */
    public ProjectAnd projectAnd(String orgId, String projectId, Map<String, AttributeValue> otherKey) {
        if (!Ids.isWellFormed(projectId)) {
            return new ProjectAnd(null, null);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(ProjectItem.key(orgId, projectId));
        if (otherKey != null) {
            keys.add(otherKey);
        }
        Project project = null;
        Map<String, AttributeValue> other = null;
        for (Map<String, AttributeValue> item : BatchReads.getAll(dynamo, table, keys)) {
            if (ProjectItem.isProject(item)) {
                project = ProjectItem.toProject(item);
            } else {
                other = item;
            }
        }
        return new ProjectAnd(project, other);
    }

    /** The project alone (strongly consistent), for later pages. */
    private Optional<Project> project(String orgId, String projectId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(ProjectItem.key(orgId, projectId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ProjectItem.toProject(item));
    }
}
