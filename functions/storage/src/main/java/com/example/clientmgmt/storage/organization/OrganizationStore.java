package com.example.clientmgmt.storage.organization;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.BatchReads;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organizations' settings. An organization that never saved any reads as the defaults (its id as name, the
 * configured time zone, Canadian French), so every organization has settings without anyone creating them.
 */
@Singleton
public class OrganizationStore {
    private final DynamoDbClient dynamo;
    private final String table;
    /** The time zone of an organization without settings ({@code org.time.zone}). */
    private final ZoneId defaultZone;

    public OrganizationStore(DynamoDbClient dynamo, TableConfig table, @Value("${org.time.zone}") String defaultZone) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.defaultZone = ZoneId.of(defaultZone);
    }

    public Organization find(String orgId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(OrganizationItem.key(orgId))).item();
        return item == null || item.isEmpty() ? Organization.defaults(orgId, defaultZone) : OrganizationItem.toOrganization(item);
    }

    /** Several organizations' settings in one request (the sweep's page). */
    public Map<String, Organization> findAll(Set<String> orgIds) {
        Map<String, Organization> out = new HashMap<>();
        orgIds.forEach(id -> out.put(id, Organization.defaults(id, defaultZone)));
        if (!orgIds.isEmpty()) {
            List<Map<String, AttributeValue>> keys = orgIds.stream().map(OrganizationItem::key).toList();
            BatchReads.getAll(dynamo, table, keys).forEach(i -> out.put(Attrs.str(i, "orgId"), OrganizationItem.toOrganization(i)));
        }
        return out;
    }

    public String nameOf(String orgId) {
        return find(orgId).name();
    }


    /** Saves the caller's organization's settings (an org admin's: the caller checks). */
    public void save(Caller caller, Organization organization, Instant at) {
        dynamo.putItem(b -> b.tableName(table).item(OrganizationItem.item(organization, caller.userId(), at.toString())));
    }
}
