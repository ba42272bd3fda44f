package com.example.clientmgmt.storage.requirements;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectRequirements;
import com.example.clientmgmt.domain.RequirementTemplate;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectGuard;
import com.example.clientmgmt.storage.project.ProjectReads;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A project's stored requirements and the organization's requirement templates: their reads, and their writes as the
 * domain decided them ({@link ProjectRequirements.Decision}, {@link RequirementTemplate#replace}), each conditioned on
 * the version read. A project's are written guarded ({@link ProjectGuard}: ADMIN, not closed) with their history.
 */
@Singleton
public class RequirementStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectReads reads;
    private final HistoryLog history;

    public RequirementStore(DynamoDbClient dynamo, TableConfig table, ProjectReads reads, HistoryLog history) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.reads = reads;
        this.history = history;
    }

    /** A project (null: none) and its stored requirements, in one request. */
    public record Loaded(Project project, ProjectRequirements requirements) {}

    public Loaded load(String orgId, String projectId) {
        ProjectReads.ProjectAnd read = reads.projectAnd(orgId, projectId, RequirementsItem.key(orgId, projectId));
        return new Loaded(read.project(), RequirementsItem.toRequirements(read.other()));
    }

    /**
     * Writes a decided change of {@code project}'s requirements with its history, in one transaction: the project still
     * changeable by the caller, the requirements still at the version read (else 409 CONCURRENT_CHANGE).
     */
    public void write(Caller caller, ProjectRef project, ProjectRequirements.Decision decision, Instant at) {
        Put.Builder put = atVersion(Put.builder().tableName(table)
                .item(RequirementsItem.item(project.orgId(), project.projectId(), decision.after())),
                RequirementsItem.VERSION, decision.before().version());
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, project.projectId()));
        writes.add(TransactWriteItem.builder().put(put.build()).build());
        HistoryLog.Change change = history.change(project, caller, at);
        decision.history().forEach(line -> writes.add(change.entry(line)));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            throw ProjectGuard.explain(refused, 0, caller);
        }
    }

    /** The organization's templates and their version (0: none ever written), strongly consistent. */
    public record Templates(List<RequirementTemplate> templates, long version) {}

    public Templates templates(String orgId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TemplatesItem.key(orgId)).consistentRead(true)).item();
        return new Templates(TemplatesItem.toTemplates(item), TemplatesItem.version(item));
    }

    /** Replaces the organization's templates, if still at {@code readVersion} (else 409 CONCURRENT_CHANGE). */
    public void replaceTemplates(String orgId, List<RequirementTemplate> templates, long readVersion) {
        Put put = atVersion(Put.builder().tableName(table).item(TemplatesItem.item(orgId, templates, readVersion + 1)),
                TemplatesItem.VERSION, readVersion).build();
        try {
            dynamo.putItem(b -> b.tableName(table).item(put.item()).conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames()).expressionAttributeValues(put.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException stale) {
            throw ProblemException.concurrentChange();
        }
    }

    /** The condition "still at version {@code read}" (0: "never written"). */
    private static Put.Builder atVersion(Put.Builder put, String versionAttribute, long read) {
        if (read == 0) {
            return put.conditionExpression("attribute_not_exists(pk)");
        }
        return put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", versionAttribute))
                .expressionAttributeValues(Map.of(":v", Attrs.n(read)));
    }
}
