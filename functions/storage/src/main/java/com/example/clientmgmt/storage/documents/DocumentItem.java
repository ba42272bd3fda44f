package com.example.clientmgmt.storage.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.reminders.DueShards;
import com.example.clientmgmt.storage.reminders.ReminderItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An admin document (the project's partition, sort key {@link Keys#DOCUMENT_PREFIX} + id): title, kind,
 * expiry date, its own reminder (date, note, lead and repeat days) and its resolution, {@code ver} (user edits are conditioned on it), the project's name
 * (for the expiring list; a project's name never changes) and {@code versions}, a map of version id → the
 * file version (see {@link #version}). One item holds the whole document, so reading a document, its
 * versions or a download costs one request with the project. While it has an expiry date it is in the
 * Lookup index ({@code lpk = ORG#o#EXPIRING}, {@code lsk = expiresOn#project#document}); an armed reminder
 * adds the attributes of {@link ReminderItem}. A pending version also has its own small item,
 * {@link PendingUploadItem}.
 */
public final class DocumentItem {
    static final String VERSION = "ver";
    static final String TITLE = "title";
    static final String KIND = "kind";
    static final String EXPIRES_ON = "expiresOn";
    static final String ISSUED_ON = "issuedOn";
    static final String PROJECT_NAME = "projectName";
    static final String REMINDER_DATE = "reminderDate";
    static final String REMINDER_NOTE = "reminderNote";
    static final String LEAD_DAYS = "leadDays";
    static final String REPEAT_DAYS = "repeatEveryDays";
    /** The client-contact roles the reminder also e-mails (a string set; absent: none). */
    static final String CONTACT_ROLES = "alsoNotifyContacts";
    static final String RESOLUTION = "reminderResolution";
    static final String RESOLVED_AT = "reminderResolvedAt";
    static final String RESOLVED_BY = "reminderResolvedBy";
    static final String VERSIONS = "versions";
    /** Attributes of one version, inside {@code versions.<id>}. */
    static final String V_STATUS = "status";
    static final String V_SIZE = "sizeBytes";
    static final String V_CHECKSUM = "checksum";
    static final String V_OBJECT_VERSION = "objectVersion";
    static final String V_UPLOADED_AT = "uploadedAt";
    static final String V_REJECT_REASON = "rejectReason";
    /** The Lookup index attributes of the expiring list. */
    static final String[] EXPIRING = {Keys.LOOKUP_PK, Keys.LOOKUP_SK};

    private DocumentItem() {}

    public static Map<String, AttributeValue> key(String orgId, String projectId, String documentId) {
        return Keys.key(Keys.projectPk(orgId, projectId), Keys.DOCUMENT_PREFIX + documentId);
    }

    public static String prefix() {
        return Keys.DOCUMENT_PREFIX;
    }

    /** The document id of a document item (from its sort key: any projection of the item has it). */
    public static String idOf(Map<String, AttributeValue> item) {
        return Attrs.str(item, Keys.SK).substring(Keys.DOCUMENT_PREFIX.length());
    }

    static boolean isPosition(String sortKey) {
        return sortKey.startsWith(Keys.DOCUMENT_PREFIX) && Ids.isWellFormed(sortKey.substring(Keys.DOCUMENT_PREFIX.length()));
    }

    /**
     * A newly declared document at version 1, with {@code reminderIndex} (its reminder armed, {@link DueShards#armed}, or
     * nothing when it has none due), in the expiring list when it expires. The reminder benchmark seeds its documents with
     * this too, so they are stored exactly as declared ones.
     */
    public static Map<String, AttributeValue> newItem(AdminDocument d, String projectName, Map<String, AttributeValue> reminderIndex) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.orgId(), d.projectId(), d.id()));
        item.put("type", AttributeValue.fromS("AdminDocument"));
        item.put("orgId", AttributeValue.fromS(d.orgId()));
        item.put("projectId", AttributeValue.fromS(d.projectId()));
        item.put("id", AttributeValue.fromS(d.id()));
        item.put(TITLE, AttributeValue.fromS(d.title()));
        item.put(KIND, AttributeValue.fromS(d.kind().name()));
        Attrs.putIfPresent(item, ISSUED_ON, d.issuedOn());
        Attrs.putIfPresent(item, EXPIRES_ON, d.expiresOn());
        Attrs.putIfPresent(item, PROJECT_NAME, projectName);
        reminderAttributes(d.reminder()).forEach((name, value) -> Attrs.putIfPresent(item, name, value));
        Attrs.putIfPresent(item, RESOLUTION, d.reminderResolution());
        item.put("createdAt", AttributeValue.fromS(d.createdAt().toString()));
        item.put("createdBy", AttributeValue.fromS(d.createdBy()));
        Map<String, AttributeValue> versions = new HashMap<>();
        d.versions().forEach(v -> versions.put(v.id(), version(v)));
        item.put(VERSIONS, AttributeValue.fromM(versions));
        item.put(VERSION, Attrs.n(1));
        if (d.expiresOn() != null) {
            item.putAll(expiring(d.orgId(), d.projectId(), d.id(), d.expiresOn()));
        }
        item.putAll(reminderIndex);
        return item;
    }

    /** A reminder's own attributes (null values: none), to put or to set. */
    static Map<String, AttributeValue> reminderAttributes(Reminder r) {
        Map<String, AttributeValue> out = new HashMap<>();
        out.put(REMINDER_DATE, r == null ? null : Attrs.textOrAbsent(r.date()));
        out.put(REMINDER_NOTE, r == null ? null : Attrs.textOrAbsent(r.note()));
        out.put(LEAD_DAYS, r == null ? null : Attrs.n(r.leadDays()));
        out.put(REPEAT_DAYS, r == null || r.repeatEveryDays() == null ? null : Attrs.n(r.repeatEveryDays()));
        out.put(CONTACT_ROLES, r == null || r.contactRoles().isEmpty() ? null
                : AttributeValue.fromSs(r.contactRoles().stream().map(Enum::name).sorted().toList()));
        return out;
    }

    private static java.util.Set<com.example.clientmgmt.domain.ContactRole> contactRoles(Map<String, AttributeValue> i) {
        AttributeValue v = i.get(CONTACT_ROLES);
        if (v == null || !v.hasSs()) {
            return java.util.Set.of();
        }
        return v.ss().stream().map(com.example.clientmgmt.domain.ContactRole::valueOf)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(com.example.clientmgmt.domain.ContactRole.class)));
    }

    /** One file version, as the value of {@code versions.<id>}. */
    static AttributeValue version(FileVersion v) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("fileName", AttributeValue.fromS(v.fileName()));
        m.put("contentType", AttributeValue.fromS(v.contentType()));
        m.put("declaredSize", Attrs.n(v.declaredSize()));
        m.put(V_STATUS, status(v.status()));
        Attrs.putIfPresent(m, V_SIZE, v.sizeBytes() == null ? null : Attrs.n(v.sizeBytes()));
        Attrs.putIfPresent(m, V_CHECKSUM, v.checksum());
        Attrs.putIfPresent(m, V_OBJECT_VERSION, v.objectVersion());
        Attrs.putIfPresent(m, V_REJECT_REASON, v.rejectReason());
        m.put("createdAt", AttributeValue.fromS(v.createdAt().toString()));
        m.put("createdBy", AttributeValue.fromS(v.createdBy()));
        Attrs.putIfPresent(m, V_UPLOADED_AT, v.uploadedAt());
        Attrs.putIfPresent(m, "pendingUntil", v.pendingUntil());
        return AttributeValue.fromM(m);
    }

    /** The Lookup index entry of a document that expires on {@code expiresOn}: its organization's expiring list. */
    static Map<String, AttributeValue> expiring(String orgId, String projectId, String documentId, LocalDate expiresOn) {
        return Map.of(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.expiringPk(orgId)),
                Keys.LOOKUP_SK, AttributeValue.fromS(expiresOn + "#" + projectId + "#" + documentId));
    }

    static AttributeValue status(FileVersion.Status status) {
        return AttributeValue.fromS(status.name());
    }

    static long version(Map<String, AttributeValue> item) {
        return Attrs.num(item, VERSION);
    }

    public static String projectName(Map<String, AttributeValue> item) {
        return Attrs.str(item, PROJECT_NAME);
    }

    public static AdminDocument toDocument(Map<String, AttributeValue> i) {
        List<FileVersion> versions = new ArrayList<>();
        AttributeValue all = i.get(VERSIONS);
        if (all != null && all.hasM()) {
            all.m().forEach((id, v) -> versions.add(toVersion(id, v.m())));
        }
        versions.sort(Comparator.comparing(FileVersion::id).reversed()); // ids grow with time: newest first
        String kind = Attrs.str(i, KIND);
        LocalDate reminderDate = Attrs.date(i, REMINDER_DATE);
        Long repeat = Attrs.optionalNum(i, REPEAT_DAYS);
        Reminder reminder = reminderDate == null ? null : new Reminder(reminderDate, Attrs.str(i, REMINDER_NOTE),
                (int) Attrs.num(i, LEAD_DAYS), repeat == null ? null : repeat.intValue(), contactRoles(i));
        String resolution = Attrs.str(i, RESOLUTION);
        return new AdminDocument(Attrs.str(i, "orgId"), Attrs.str(i, "projectId"), Attrs.str(i, "id"), Attrs.str(i, TITLE),
                kind == null ? DocumentKind.OTHER : DocumentKind.valueOf(kind), Attrs.date(i, ISSUED_ON), Attrs.date(i, EXPIRES_ON),
                reminder, resolution == null ? null : Reminder.Resolution.valueOf(resolution),
                Attrs.instant(i, "createdAt"), Attrs.str(i, "createdBy"), versions);
    }

    private static FileVersion toVersion(String id, Map<String, AttributeValue> m) {
        return new FileVersion(id, Attrs.str(m, "fileName"), Attrs.str(m, "contentType"), Attrs.num(m, "declaredSize"),
                FileVersion.Status.valueOf(Attrs.str(m, V_STATUS)), Attrs.optionalNum(m, V_SIZE), Attrs.str(m, V_CHECKSUM),
                Attrs.str(m, V_OBJECT_VERSION), Attrs.str(m, V_REJECT_REASON), Attrs.instant(m, "createdAt"),
                Attrs.str(m, "createdBy"), Attrs.instant(m, V_UPLOADED_AT), Attrs.instant(m, "pendingUntil"));
    }
}
