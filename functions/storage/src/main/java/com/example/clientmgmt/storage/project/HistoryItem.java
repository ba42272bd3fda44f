package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A history entry (the partition of what changed — a project, or a directory person —, sort key
 * {@link Keys#HISTORY_PREFIX} + epoch ms, change id, 99 - n): one changed field of one change, with who, when, from
 * and to. Entries sort just below the project (or person) item, newest last, and the fields of one change keep
 * their order (their number counts down).
 */
public final class HistoryItem {
    /** What the entries of one change share: the partition they are kept in, who, when and the change's id. */
    public record Change(String pk, String by, Instant at, String changeId) {
        public Change(ProjectRef project, String by, Instant at, String changeId) {
            this(Keys.projectPk(project.orgId(), project.projectId()), by, at, changeId);
        }
    }

    /** Sort keys of history entries are shorter than this (a cursor that is longer is not ours). */
    static final int MAX_SORT_KEY = 200;

    private HistoryItem() {}

    static String prefix() {
        return Keys.HISTORY_PREFIX;
    }

    static boolean isPosition(String sortKey) {
        return sortKey.startsWith(Keys.HISTORY_PREFIX) && sortKey.length() < MAX_SORT_KEY;
    }

    public static Map<String, AttributeValue> item(Change change, int index, String field, Object from, Object to) {
        String sk = String.format("%s%013d#%s#%02d", Keys.HISTORY_PREFIX, change.at().toEpochMilli(), change.changeId(), 99 - index);
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(change.pk(), sk));
        item.put("type", AttributeValue.fromS("History"));
        item.put("at", AttributeValue.fromS(change.at().toString()));
        item.put("by", AttributeValue.fromS(change.by()));
        item.put("field", AttributeValue.fromS(field));
        item.put("from", value(from));
        item.put("to", value(to));
        return item;
    }

    public static HistoryEntry toEntry(Map<String, AttributeValue> item) {
        return new HistoryEntry(Attrs.instant(item, "at"), Attrs.str(item, "by"), Attrs.str(item, "field"),
                json(item.get("from")), json(item.get("to")));
    }

    /** Any recorded value: text (dates, states…), money, a small map of texts, or none. */
    private static AttributeValue value(Object value) {
        if (value == null) {
            return Attrs.NULL;
        }
        if (value instanceof Money m) {
            return Attrs.money(m);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), Attrs.s(v == null ? null : v.toString())));
            return AttributeValue.fromM(out);
        }
        return AttributeValue.fromS(value.toString());
    }

    /** A recorded value back in the shape the API shows: text, {amount, currency} for money, or a map. */
    private static Object json(AttributeValue v) {
        if (v == null || Boolean.TRUE.equals(v.nul())) {
            return null;
        }
        if (v.hasM()) {
            Money money = Attrs.money(v);
            Map<String, Object> out = new LinkedHashMap<>();
            if (money != null) {
                out.put("amount", money.amountText());
                out.put("currency", money.currency());
            } else {
                v.m().forEach((k, value) -> out.put(k, json(value)));
            }
            return out;
        }
        return v.s() != null ? v.s() : v.n();
    }
}
