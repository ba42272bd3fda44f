package com.example.clientmgmt.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The projects a directory person is a client contact of, as a caller may be told of them: the names of those the
 * caller may read (LIMITED or ADMIN there, or an organization admin), in name order, and how many others there are
 * — never their names, which a project the caller cannot read does not show.
 */
public record ContactProjects(List<String> readable, int others) {
    public ContactProjects {
        readable = List.copyOf(readable);
    }

    /**
     * What {@code caller} may be told of {@code projectIds} ({@code found}: those projects as read, by id). A project
     * that is not found counts among the others.
     */
    public static ContactProjects seenBy(Caller caller, Collection<String> projectIds, Map<String, Project> found) {
        List<String> names = new ArrayList<>();
        int others = 0;
        for (String id : projectIds) {
            Project project = found.get(id);
            if (project != null && ProjectAccess.permissionOf(project, caller).canRead()) {
                names.add(project.name());
            } else {
                others++;
            }
        }
        names.sort(Comparator.naturalOrder());
        return new ContactProjects(names, others);
    }
}
