package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;

/**
 * Makes {@link ProjectAccess#requireChange} hold inside the write itself: every write transaction carries
 * a condition on the project item (exists, caller is ADMIN or an organization admin, not CLOSED), so a write costs one round trip
 * and cannot slip past a concurrent close or demotion. When DynamoDB refuses, the project as it was
 * (returned with the refusal) is handed to the same domain rule, which names the reason (404, 403 or
 * 409 PROJECT_CLOSED).
 */
public final class ProjectGuard {
    private ProjectGuard() {}

    /** Adds the guard's conditions on the project item to {@code e}. */
    public static Expressions guard(Expressions e, Caller caller) {
        e.condition("attribute_exists(" + e.name(Keys.PK) + ")");
        return callerIsAdmin(e, caller)
                .condition(e.name(ProjectItem.STATE) + " <> " + e.value(AttributeValue.fromS(ProjectState.CLOSED.name())));
    }

    /**
     * The condition "the caller is still ADMIN here": a member's permission in the project item; none for an
     * organization admin, who is ADMIN on every project of their organization (the key is theirs).
     */
    static Expressions callerIsAdmin(Expressions e, Caller caller) {
        return caller.orgAdmin() ? e
                : e.condition(e.path(ProjectItem.MEMBERS, caller.userId()) + " = " + e.value(ProjectItem.permission(Permission.ADMIN)));
    }

    /**
     * A check of the caller's project, for transactions that do not update the project itself. The key is
     * built from the caller's organization, never from the item being written.
     */
    public static TransactWriteItem check(String table, Caller caller, String projectId) {
        return guard(new Expressions(), caller).transactCheck(table, ProjectItem.key(caller.orgId(), projectId));
    }

    /**
     * A check that {@code project} is still closed ({@code closed}) or not, for a write the system makes on its own
     * (no caller: an upload settling) whose effect depends on it. "Not closed" also holds when the project is gone.
     */
    public static TransactWriteItem stateCheck(String table, ProjectRef project, boolean closed) {
        Expressions e = new Expressions();
        String isClosed = e.name(ProjectItem.STATE) + " = " + e.value(AttributeValue.fromS(ProjectState.CLOSED.name()));
        return (closed ? e.condition(isClosed) : e.condition("(attribute_not_exists(" + e.name(Keys.PK) + ") OR NOT (" + isClosed + "))"))
                .transactCheck(table, ProjectItem.key(project.orgId(), project.projectId()));
    }

    /**
     * Explains a refused guarded transaction whose item {@code projectIndex} was the guarded project item:
     * the project as DynamoDB saw it goes to the domain rule, which throws the right refusal (404, 403 or
     * 409 PROJECT_CLOSED). When the rule finds nothing wrong, something else changed under us: a conflict
     * the client may retry.
     */
    public static ProblemException explain(TransactionCanceledException refused, int projectIndex, Caller caller) {
        if (refusedAt(refused, projectIndex)) {
            Map<String, AttributeValue> seen = itemAsSeen(refused, projectIndex);
            ProjectAccess.requireChange(seen == null ? null : ProjectItem.toProject(seen), caller);
        }
        return ProblemException.concurrentChange();
    }

    /** Item {@code index} as it was when its condition failed (ALL_OLD), or null when it did not exist. */
    public static Map<String, AttributeValue> itemAsSeen(TransactionCanceledException refused, int index) {
        List<CancellationReason> reasons = refused.cancellationReasons();
        if (index >= reasons.size()) {
            return null;
        }
        Map<String, AttributeValue> item = reasons.get(index).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** True when item {@code index} of the refused transaction failed its condition. */
    public static boolean refusedAt(TransactionCanceledException refused, int index) {
        List<CancellationReason> reasons = refused.cancellationReasons();
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
