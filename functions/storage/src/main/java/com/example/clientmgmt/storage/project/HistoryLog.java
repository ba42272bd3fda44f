package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldChange;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.directory.PersonItem;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.Optional;

/**
 * A project's admin history: every change of admin info, members, client contacts and documents, field by field
 * (who, when, from, to). Writers open a {@link Change} and add one entry per changed field to the same
 * transaction as the change itself; readers get pages, newest first, with the project. A directory person's
 * licence changes are kept the same way in the person's partition.
 */
@Singleton
public class HistoryLog {
    private final String table;
    private final ProjectReads reads;

    public HistoryLog(TableConfig table, ProjectReads reads) {
        this.table = table.name();
        this.reads = reads;
    }

    /** One change by {@code caller} at {@code at}: its entries share an id and keep the order they are added in. */
    public Change change(ProjectRef project, Caller caller, Instant at) {
        return change(project, caller.userId(), at);
    }

    /** One change made by {@code actor}, a user id or a named part of the system (e.g. the upload check). */
    public Change change(ProjectRef project, String actor, Instant at) {
        return new Change(new HistoryItem.Change(project, actor, at, Ids.newId(at)));
    }

    /** One change of a directory person (their licence) by {@code caller}: kept in the person's partition. */
    public Change personChange(String orgId, String personId, Caller caller, Instant at) {
        return new Change(new HistoryItem.Change(Keys.personPk(orgId, personId), caller.userId(), at, Ids.newId(at)));
    }

    public final class Change {
        private final HistoryItem.Change change;
        private int entries;

        private Change(HistoryItem.Change change) {
            this.change = change;
        }

        /** The write of one changed field, numbered after the previous ones of this change. */
        public TransactWriteItem entry(String field, Object from, Object to) {
            return TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(HistoryItem.item(change, entries++, field, from, to)).build()).build();
        }

        /** The write of one changed field a use case decided. */
        public TransactWriteItem entry(FieldChange line) {
            return entry(line.field(), line.from(), line.to());
        }
    }

    /**
     * A page of a directory person's history, newest first, or empty when the person does not exist: as for a
     * project, the entries sort just below the person's item, so one descending query reads the person, then
     * the history; later pages start after the cursor (the person was there on the first page).
     */
    public Optional<Page<HistoryEntry>> personPage(String orgId, String personId, String cursor, int limit) {
        if (!Ids.isWellFormed(personId)) {
            return Optional.empty();
        }
        String after = Cursor.decode(cursor, HistoryItem::isPosition);
        ProjectReads.Slice slice = reads.slice(PersonItem.key(orgId, personId), HistoryItem.prefix(), true, after, limit);
        if (after == null && slice.parent() == null) {
            return Optional.empty();
        }
        return Optional.of(new Page<>(slice.items().stream().map(HistoryItem::toEntry).toList(), slice.nextCursor()));
    }

    /** A page of a project's history, newest first, with the project (first page: one query). */
    public ProjectPage<HistoryEntry> page(String orgId, String projectId, String cursor, int limit) {
        ProjectReads.Children children = reads.children(orgId, projectId, HistoryItem.prefix(), true,
                HistoryItem::isPosition, cursor, limit);
        return new ProjectPage<>(children.project(), new Page<>(
                children.items().stream().map(HistoryItem::toEntry).toList(), children.nextCursor()));
    }
}
