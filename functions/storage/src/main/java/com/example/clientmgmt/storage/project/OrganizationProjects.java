package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.SearchText;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every project of an organization, newest first, for its organization admins: one query of the organization's
 * partition of index Lookup ({@code lpk = ORG#o#PROJECTS}), filtered on the asked states and on the text query
 * (every word of it starts a word of the project's or the client's name, case and accents aside). Never a scan.
 */
@Singleton
public class OrganizationProjects {
    /** How many index pages one request may read to fill a page when the filters leave pages short. */
    static final int MAX_ROUNDS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    public OrganizationProjects(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /**
     * A page of the organization's projects in {@code states} matching {@code text} (null or blank: all). Each
     * round asks the index for no more items than the page still lacks, so a page never overflows and the
     * cursor is simply the last project examined; a page may be short (even empty) with a cursor when the
     * filters matched little of what was read: follow {@code nextCursor} until it is null.
     */
    public Page<Project> list(String orgId, Set<ProjectState> states, String text, String cursor, int limit) {
        String after = Cursor.decode(cursor, Ids::isWellFormed);
        List<String> words = List.copyOf(SearchText.words(text == null ? "" : text));
        List<Project> items = new ArrayList<>();
        boolean more = true;
        for (int round = 0; round < MAX_ROUNDS && more && items.size() < limit; round++) {
            QueryResponse response = dynamo.query(query(orgId, states, words, after, limit - items.size()));
            response.items().stream().map(ProjectItem::toProject).forEach(items::add);
            more = Queries.hasMore(response);
            if (more) {
                after = Attrs.str(response.lastEvaluatedKey(), Keys.LOOKUP_SK);
            }
        }
        return new Page<>(items, more && after != null ? Cursor.encode(after) : null);
    }

    private QueryRequest query(String orgId, Set<ProjectState> states, List<String> words, String after, int limit) {
        Expressions e = new Expressions();
        String partition = e.name(Keys.LOOKUP_PK) + " = " + e.value(AttributeValue.fromS(Keys.organizationProjectsPk(orgId)));
        List<String> stateValues = states.stream().sorted().map(s -> e.value(AttributeValue.fromS(s.name()))).toList();
        e.condition(e.name(ProjectItem.STATE) + " IN (" + String.join(", ", stateValues) + ")");
        for (String word : words) {
            e.condition("contains(" + e.name(ProjectItem.SEARCH) + ", " + e.value(AttributeValue.fromS(" " + word)) + ")");
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression(partition)
                .filterExpression(e.conditionExpression())
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .scanIndexForward(false)
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(ProjectItem.organizationIndexKey(orgId, after));
        }
        return query.build();
    }
}
