package com.example.clientmgmt.storage.organization;

import com.example.clientmgmt.domain.UserProfile;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.BatchReads;
import com.example.clientmgmt.storage.Expressions;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Users' profiles: what their token says (remembered when it changes) and their preferences. */
@Singleton
public class ProfileStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public ProfileStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** The user's profile; one never seen reads as {@link UserProfile#unknown}. */
    public UserProfile find(String orgId, String userId) {
        return ProfileItem.toProfile(orgId, userId, dynamo.getItem(b -> b.tableName(table).key(ProfileItem.key(orgId, userId))).item());
    }

    /** Several users' profiles of one organization in one request (the mailer's recipients), by user id. */
    public Map<String, UserProfile> findAll(String orgId, List<String> userIds) {
        Map<String, UserProfile> out = new LinkedHashMap<>();
        userIds.forEach(u -> out.put(u, UserProfile.unknown(orgId, u)));
        if (!userIds.isEmpty()) {
            List<Map<String, AttributeValue>> keys = userIds.stream().distinct().map(u -> ProfileItem.key(orgId, u)).toList();
            for (Map<String, AttributeValue> item : BatchReads.getAll(dynamo, table, keys)) {
                String userId = Attrs.str(item, "userId");
                out.put(userId, ProfileItem.toProfile(orgId, userId, item));
            }
        }
        return out;
    }

    /**
     * Remembers what the user's token says; what it does not say (null) is left as it was, and so are the
     * preferences.
     */
    public void remember(String orgId, String userId, String email, boolean emailVerified, String name, String locale, Instant at) {
        Expressions e = new Expressions()
                .set("orgId", AttributeValue.fromS(orgId))
                .set("userId", AttributeValue.fromS(userId))
                .set("seenAt", AttributeValue.fromS(at.toString()));
        if (email != null) {
            e.set(ProfileItem.EMAIL, AttributeValue.fromS(email));
            e.set(ProfileItem.EMAIL_VERIFIED, AttributeValue.fromBool(emailVerified));
        }
        if (name != null) {
            e.set(ProfileItem.NAME, AttributeValue.fromS(name));
        }
        if (locale != null) {
            e.set(ProfileItem.LOCALE, AttributeValue.fromS(locale));
        }
        dynamo.updateItem(e.updateItem(table, ProfileItem.key(orgId, userId)).build());
    }

    /** Sets the user's preferences: reminder e-mails on or off, and their language (null: from their token). */
    public UserProfile setPreferences(String orgId, String userId, boolean emailReminders, String language, Instant at) {
        Expressions e = new Expressions()
                .set("orgId", AttributeValue.fromS(orgId))
                .set("userId", AttributeValue.fromS(userId))
                .set(ProfileItem.EMAIL_REMINDERS, AttributeValue.fromBool(emailReminders))
                .set(ProfileItem.LANGUAGE, Attrs.textOrAbsent(language))
                .set("preferencesAt", AttributeValue.fromS(at.toString()));
        Map<String, AttributeValue> item = dynamo.updateItem(e.updateItem(table, ProfileItem.key(orgId, userId))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW).build()).attributes();
        return ProfileItem.toProfile(orgId, userId, new HashMap<>(item));
    }
}
