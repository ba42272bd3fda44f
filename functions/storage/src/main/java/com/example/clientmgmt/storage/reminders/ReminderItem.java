package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * A document's reminder, as attributes of the document item. While armed it has {@code duePk} ({@link Keys#duePk})
 * (one of the index's partitions, {@link DueShards}) and {@code dueAt} (ISO instant,
 * whole seconds), which put it in the sparse index DueReminders, and {@code armedVer} (the document
 * version that armed it). A worker (or the sequential sweep) claims it ({@code claimedBy}, {@code claimedAt}; {@code firstClaimedAt} and {@code claimedFor},
 * the occurrence's day, kept by a run taking the claim over)
 * and completes it ({@code firedFor} = the occurrence's day, {@code firedAt}; {@code dueAt} moved to the next
 * occurrence, or the index attributes removed after the last one).
 */
public final class ReminderItem {
    static final String ARMED_VERSION = "armedVer";
    static final String CLAIMED_BY = "claimedBy";
    static final String CLAIMED_AT = "claimedAt";
    static final String FIRST_CLAIMED_AT = "firstClaimedAt";
    static final String CLAIMED_FOR = "claimedFor";
    public static final String FIRED_FOR = "firedFor";
    static final String FIRED_AT = "firedAt";
    /** Removed when a reminder fires or is disarmed: it leaves the index. */
    public static final String[] INDEX = {Keys.DUE_PK, Keys.DUE_AT, ARMED_VERSION};
    /** Removed when a reminder is re-armed or fires: a run holding an older claim can no longer complete it. */
    public static final String[] CLAIM = {CLAIMED_BY, CLAIMED_AT, FIRST_CLAIMED_AT, CLAIMED_FOR};
    /** Which occurrence of this arming fired last; removed when the reminder is re-armed. */
    public static final String[] FIRED = {FIRED_FOR, FIRED_AT};

    private ReminderItem() {}

    static String dueText(Instant instant) {
        return Keys.instantText(instant);
    }

    /** The attributes that arm a reminder in {@code shard} ({@link DueShards#of}) for {@code dueAt}, by document version {@code version}. */
    public static Map<String, AttributeValue> armed(String shard, Instant dueAt, long version) {
        return Map.of(Keys.DUE_PK, AttributeValue.fromS(shard),
                Keys.DUE_AT, AttributeValue.fromS(dueText(dueAt)),
                ARMED_VERSION, Attrs.n(version));
    }

    /**
     * Parks an armed reminder while its project is closed: out of the DueReminders index, its {@code dueAt} kept,
     * so that reopening puts it back due exactly when it was. Only while the document exists; parking twice is
     * parking once (a step sent again by a retry succeeds).
     */
    static Expressions park(Expressions e) {
        return e.remove(Keys.DUE_PK).condition("attribute_exists(" + e.name(Keys.PK) + ")");
    }

    /**
     * Puts a parked reminder back in the index, due when it was; only while it still has a due time (one that
     * fired its last occurrence meanwhile stays out). Unparking twice is unparking once.
     */
    static Expressions unpark(Expressions e, String shard) {
        return e.set(Keys.DUE_PK, AttributeValue.fromS(shard))
                .condition("attribute_exists(" + e.name(Keys.DUE_AT) + ")");
    }

    /** The filter that finds, among a project's documents, the reminders to park (closed) or to unpark (open). */
    static String toMove(Expressions e, boolean closed) {
        return closed ? "attribute_exists(" + e.name(Keys.DUE_PK) + ")"
                : "attribute_exists(" + e.name(Keys.DUE_AT) + ") AND attribute_not_exists(" + e.name(Keys.DUE_PK) + ")";
    }

    static long armedVersion(Map<String, AttributeValue> item) {
        return Attrs.num(item, ARMED_VERSION);
    }

    static String dueAt(Map<String, AttributeValue> item) {
        return Attrs.str(item, Keys.DUE_AT);
    }

    static Instant firstClaimedAt(Map<String, AttributeValue> item) {
        return Attrs.instant(item, FIRST_CLAIMED_AT);
    }

    static java.time.LocalDate claimedFor(Map<String, AttributeValue> item) {
        return Attrs.date(item, CLAIMED_FOR);
    }
}
