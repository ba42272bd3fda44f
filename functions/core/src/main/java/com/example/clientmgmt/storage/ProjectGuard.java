package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.ProjectState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes {@link ProjectAccess#requireChange} hold inside the write itself: every write transaction carries
 * a condition on the project item (exists, caller is ADMIN, not CLOSED), so a write costs one round trip
 * and cannot slip past a concurrent close or demotion. When DynamoDB refuses, the project is handed to
 * the same domain rule, which names the reason (404, 403 or 409).
 */
public final class ProjectGuard {
    private ProjectGuard() {}

    public static final String CONDITION =
            "attribute_exists(pk) AND members.#caller = :admin AND #state <> :closed";

    /** Names and values the {@link #CONDITION} uses; merge them into the guarded operation's own. */
    public static Map<String, String> names(Caller caller) {
        return Map.of("#caller", caller.userId(), "#state", "state");
    }

    public static Map<String, AttributeValue> values() {
        return Map.of(":admin", AttributeValue.fromS(Permission.ADMIN.name()),
                ":closed", AttributeValue.fromS(ProjectState.CLOSED.name()));
    }

    /** A condition check on the project item, for transactions that do not update the project itself. */
    public static TransactWriteItem check(String table, Caller caller, String projectId) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table)
                .key(ProjectStore.projectKey(caller.orgId(), projectId))
                .conditionExpression(CONDITION)
                .expressionAttributeNames(names(caller))
                .expressionAttributeValues(values())
                .build()).build();
    }

    /**
     * Explains a refused guarded transaction: the project is read as it is now and handed to the domain
     * rule, which throws the right refusal (404, 403 or 409 PROJECT_CLOSED). When the rule finds nothing
     * wrong any more, the project changed under us: a conflict the client may retry.
     */
    public static ProblemException explain(Supplier<Optional<Project>> current, Caller caller) {
        ProjectAccess.requireChange(current.get().orElse(null), caller);
        return new ProblemException(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", List.of(), List.of());
    }
}
