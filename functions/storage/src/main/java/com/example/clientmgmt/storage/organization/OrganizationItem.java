package com.example.clientmgmt.storage.organization;

import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** An organization's settings (partition {@link Keys#organizationPk}, sort key {@link Keys#SETTINGS}): name, time zone, language. */
public final class OrganizationItem {
    private OrganizationItem() {}

    public static Map<String, AttributeValue> key(String orgId) {
        return Keys.key(Keys.organizationPk(orgId), Keys.SETTINGS);
    }

    public static boolean isOrganization(Map<String, AttributeValue> item) {
        return Keys.SETTINGS.equals(Attrs.str(item, Keys.SK)) && "Organization".equals(Attrs.str(item, "type"));
    }

    public static Map<String, AttributeValue> item(Organization o, String updatedBy, String at) {
        Map<String, AttributeValue> item = new HashMap<>(key(o.id()));
        item.put("type", AttributeValue.fromS("Organization"));
        item.put("orgId", AttributeValue.fromS(o.id()));
        item.put("name", AttributeValue.fromS(o.name()));
        item.put("timeZone", AttributeValue.fromS(o.timeZone().getId()));
        item.put("defaultLanguage", AttributeValue.fromS(o.defaultLanguage()));
        item.put("updatedBy", AttributeValue.fromS(updatedBy));
        item.put("updatedAt", AttributeValue.fromS(at));
        return item;
    }

    public static Organization toOrganization(Map<String, AttributeValue> i) {
        return new Organization(Attrs.str(i, "orgId"), Attrs.str(i, "name"), ZoneId.of(Attrs.str(i, "timeZone")),
                Attrs.str(i, "defaultLanguage"));
    }
}
