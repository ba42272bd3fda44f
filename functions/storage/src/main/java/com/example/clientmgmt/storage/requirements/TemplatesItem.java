package com.example.clientmgmt.storage.requirements;

import com.example.clientmgmt.domain.RequirementTemplate;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization's requirement templates, one item in its own partition (sort key {@link Keys#REQUIREMENT_TEMPLATES}):
 * the templates in order, each with its lines ({@link RequirementsItem}'s codec), and a version for conditional writes.
 * Its size is bounded by {@link RequirementTemplate#MAX_TEMPLATES} and {@link RequirementTemplate#MAX_LINES}.
 */
public final class TemplatesItem {
    static final String TEMPLATES = "templates";
    static final String VERSION = "ver";

    private TemplatesItem() {}

    public static Map<String, AttributeValue> key(String orgId) {
        return Keys.key(Keys.organizationPk(orgId), Keys.REQUIREMENT_TEMPLATES);
    }

    public static Map<String, AttributeValue> item(String orgId, List<RequirementTemplate> templates, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(orgId));
        item.put("type", AttributeValue.fromS("RequirementTemplates"));
        item.put(TEMPLATES, AttributeValue.fromL(templates.stream().map(t -> AttributeValue.fromM(Map.of(
                "id", AttributeValue.fromS(t.id()), "name", AttributeValue.fromS(t.name()),
                "requirements", RequirementsItem.lines(t.requirements())))).toList()));
        item.put(VERSION, Attrs.n(version));
        return item;
    }

    static List<RequirementTemplate> toTemplates(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return List.of();
        }
        return item.get(TEMPLATES).l().stream().map(v -> new RequirementTemplate(Attrs.str(v.m(), "id"), Attrs.str(v.m(), "name"),
                RequirementsItem.toLines(v.m().get("requirements")))).toList();
    }

    static long version(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? 0 : Attrs.num(item, VERSION);
    }
}
