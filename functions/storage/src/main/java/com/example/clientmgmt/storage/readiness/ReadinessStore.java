package com.example.clientmgmt.storage.readiness;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.Readiness;
import com.example.clientmgmt.domain.ReadinessSummary;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.SortKeyRange;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Projects' readiness summaries ({@link ReadinessItem}): kept current by every write that changes a project's readiness
 * (its documents, versions and uploads, admin info, requirements: each calls {@link #afterWrite} once it has written),
 * refreshed by the daily sweep for what time alone changes ({@link #due}, {@link #refresh} with a warner), and listed
 * for the organization ({@link #atRisk}).
 * <p>
 * A refresh reads the project's dossier (one query: the project, its documents, its requirements and the summary) and
 * writes the summary it decides, on condition that the summary is still at the version read; when another refresh
 * wrote first it reads again. So the last summary written was decided from a reading made after the last write of the
 * dossier: concurrent writes leave it current whatever their order.
 */
@Singleton
public class ReadinessStore {
    /** Refreshes tried when other refreshes keep writing first. */
    static final int ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessStore.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectDossiers dossiers;
    private final ZoneId defaultZone;
    private final int warnDays;

    public ReadinessStore(DynamoDbClient dynamo, TableConfig table, ProjectDossiers dossiers, @Value("${org.time.zone}") String defaultZone,
                          @Value("${requirements.warn-days}") int warnDays) {
        if (warnDays < 0 || warnDays > 366) {
            throw new IllegalArgumentException("requirements.warn-days must be 0..366, not " + warnDays);
        }
        this.dynamo = dynamo;
        this.table = table.name();
        this.dossiers = dossiers;
        this.defaultZone = ZoneId.of(defaultZone);
        this.warnDays = warnDays;
    }

    /** The zone of organizations without settings ({@code org.time.zone}): the days of a write's refresh. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** How many days before its day an unsatisfied requirement is at risk ({@code requirements.warn-days}). */
    public int warnDays() {
        return warnDays;
    }

    /** A stored summary, of a project named {@code projectName} in {@code state}, at version {@code version}. */
    public record Stored(String orgId, String projectId, String projectName, ProjectState state, ReadinessSummary summary,
                         long version) {}

    /**
     * A refresh decided: the project, its readiness, the summary written, the requirements to warn about, the day, and when
     * the summary read was due (null: none stored, or not due by time).
     */
    public record Refreshed(Project project, Readiness readiness, Stored stored, List<Readiness.Item> toWarn,
                           LocalDate today, Instant dueAt) {}

    /**
     * Keeps the summary current after a write of the project that has succeeded: a failure here (the SDK's retries
     * spent) does not undo the write nor fail its request; it is logged, and the project's next write or refresh mends it.
     */
    public void afterWrite(String orgId, String projectId, Instant now) {
        try {
            refresh(orgId, projectId, now, defaultZone, null);
        } catch (RuntimeException e) {
            LOG.error("readiness summary of project {} not refreshed after its write (the next write or sweep mends it): {}",
                    projectId, e.toString());
        }
    }

    /**
     * Reads the project's dossier and writes its summary as of {@code now} in {@code zone}'s days (the organization's). With a {@code warner}
     * (the sweep), from the hour reminders fire ({@link ReadinessSummary#mayWarnAt}), the requirements at risk not warned
     * yet are handed to it before they are recorded as warned: when it
     * throws nothing is recorded and the summary stays due, so the next sweep warns again (the warner's writes and events
     * are idempotent). Empty when the project does not exist (its summary, if any, is deleted).
     */
    public Optional<Refreshed> refresh(String orgId, String projectId, Instant now, ZoneId zone, Consumer<Refreshed> warner) {
        for (int attempt = 1; ; attempt++) {
            Optional<ProjectDossiers.Dossier> read = dossiers.read(orgId, projectId);
            if (read.isEmpty()) {
                dynamo.deleteItem(b -> b.tableName(table).key(ReadinessItem.key(orgId, projectId)));
                return Optional.empty();
            }
            ProjectDossiers.Dossier dossier = read.get();
            Project project = dossier.project();
            AdminInfo info = project.adminInfo();
            Readiness readiness = Readiness.of(dossier.requirements().all(info), info, dossier.documents(), now);
            LocalDate today = LocalDate.ofInstant(now, zone);
            Stored before = dossier.readiness();
            ReadinessSummary.Decision decision = ReadinessSummary.decide(readiness, !project.state().isClosed(), today, warnDays,
                    before == null ? Map.of() : before.summary().warned(), warner != null && ReadinessSummary.mayWarnAt(now, zone));
            Stored after = new Stored(orgId, projectId, project.name(), project.state(), decision.summary(),
                    before == null ? 1 : before.version() + 1);
            Instant dueAt = before == null ? null : before.summary().refreshAt(zone); // when it came due, as it was stored
            Refreshed refreshed = new Refreshed(project, readiness, after, decision.toWarn(), today, dueAt);
            if (warner != null && !decision.toWarn().isEmpty()) {
                warner.accept(refreshed);
            }
            PutItemRequest.Builder put = PutItemRequest.builder().tableName(table)
                    .item(ReadinessItem.item(after, decision.summary().refreshAt(zone)));
            if (before == null) {
                put.conditionExpression("attribute_not_exists(pk)");
            } else {
                put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", ReadinessItem.VERSION))
                        .expressionAttributeValues(Map.of(":v", Attrs.n(before.version())));
            }
            try {
                dynamo.putItem(put.build());
                return Optional.of(refreshed);
            } catch (ConditionalCheckFailedException another) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("readiness summary of project " + projectId + " kept changing: "
                            + ATTEMPTS + " attempts", another);
                }
            }
        }
    }

    /** The project a summary due for the sweep belongs to. */
    public record Due(String orgId, String projectId, Instant dueAt) {}

    /**
     * The summaries due at {@code now} (time alone may have changed them), {@code pageSize} at a time, shard after shard
     * of the DueReminders index (apart from the reminders' own). Read lazily: a sweep that stops early reads no more.
     */
    public Iterable<List<Due>> due(Instant now, int pageSize) {
        return Queries.interleaved(IntStream.range(0, ReadinessItem.DUE_SHARDS).mapToObj(shard -> Queries.pages(dynamo,
                QueryRequest.builder().tableName(table).indexName(Keys.DUE_REMINDERS)
                        .keyConditionExpression("#pk = :shard AND #at <= :now")
                        .expressionAttributeNames(Map.of("#pk", Keys.DUE_PK, "#at", Keys.DUE_AT))
                        .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(Keys.readinessDuePk(shard)),
                                ":now", AttributeValue.fromS(now.toString())))
                        .limit(pageSize).build(),
                i -> new Due(Attrs.str(i, ReadinessItem.ORG_ID), Attrs.str(i, ReadinessItem.PROJECT_ID), Attrs.instant(i, Keys.DUE_AT))))
                .toList());
    }

    /**
     * One page of the organization's projects at risk whose next day is from {@code from} to {@code to}, soonest first
     * (one query of the Lookup index); only those of {@code onlyProjects} when given (a filter on the same query, so a page
     * may come back shorter than {@code limit}: follow its cursor).
     */
    public Page<Stored> atRisk(String orgId, LocalDate from, LocalDate to, Set<String> onlyProjects, String cursor,
                                             int limit) {
        // '$' sorts right after '#': every key of the day 'to' is below it
        String low = from.toString();
        String high = to + "$";
        String after = SortKeyRange.between(low, high).vet(Cursor.decode(cursor, ReadinessStore::isListPosition));
        if (onlyProjects != null && onlyProjects.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.LOOKUP_PK, "#sk", Keys.LOOKUP_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":org", AttributeValue.fromS(Keys.readinessPk(orgId)),
                ":low", AttributeValue.fromS(low), ":high", AttributeValue.fromS(high)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression("#pk = :org AND #sk BETWEEN :low AND :high").limit(limit);
        boolean filterHere = onlyProjects != null && onlyProjects.size() > Queries.MAX_IN_VALUES;
        if (onlyProjects != null && !filterHere) {
            query.filterExpression(Queries.in("#project", onlyProjects, ":p", values));
            names.put("#project", ReadinessItem.PROJECT_ID);
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        if (after != null) {
            String projectId = after.substring(after.indexOf('#') + 1);
            Map<String, AttributeValue> start = new HashMap<>(ReadinessItem.key(orgId, projectId));
            start.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.readinessPk(orgId)));
            start.put(Keys.LOOKUP_SK, AttributeValue.fromS(after));
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamo.query(query.build());
        List<Stored> items = response.items().stream()
                .filter(i -> !filterHere || onlyProjects.contains(Attrs.str(i, ReadinessItem.PROJECT_ID)))
                .map(i -> ReadinessItem.toStored(orgId, i)).toList();
        String next = Queries.hasMore(response) ? Cursor.encode(Attrs.str(response.lastEvaluatedKey(), Keys.LOOKUP_SK)) : null;
        return new Page<>(items, next);
    }

    private static boolean isListPosition(String position) {
        int at = position.indexOf('#');
        if (at < 0 || !Ids.isWellFormed(position.substring(at + 1))) {
            return false;
        }
        try {
            LocalDate.parse(position.substring(0, at));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
