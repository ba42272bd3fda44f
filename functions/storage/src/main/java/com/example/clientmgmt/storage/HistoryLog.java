package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.ProjectRef;
import jakarta.inject.Singleton;
import com.example.clientmgmt.platform.TableConfig;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;

/**
 * A project's admin history: every change of admin info, client contacts and documents, field by field
 * (who, when, from, to). Writers open a {@link Change} and add one entry per changed field to the same
 * transaction as the change itself; readers get pages, newest first, with the project.
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
    }

    /** A page of a project's history, newest first, with the project (first page: one query). */
    public ProjectPage<HistoryEntry> page(String orgId, String projectId, String cursor, int limit) {
        ProjectReads.Children children = reads.children(orgId, projectId, HistoryItem.prefix(), true,
                HistoryItem::isPosition, cursor, limit);
        return new ProjectPage<>(children.project(), new Page<>(
                children.items().stream().map(HistoryItem::toEntry).toList(), children.nextCursor()));
    }
}
