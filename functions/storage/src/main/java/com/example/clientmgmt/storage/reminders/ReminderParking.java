package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.project.ProjectGuard;
import com.example.clientmgmt.storage.project.ProjectItem;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A closed project's reminders leave the due index, and come back when it reopens, due exactly when they were
 * (overdue ones then fire on the next run). The state change writes a {@link ReminderMoveItem} in its own
 * transaction; {@link #settle} then moves the reminders in steps, each one transaction (at most {@link #MAX_STEP}
 * documents: {@code reminders.move-step}) that also checks the project is still in the state it moves them for — so a
 * close and a reopen racing each other cannot leave a reminder parked on an open project or due on a closed one: the
 * step of the older change fails its check and stops, the newer change's own settle (or the tick, from its mark)
 * finishes. Moving is
 * idempotent (a reminder is one attribute of its document, never copied), so a step done twice changes nothing and
 * nothing can be doubled; a request that dies half way leaves the mark, which the reminder tick picks up.
 */
@Singleton
public class ReminderParking {
    /** Documents per step at most: a transaction holds at most 100 items, one of which is the project's check. */
    static final int MAX_STEP = 99;
    /** Rounds of reading and moving when documents change under a step (a reminder fired or re-armed meanwhile). */
    static final int ROUNDS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectStore projects;

    private final int step;
    private final DueShards shards;

    public ReminderParking(DynamoDbClient dynamo, TableConfig table, ProjectStore projects,
                           @Value("${reminders.move-step}") int step, DueShards shards) {
        if (step < 1 || step > MAX_STEP) {
            throw new IllegalArgumentException("reminders.move-step must be 1.." + MAX_STEP + ", not " + step);
        }
        this.dynamo = dynamo;
        this.table = table.name();
        this.projects = projects;
        this.step = step;
        this.shards = shards;
    }

    /** What {@link #settle} did: how many reminders it moved, and whether the project is settled (its mark gone). */
    public record Settled(int moved, boolean done) {}

    /**
     * Moves the project's reminders to match its state as it is now: out of the due index when it is closed, back
     * in when it is open; then removes the project's mark, if it was written for this state.
     */
    public Settled settle(ProjectRef ref) {
        int moved = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Project> project = projects.find(ref.orgId(), ref.projectId());
            if (project.isEmpty()) {
                return new Settled(moved, true);
            }
            boolean closed = project.get().state().isClosed();
            List<String> documents = toMove(ref, closed);
            boolean complete = true;
            for (int from = 0; from < documents.size() && complete; from += step) {
                List<String> part = documents.subList(from, Math.min(documents.size(), from + step));
                try {
                    dynamo.transactWriteItems(b -> b.transactItems(step(ref, closed, part)));
                    moved += part.size();
                } catch (TransactionCanceledException refused) {
                    if (ProjectGuard.refusedAt(refused, 0)) {
                        // the project was reopened or closed again meanwhile: that change moves them
                        return new Settled(moved, false);
                    }
                    complete = false; // a document changed under this step: read again
                }
            }
            if (complete) {
                unmark(ref, closed);
                return new Settled(moved, true);
            }
        }
        return new Settled(moved, false);
    }

    /** The projects whose mark was written at or before {@code before}: their request died (or is very slow). */
    public List<ProjectRef> unsettled(Instant before) {
        List<ProjectRef> refs = new ArrayList<>();
        for (List<ProjectRef> page : Queries.pages(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression("lpk = :p AND lsk <= :before")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.MOVING_REMINDERS),
                        ":before", AttributeValue.fromS(ReminderMoveItem.writtenBy(before))))
                .build(), ReminderMoveItem::project)) {
            refs.addAll(page);
        }
        return refs;
    }

    private List<String> toMove(ProjectRef ref, boolean closed) {
        Expressions e = new Expressions();
        String key = e.name(Keys.PK) + " = " + e.value(AttributeValue.fromS(Keys.projectPk(ref.orgId(), ref.projectId())))
                + " AND begins_with(" + e.name(Keys.SK) + ", " + e.value(AttributeValue.fromS(DocumentItem.prefix())) + ")";
        String filter = ReminderItem.toMove(e, closed);
        List<String> ids = new ArrayList<>();
        for (List<String> page : Queries.pages(dynamo, QueryRequest.builder().tableName(table)
                .keyConditionExpression(key).filterExpression(filter).projectionExpression(e.name(Keys.SK))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .consistentRead(true).build(), DocumentItem::idOf)) {
            ids.addAll(page);
        }
        return ids;
    }

    private List<TransactWriteItem> step(ProjectRef ref, boolean closed, List<String> documentIds) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Expressions check = new Expressions();
        String state = check.name(ProjectItem.STATE) + (closed ? " = " : " <> ")
                + check.value(AttributeValue.fromS(ProjectState.CLOSED.name()));
        writes.add(check.condition(state).transactCheck(table, ProjectItem.key(ref.orgId(), ref.projectId())));
        for (String id : documentIds) {
            Expressions e = closed ? ReminderItem.park(new Expressions()) : ReminderItem.unpark(new Expressions(), shards.of(id));
            writes.add(e.transactUpdate(table, DocumentItem.key(ref.orgId(), ref.projectId(), id)));
        }
        return writes;
    }

    /** Removes the project's mark if it was written for this state (a newer change's mark stays). */
    private void unmark(ProjectRef ref, boolean closed) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(ReminderMoveItem.key(ref.orgId(), ref.projectId()))
                    .conditionExpression("#t = :t")
                    .expressionAttributeNames(Map.of("#t", ReminderMoveItem.TARGET))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(ReminderMoveItem.target(closed)))));
        } catch (ConditionalCheckFailedException noneOrNewer) {
            // no mark (a project closed before marks existed, or already settled), or one of a newer change
        }
    }
}
