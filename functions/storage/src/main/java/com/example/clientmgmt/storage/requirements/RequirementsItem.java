package com.example.clientmgmt.storage.requirements;

import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.NeededBy;
import com.example.clientmgmt.domain.ProjectRequirements;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.domain.RequirementSource;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's stored requirements, one item in its partition (sort key {@link Keys#REQUIREMENTS}, outside the
 * documents' and history's ranges): the requirements in order (a list of maps), the templates applied, a version for
 * conditional writes. Also the codec of a requirement line, which the organization's templates share
 * ({@link TemplatesItem}).
 */
public final class RequirementsItem {
    static final String ITEMS = "requirements";
    static final String APPLIED = "appliedTemplates";
    static final String VERSION = "ver";

    private RequirementsItem() {}

    public static Map<String, AttributeValue> key(String orgId, String projectId) {
        return Keys.key(Keys.projectPk(orgId, projectId), Keys.REQUIREMENTS);
    }

    public static boolean isRequirements(Map<String, AttributeValue> item) {
        return Keys.REQUIREMENTS.equals(Attrs.str(item, Keys.SK));
    }

    public static Map<String, AttributeValue> item(String orgId, String projectId, ProjectRequirements r) {
        Map<String, AttributeValue> item = new HashMap<>(key(orgId, projectId));
        item.put("type", AttributeValue.fromS("Requirements"));
        item.put(ITEMS, lines(r.items()));
        item.put(APPLIED, AttributeValue.fromL(r.appliedTemplates().stream().map(AttributeValue::fromS).toList()));
        item.put(VERSION, Attrs.n(r.version()));
        return item;
    }

    /** The stored requirements; none stored (null): {@link ProjectRequirements#NONE}. */
    public static ProjectRequirements toRequirements(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return ProjectRequirements.NONE;
        }
        return new ProjectRequirements(toLines(item.get(ITEMS)),
                item.get(APPLIED).l().stream().map(AttributeValue::s).toList(), Attrs.num(item, VERSION));
    }

    static AttributeValue lines(List<Requirement> requirements) {
        return AttributeValue.fromL(requirements.stream().map(RequirementsItem::line).toList());
    }

    static List<Requirement> toLines(AttributeValue list) {
        return list == null || !list.hasL() ? List.of() : list.l().stream().map(v -> toLine(v.m())).toList();
    }

    private static AttributeValue line(Requirement r) {
        Map<String, AttributeValue> m = new HashMap<>();
        Attrs.putIfPresent(m, "id", r.id());
        m.put("kind", AttributeValue.fromS(r.kind().name()));
        Attrs.putIfPresent(m, "label", r.label());
        m.put("neededBy", AttributeValue.fromS(r.neededBy().name()));
        Attrs.putIfPresent(m, "date", r.date());
        Attrs.putIfPresent(m, "note", r.note());
        m.put("source", AttributeValue.fromS(r.source().name()));
        Attrs.putIfPresent(m, "templateId", r.templateId());
        return AttributeValue.fromM(m);
    }

    private static Requirement toLine(Map<String, AttributeValue> m) {
        return new Requirement(Attrs.str(m, "id"), DocumentKind.valueOf(Attrs.str(m, "kind")), Attrs.str(m, "label"),
                NeededBy.valueOf(Attrs.str(m, "neededBy")), Attrs.date(m, "date"), Attrs.str(m, "note"),
                RequirementSource.valueOf(Attrs.str(m, "source")), Attrs.str(m, "templateId"));
    }
}
