package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.ClientType;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.SearchText;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.directory.ClientContactItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project item (partition {@link Keys#projectPk}, sort key {@link Keys#PROJECT}): name, admin info (one attribute
 * per field, absent when empty), {@code version} (counts admin-info changes: the ETag), {@code limitedVersion} (the
 * version at the last change LIMITED members see; absent on items written before it existed: then {@code version},
 * which is at or after that change), {@code members}
 * (user → permission: the permission check reads this one item) and {@code contacts} (see
 * {@link ClientContactItem}). Every project is on its organization's list (index Lookup: {@code lpk = ORG#o#PROJECTS},
 * {@code lsk} = its id, so newest last) with {@code search}, the folded words of its and its client's names.
 */
public final class ProjectItem {
    static final String MEMBERS = "members";
    static final String VERSION = "version";
    static final String LIMITED_VERSION = "limitedVersion";
    public static final String STATE = AdminInfo.STATE;
    static final String SEARCH = "search";

    private ProjectItem() {}

    public static Map<String, AttributeValue> key(String orgId, String projectId) {
        return Keys.key(Keys.projectPk(orgId, projectId), Keys.PROJECT);
    }

    public static boolean isProject(Map<String, AttributeValue> item) {
        return Keys.PROJECT.equals(Attrs.str(item, Keys.SK));
    }

    public static Map<String, AttributeValue> item(Project project) {
        Map<String, AttributeValue> item = new HashMap<>(key(project.orgId(), project.id()));
        item.put("type", AttributeValue.fromS("Project"));
        item.put("orgId", AttributeValue.fromS(project.orgId()));
        item.put("id", AttributeValue.fromS(project.id()));
        item.put("name", AttributeValue.fromS(project.name()));
        item.put(VERSION, Attrs.n(project.version()));
        item.put(LIMITED_VERSION, Attrs.n(project.limitedVersion()));
        item.put("createdAt", AttributeValue.fromS(project.createdAt().toString()));
        item.put("createdBy", AttributeValue.fromS(project.createdBy()));
        Map<String, AttributeValue> members = new HashMap<>();
        project.members().forEach((user, permission) -> members.put(user, permission(permission)));
        item.put(MEMBERS, AttributeValue.fromM(members));
        item.put(ClientContactItem.CONTACTS, ClientContactItem.contacts(project.clientContacts()));
        adminInfo(project.adminInfo()).forEach((name, value) -> Attrs.putIfPresent(item, name, value));
        item.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.organizationProjectsPk(project.orgId())));
        item.put(Keys.LOOKUP_SK, AttributeValue.fromS(project.id()));
        item.put(SEARCH, search(project.name(), project.adminInfo().clientCompanyName()));
        return item;
    }

    /**
     * What the organization's project list searches: the folded words of the project's and the client's
     * names, each after a space (" tour de ville ..."), so that {@code contains(search, " " + word)} is
     * "a word starts with it".
     */
    static AttributeValue search(String name, String clientCompanyName) {
        StringBuilder out = new StringBuilder();
        SearchText.words(name, clientCompanyName).forEach(w -> out.append(' ').append(w));
        return AttributeValue.fromS(out.append(' ').toString());
    }

    /** The index key of a project on the organization's list (Lookup): where a page continues. */
    static Map<String, AttributeValue> organizationIndexKey(String orgId, String projectId) {
        Map<String, AttributeValue> key = new HashMap<>(key(orgId, projectId));
        key.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.organizationProjectsPk(orgId)));
        key.put(Keys.LOOKUP_SK, AttributeValue.fromS(projectId));
        return key;
    }

    /** Admin-info fields as attributes, in the API's order; a null value means "no attribute" (an empty field). */
    static Map<String, AttributeValue> adminInfo(AdminInfo info) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        out.put(AdminInfo.CLIENT_COMPANY_NAME, Attrs.textOrAbsent(info.clientCompanyName()));
        out.put(AdminInfo.SUBMISSION_DEADLINE, Attrs.textOrAbsent(info.submissionDeadline()));
        out.put(AdminInfo.START_DATE, Attrs.textOrAbsent(info.startDate()));
        out.put(AdminInfo.END_DATE, Attrs.textOrAbsent(info.endDate()));
        out.put(AdminInfo.STATE, AttributeValue.fromS(info.state().name()));
        out.put(AdminInfo.ESTIMATED_BUDGET, Attrs.money(info.estimatedBudget()));
        out.put(AdminInfo.CLIENT_TYPE, AttributeValue.fromS(info.clientType().name()));
        return out;
    }

    static AttributeValue permission(Permission permission) {
        return AttributeValue.fromS(permission.name());
    }

    public static Project toProject(Map<String, AttributeValue> item) {
        Map<String, Permission> members = new HashMap<>();
        AttributeValue m = item.get(MEMBERS);
        if (m != null && m.hasM()) {
            m.m().forEach((user, p) -> members.put(user, Permission.valueOf(p.s())));
        }
        AdminInfo info = new AdminInfo(Attrs.str(item, AdminInfo.CLIENT_COMPANY_NAME),
                Attrs.date(item, AdminInfo.SUBMISSION_DEADLINE), Attrs.date(item, AdminInfo.START_DATE),
                Attrs.date(item, AdminInfo.END_DATE), ProjectState.valueOf(Attrs.str(item, AdminInfo.STATE)),
                Attrs.money(item.get(AdminInfo.ESTIMATED_BUDGET)),
                // absent on projects stored before client types: PRIVATE
                item.containsKey(AdminInfo.CLIENT_TYPE) ? ClientType.valueOf(Attrs.str(item, AdminInfo.CLIENT_TYPE)) : ClientType.PRIVATE);
        return new Project(Attrs.str(item, "orgId"), Attrs.str(item, "id"), Attrs.str(item, "name"), info,
                Attrs.num(item, VERSION), item.containsKey(LIMITED_VERSION) ? Attrs.num(item, LIMITED_VERSION) : Attrs.num(item, VERSION), members, ClientContactItem.fromContacts(item.get(ClientContactItem.CONTACTS)),
                Attrs.instant(item, "createdAt"), Attrs.str(item, "createdBy"));
    }
}
