package com.example.clientmgmt.storage.readiness;

import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Readiness;
import com.example.clientmgmt.domain.ReadinessSummary;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A project's readiness summary ({@link ReadinessSummary}), one item in its partition (sort key {@link Keys#READINESS},
 * inside the dossier's range: {@link ProjectDossiers} reads it with the project). With the project's name and state, so
 * that the organization's list needs no other read. While the project is at risk it is on the organization's list
 * (index Lookup: {@code lpk = ORG#o#READINESS}, {@code lsk = nextDate#project}); while time alone may change it, it is
 * due for the daily sweep (index DueReminders: {@code duePk = READINESS#shard}, {@code dueAt}). {@code ver} orders its
 * writes.
 */
public final class ReadinessItem {
    /** How many partitions of the DueReminders index the summaries to refresh spread over. */
    public static final int DUE_SHARDS = 4;
    static final String VERSION = "ver";
    static final String ORG_ID = "orgId";
    static final String PROJECT_ID = "projectId";
    static final String PROJECT_NAME = "projectName";
    static final String STATE = "state";
    static final String READY = "ready";
    static final String OPEN = "open";
    static final String NEXT_DATE = "nextDate";
    static final String COUNTS = "counts";
    static final String WARNED = "warned";
    static final String REFRESH_ON = "refreshOn";
    static final String AT_MIDNIGHT = "refreshAtMidnight";

    private ReadinessItem() {}

    public static Map<String, AttributeValue> key(String orgId, String projectId) {
        return Keys.key(Keys.projectPk(orgId, projectId), Keys.READINESS);
    }

    public static boolean isReadiness(Map<String, AttributeValue> item) {
        return Keys.READINESS.equals(Attrs.str(item, Keys.SK));
    }

    /** The shard of the DueReminders index a project's summary is due in. */
    static String dueShard(String projectId) {
        return Keys.readinessDuePk(Math.floorMod(projectId.hashCode(), DUE_SHARDS));
    }

    /** The organization's list's sort key of a project at risk. */
    static String listKey(LocalDate nextDate, String projectId) {
        return nextDate + "#" + projectId;
    }

    /** The item of {@code s}; {@code dueAt}: when the sweep refreshes it (null: never by time). */
    static Map<String, AttributeValue> item(ReadinessStore.Stored s, Instant dueAt) {
        ReadinessSummary r = s.summary();
        Map<String, AttributeValue> item = new HashMap<>(key(s.orgId(), s.projectId()));
        item.put("type", AttributeValue.fromS("Readiness"));
        item.put(ORG_ID, AttributeValue.fromS(s.orgId()));
        item.put(PROJECT_ID, AttributeValue.fromS(s.projectId()));
        Attrs.putIfPresent(item, PROJECT_NAME, s.projectName());
        item.put(STATE, AttributeValue.fromS(s.state().name()));
        item.put(READY, AttributeValue.fromBool(r.ready()));
        item.put(OPEN, AttributeValue.fromBool(r.open()));
        Attrs.putIfPresent(item, NEXT_DATE, r.nextDate());
        Map<String, AttributeValue> counts = new HashMap<>();
        r.counts().forEach((status, n) -> counts.put(status.name(), Attrs.n(n)));
        item.put(COUNTS, AttributeValue.fromM(counts));
        Map<String, AttributeValue> warned = new HashMap<>();
        r.warned().forEach((id, day) -> warned.put(id, AttributeValue.fromS(day.toString())));
        item.put(WARNED, AttributeValue.fromM(warned));
        Attrs.putIfPresent(item, REFRESH_ON, r.refreshOn());
        item.put(AT_MIDNIGHT, AttributeValue.fromBool(r.refreshAtMidnight()));
        item.put(VERSION, Attrs.n(s.version()));
        if (r.listed()) {
            item.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.readinessPk(s.orgId())));
            item.put(Keys.LOOKUP_SK, AttributeValue.fromS(listKey(r.nextDate(), s.projectId())));
        }
        if (dueAt != null) {
            item.put(Keys.DUE_PK, AttributeValue.fromS(dueShard(s.projectId())));
            item.put(Keys.DUE_AT, AttributeValue.fromS(dueAt.toString()));
        }
        return item;
    }

    /** The stored summary of {@code orgId}'s project; null: none stored. */
    static ReadinessStore.Stored toStored(String orgId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        Map<Readiness.Status, Integer> counts = new EnumMap<>(Readiness.Status.class);
        item.get(COUNTS).m().forEach((status, n) -> counts.put(Readiness.Status.valueOf(status), Integer.parseInt(n.n())));
        Map<String, LocalDate> warned = new HashMap<>();
        item.get(WARNED).m().forEach((id, day) -> warned.put(id, LocalDate.parse(day.s())));
        ReadinessSummary summary = new ReadinessSummary(Attrs.bool(item, READY), Attrs.date(item, NEXT_DATE), counts, warned,
                Attrs.date(item, REFRESH_ON), Attrs.bool(item, AT_MIDNIGHT), Attrs.bool(item, OPEN));
        return new ReadinessStore.Stored(orgId, Attrs.str(item, PROJECT_ID), Attrs.str(item, PROJECT_NAME),
                ProjectState.valueOf(Attrs.str(item, STATE)), summary, Attrs.num(item, VERSION));
    }
}
