package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/**
 * A membership item (the project's partition, sort key {@link Keys#MEMBER_PREFIX} + user), which puts the
 * project in the user's list on index ByUser ({@code gsi1pk} = {@link Keys#userPk}, {@code gsi1sk} = project id, with
 * {@code permission} projected). The project item's {@code members} map is what permission checks read.
 */
public final class MembershipItem {
    static final String PERMISSION = "permission";

    private MembershipItem() {}

    static Map<String, AttributeValue> key(String orgId, String projectId, String userId) {
        return Keys.key(Keys.projectPk(orgId, projectId), Keys.MEMBER_PREFIX + userId);
    }

    static Map<String, AttributeValue> item(String orgId, String projectId, String userId, Permission permission) {
        Map<String, AttributeValue> item = new HashMap<>(key(orgId, projectId, userId));
        item.put(Keys.GSI1_PK, AttributeValue.fromS(Keys.userPk(orgId, userId)));
        item.put(Keys.GSI1_SK, AttributeValue.fromS(projectId));
        item.put("type", AttributeValue.fromS("Membership"));
        item.put(PERMISSION, ProjectItem.permission(permission));
        return item;
    }

    /** The partition of a user's memberships on index ByUser. */
    static AttributeValue userPartition(String orgId, String userId) {
        return AttributeValue.fromS(Keys.userPk(orgId, userId));
    }

    /** The index key of the membership of {@code userId} on {@code projectId}: where a page continues. */
    static Map<String, AttributeValue> indexKey(String orgId, String projectId, String userId) {
        Map<String, AttributeValue> key = new HashMap<>(key(orgId, projectId, userId));
        key.put(Keys.GSI1_PK, userPartition(orgId, userId));
        key.put(Keys.GSI1_SK, AttributeValue.fromS(projectId));
        return key;
    }

    static String projectId(Map<String, AttributeValue> item) {
        return Attrs.str(item, Keys.GSI1_SK);
    }
}
