package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.MemberChange;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
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
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is on which project: a user's permission is set in the project item (what checks read) and in the
 * user's membership item (what lists "my projects" on index ByUser), in one guarded transaction.
 */
@Singleton
public class MembershipStore {
    /** How many membership pages one list request may read to fill a page of projects in the asked states. */
    static final int MAX_ROUNDS = 5;
    /** How often a permission change is tried again when the project changed between our read and our write. */
    static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectStore projects;
    private final HistoryLog history;

    public MembershipStore(DynamoDbClient dynamo, TableConfig table, ProjectStore projects, HistoryLog history) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.projects = projects;
        this.history = history;
    }

    /**
     * Writes the member change {@code decide} makes of the project as {@code before} showed it (empty: nothing to
     * change), with its admin-history entry, in one transaction guarded by {@link ProjectGuard}. It holds only while
     * the user's permission is still the one read and, when an ADMIN loses that permission, while the ADMIN member the
     * change names is still one. When the project changed under us it is decided again on the project as the write
     * saw it (so the answer may become 409 LAST_ADMIN), at most {@link #MAX_ATTEMPTS} times.
     */
    public void setMember(Caller caller, Project before, Function<Project, Optional<MemberChange>> decide, Instant at) {
        Project project = before;
        for (int attempt = 1; ; attempt++) {
            Optional<MemberChange> change = decide.apply(project);
            if (change.isEmpty()) {
                return;
            }
            try {
                write(caller, project, change.get(), at);
                return;
            } catch (TransactionCanceledException refused) {
                ProblemException reason = ProjectGuard.explain(refused, 0, caller);
                Map<String, AttributeValue> seen = ProjectGuard.itemAsSeen(refused, 0);
                if (seen == null || attempt == MAX_ATTEMPTS) {
                    throw reason;
                }
                project = ProjectItem.toProject(seen);
            }
        }
    }

    private void write(Caller caller, Project project, MemberChange change, Instant at) {
        String orgId = project.orgId();
        Expressions e = ProjectGuard.guard(new Expressions(), caller);
        String member = e.path(ProjectItem.MEMBERS, change.userId());
        e.condition(change.from() == Permission.NONE ? "attribute_not_exists(" + member + ")"
                : member + " = " + e.value(ProjectItem.permission(change.from())));
        if (change.adds()) {
            String members = e.name(ProjectItem.MEMBERS);
            e.condition("(attribute_not_exists(" + members + ") OR size(" + members + ") < "
                    + e.value(Attrs.n(MemberChange.MAX_MEMBERS)) + ")");
        }
        if (change.adminWhoMustStay() != null) {
            e.condition(e.path(ProjectItem.MEMBERS, change.adminWhoMustStay()) + " = "
                    + e.value(ProjectItem.permission(Permission.ADMIN)));
        }
        TransactWriteItem membership;
        if (change.to() == Permission.NONE) {
            e.removePath(member);
            membership = TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(MembershipItem.key(orgId, project.id(), change.userId())).build()).build();
        } else {
            e.setPath(member, ProjectItem.permission(change.to()));
            membership = TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(MembershipItem.item(orgId, project.id(), change.userId(), change.to())).build()).build();
        }
        TransactWriteItem entry = history.change(ProjectRef.of(project), caller, at)
                .entry(change.historyLine());
        dynamo.transactWriteItems(b -> b.transactItems(e.transactUpdate(table, ProjectItem.key(orgId, project.id())),
                membership, entry));
    }

    /**
     * The caller's projects in the given states, newest first: a query of the caller's memberships (ByUser)
     * and one batch read of those projects, repeated (at most {@link #MAX_ROUNDS} times) while projects in
     * other states (or not matching the text) leave the page short.
     */
    public Page<Project> listForUser(Caller caller, Set<ProjectState> states, String cursor, int limit) {
        return listForUser(caller, states, null, cursor, limit);
    }

    /** The same, of the projects whose or whose client's name has, for every word of {@code text}, a word starting with it. */
    public Page<Project> listForUser(Caller caller, Set<ProjectState> states, String text, String cursor, int limit) {
        List<String> words = List.copyOf(SearchText.words(text == null ? "" : text));
        String lastExamined = Cursor.decode(cursor, Ids::isWellFormed);
        List<Project> items = new ArrayList<>();
        boolean more = true;
        for (int round = 0; round < MAX_ROUNDS && more && items.size() < limit; round++) {
            QueryResponse memberships = dynamo.query(membershipsAfter(caller, lastExamined, limit));
            List<String> ids = memberships.items().stream().map(MembershipItem::projectId).toList();
            Set<ProjectRef> refs = new LinkedHashSet<>();
            ids.forEach(id -> refs.add(new ProjectRef(caller.orgId(), id)));
            Map<ProjectRef, Project> byRef = refs.isEmpty() ? Map.of() : projects.findAll(refs);
            int examined = 0;
            for (String id : ids) {
                if (items.size() == limit) {
                    break;
                }
                examined++;
                lastExamined = id;
                Project project = byRef.get(new ProjectRef(caller.orgId(), id));
                if (project != null && states.contains(project.state())
                        && SearchText.matches(words, project.name(), project.adminInfo().clientCompanyName())) {
                    items.add(project);
                }
            }
            more = examined < ids.size() || Queries.hasMore(memberships);
        }
        return new Page<>(items, more && lastExamined != null ? Cursor.encode(lastExamined) : null);
    }

    private QueryRequest membershipsAfter(Caller caller, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.BY_USER)
                .keyConditionExpression("gsi1pk = :u")
                .expressionAttributeValues(Map.of(":u", MembershipItem.userPartition(caller.orgId(), caller.userId())))
                .scanIndexForward(false)
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(MembershipItem.indexKey(caller.orgId(), after, caller.userId()));
        }
        return query.build();
    }

    /** The ids of every project the caller is a member of (ADMIN or LIMITED): their memberships on ByUser. */
    public Set<String> memberProjectIds(Caller caller) {
        Set<String> ids = new HashSet<>();
        for (List<String> page : Queries.pages(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.BY_USER)
                .keyConditionExpression("gsi1pk = :u")
                .expressionAttributeValues(Map.of(":u", MembershipItem.userPartition(caller.orgId(), caller.userId())))
                .build(), MembershipItem::projectId)) {
            ids.addAll(page);
        }
        return ids;
    }

    /**
     * True when the caller is ADMIN of at least one project of their organization (the directory lets such
     * users add people and give the free licence): the caller's memberships on ByUser, filtered on ADMIN.
     */
    public boolean isAdminOfAnyProject(Caller caller) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.BY_USER)
                    .keyConditionExpression("gsi1pk = :u")
                    .filterExpression("#p = :admin")
                    .expressionAttributeNames(Map.of("#p", MembershipItem.PERMISSION))
                    .expressionAttributeValues(Map.of(":u", MembershipItem.userPartition(caller.orgId(), caller.userId()),
                            ":admin", ProjectItem.permission(Permission.ADMIN)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            if (!response.items().isEmpty()) {
                return true;
            }
            start = Queries.hasMore(response) ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return false;
    }
}
