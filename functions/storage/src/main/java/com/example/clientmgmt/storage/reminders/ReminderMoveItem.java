package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * "This project's reminders must move": written with a state change that closes or reopens a project (the
 * project's partition, sort key {@code PROJECT#REMINDERS#MOVE}, outside the documents' and uploads' ranges),
 * removed once its reminders left the due index (closed) or came back (open). While it exists it is on index
 * Lookup ({@code lpk = REMINDERS#MOVING}, {@code lsk} = when#org#project), where the reminder tick finds those whose
 * request died half way. {@code target} is the state group it was written for: CLOSED or OPEN.
 */
public final class ReminderMoveItem {
    static final String SK = Keys.PROJECT + "#REMINDERS#MOVE";
    static final String TARGET = "target";
    static final String CLOSED = "CLOSED";
    static final String OPEN = "OPEN";

    private ReminderMoveItem() {}

    static Map<String, AttributeValue> key(String orgId, String projectId) {
        return Keys.key(Keys.projectPk(orgId, projectId), SK);
    }

    public static Map<String, AttributeValue> item(ProjectRef project, boolean closing, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(project.orgId(), project.projectId()));
        item.put("type", AttributeValue.fromS("ReminderMove"));
        item.put("orgId", AttributeValue.fromS(project.orgId()));
        item.put("projectId", AttributeValue.fromS(project.projectId()));
        item.put(TARGET, AttributeValue.fromS(target(closing)));
        item.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.MOVING_REMINDERS));
        item.put(Keys.LOOKUP_SK, AttributeValue.fromS(Keys.instantText(at) + "#" + project.orgId() + "#" + project.projectId()));
        return item;
    }

    static String target(boolean closed) {
        return closed ? CLOSED : OPEN;
    }

    /** The lsk of moves written at or before {@code at} (the upper bound of a range query). */
    static String writtenBy(Instant at) {
        return Keys.instantText(at) + "#\uffff";
    }

    static ProjectRef project(Map<String, AttributeValue> item) {
        return new ProjectRef(Attrs.str(item, "orgId"), Attrs.str(item, "projectId"));
    }
}
