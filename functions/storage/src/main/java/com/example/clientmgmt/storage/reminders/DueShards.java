package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.storage.Keys;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How the DueReminders index spreads armed reminders: over {@code count} partitions (setting {@code reminders.due-shards},
 * env {@code REMINDERS_DUE_SHARDS}, 1 to {@link #MAX}), a stable spread by document id, so that one partition's write
 * rate does not bound how many reminders can be armed or fired. Changing the count moves no reminder: each stays in the
 * shard it was armed in until it is armed again, and the tick reads every shard any count could have used ({@link #all}),
 * so none is left unread.
 */
@Singleton
public class DueShards {
    /** The most shards a deployment may use; the tick reads all of them (16 queries a tick, most of them empty). */
    public static final int MAX = 16;

    private final int count;

    public DueShards(@Value("${reminders.due-shards:4}") int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("reminders.due-shards must be 1.." + MAX + ", not " + count);
        }
        this.count = count;
    }

    /** The shard a reminder of {@code documentId} is armed in. */
    public String of(String documentId) {
        return Keys.duePk(Math.floorMod(documentId.hashCode(), count));
    }

    /** The attributes that arm a document's reminder for {@code dueAt}, by the document's version {@code version}. */
    public Map<String, AttributeValue> armed(String documentId, Instant dueAt, long version) {
        return ReminderItem.armed(of(documentId), dueAt, version);
    }

    /** Every shard a reminder may be in, whatever count armed it: what the tick reads. */
    public static List<String> all() {
        return IntStream.range(0, MAX).mapToObj(Keys::duePk).toList();
    }
}
