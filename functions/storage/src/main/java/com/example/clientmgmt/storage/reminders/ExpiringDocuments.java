package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.SortKeyRange;
import com.example.clientmgmt.storage.documents.DocumentItem;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organization's documents that expire, soonest first: one page of the shared Lookup index
 * ({@code lpk = ORG#o#EXPIRING}, {@code lsk = expiresOn#project#document}, see {@link DocumentItem#expiring}).
 */
@Singleton
public class ExpiringDocuments {
    private final DynamoDbClient dynamo;
    private final String table;

    public ExpiringDocuments(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** A document of the expiring list, with its project's name. */
    public record Expiring(AdminDocument document, String projectName) {}

    /**
     * The organization's documents whose expiry date is before {@code before} (already expired ones
     * included), soonest first, one page of the Lookup index; only those of {@code onlyProjects} when given
     * (a filter on the same query, so a page may come back shorter than {@code limit}: follow its cursor).
     */
    public Page<Expiring> expiring(String orgId, LocalDate before, Set<String> onlyProjects, String cursor, int limit) {
        // a cursor of a wider list (another withinDays) may point past this one's end: DynamoDB would refuse it
        String after = SortKeyRange.below(before.toString()).vet(Cursor.decode(cursor, ExpiringDocuments::isExpiringPosition));
        if (onlyProjects != null && onlyProjects.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.LOOKUP_PK, "#sk", Keys.LOOKUP_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":org", AttributeValue.fromS(Keys.expiringPk(orgId)),
                ":before", AttributeValue.fromS(before.toString())));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression("#pk = :org AND #sk < :before").limit(limit);
        boolean filterHere = onlyProjects != null && onlyProjects.size() > Queries.MAX_IN_VALUES;
        if (onlyProjects != null && !filterHere) {
            query.filterExpression(Queries.in("#project", onlyProjects, ":p", values));
            names.put("#project", "projectId");
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        if (after != null) {
            String[] parts = after.split("#");
            Map<String, AttributeValue> start = new HashMap<>(DocumentItem.key(orgId, parts[1], parts[2]));
            start.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.expiringPk(orgId)));
            start.put(Keys.LOOKUP_SK, AttributeValue.fromS(after));
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamo.query(query.build());
        List<Expiring> items = response.items().stream()
                .filter(i -> !filterHere || onlyProjects.contains(Attrs.str(i, "projectId")))
                .map(i -> new Expiring(DocumentItem.toDocument(i), DocumentItem.projectName(i))).toList();
        String next = Queries.hasMore(response) ? Cursor.encode(Attrs.str(response.lastEvaluatedKey(), Keys.LOOKUP_SK)) : null;
        return new Page<>(items, next);
    }

    private static boolean isExpiringPosition(String position) {
        String[] parts = position.split("#", -1);
        if (parts.length != 3 || !Ids.isWellFormed(parts[1]) || !Ids.isWellFormed(parts[2])) {
            return false;
        }
        try {
            LocalDate.parse(parts[0]);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
