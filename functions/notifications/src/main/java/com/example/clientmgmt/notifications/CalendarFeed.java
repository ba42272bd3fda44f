package com.example.clientmgmt.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ICalendar;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectCalendar;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.http.Messages;
import com.example.clientmgmt.storage.organization.OrganizationStore;
import com.example.clientmgmt.storage.organization.ProfileStore;
import com.example.clientmgmt.storage.project.MembershipStore;
import com.example.clientmgmt.storage.readiness.ProjectDossiers;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's calendar, as of the request: the projects where they are a member with LIMITED or ADMIN <em>now</em> (their
 * memberships, each checked against the project's own list of members: a membership just removed shows nothing), each
 * read in one query ({@link ProjectDossiers}), their dates as events ({@link ProjectCalendar}) in the user's language.
 * Organization admins get their member projects only, like everyone: a feed of every project of a large organization
 * would be noise.
 */
@Singleton
public class CalendarFeed {
    /** A feed reads at most this many projects (the newest memberships first); past it, a calendar is unreadable anyway. */
    static final int MAX_PROJECTS = 200;
    private final MembershipStore memberships;
    private final ProjectDossiers dossiers;
    private final ProfileStore profiles;
    private final OrganizationStore organizations;
    private final ReminderSchedule schedule;

    public CalendarFeed(MembershipStore memberships, ProjectDossiers dossiers, ProfileStore profiles, OrganizationStore organizations,
                        ReminderSchedule schedule) {
        this.memberships = memberships;
        this.dossiers = dossiers;
        this.profiles = profiles;
        this.organizations = organizations;
        this.schedule = schedule;
    }

    /** The feed's language and its events, as of {@code now}. */
    public record Content(String language, String name, List<ICalendar.Event> events) {
        /** The document, stamped {@code at} (null: unstamped, to compare contents). */
        public String render(Instant at) {
            return ICalendar.render(name, language, events, at);
        }
    }

    public Content of(String orgId, String userId, Instant now) {
        Organization organization = organizations.find(orgId);
        String language = profiles.find(orgId, userId).languageOr(organization.defaultLanguage());
        Locale locale = language.startsWith("fr") ? Locale.CANADA_FRENCH : Locale.ENGLISH;
        ReminderSchedule rules = schedule.of(organization);
        LocalDate today = LocalDate.ofInstant(now, rules.zone());
        List<String> projectIds = new ArrayList<>(memberships.memberProjectIds(new Caller(userId, orgId, false)));
        projectIds.sort(java.util.Comparator.reverseOrder()); // ids sort by creation: the newest first
        List<ICalendar.Event> events = new ArrayList<>();
        for (String projectId : projectIds.subList(0, Math.min(MAX_PROJECTS, projectIds.size()))) {
            Optional<ProjectDossiers.Dossier> dossier = dossiers.read(orgId, projectId);
            if (dossier.isEmpty() || !dossier.get().project().permissionOf(userId).canRead()) {
                continue; // gone, or no longer readable by this user
            }
            Project project = dossier.get().project();
            events.addAll(ProjectCalendar.events(project, dossier.get().documents(), dossier.get().requirements(), rules, today,
                    (key, args) -> Messages.text(locale, key, args)));
        }
        return new Content(language, Messages.text(locale, "calendar.NAME", List.of(organization.name())), events);
    }
}
