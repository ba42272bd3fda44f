package com.example.clientmgmt.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The single table's key scheme: every key prefix and index name, written here once; the item codecs
 * (the {@code *Item} classes) build every key from these. Every partition key starts with the
 * organization, so a request can only ever reach its own organization's items. README "Table design".
 *
 * <pre>
 * organization       pk = ORG#o, sk = SETTINGS (name, time zone, language)
 *                    pk = ORG#o, sk = REQUIREMENT-TEMPLATES (the organization's requirement templates)
 * project partition  pk = ORG#o#PROJECT#p
 *   HISTORY#millis#id#n   admin history (sorts below PROJECT: one descending query reads the project, then history)
 *   PROJECT               the project, its admin info, its members' permissions, its client contacts
 *   PROJECT#DOCUMENT#d    admin documents with their file versions (just above PROJECT: one ascending query reads the
 *                         project, then documents)
 *   PROJECT#REMINDERS#MOVE the project closed or reopened and its reminders are still moving (lpk = REMINDERS#MOVING)
 *   PROJECT#READINESS     the project's readiness summary (ReadinessItem): when at risk lpk = ORG#o#READINESS, lsk =
 *                         nextDate#project (index Lookup, the organization's list); while time alone may change it
 *                         duePk = READINESS#0..3, dueAt (index DueReminders, the daily sweep's refresh and at-risk warnings)
 *   PROJECT#REQUIREMENTS  the project's stored requirements (outside the documents' range: a documents query never reads it)
 *   PROJECT#UPLOAD#d#v    a file version awaiting its upload (after the documents' range)
 *   USER#u                membership (index ByUser lists a user's projects)
 * person             pk = ORG#o#PERSON#id, sk = PERSON  (index ByName: gsi2pk = ORG#o#PEOPLE, gsi2sk = folded name#id)
 * search words       pk = ORG#o#PEOPLE#WORDS, sk = word#personId
 * notifications      pk = ORG#o#NOTIFY#u, sk = NOTIF#createdMillis.documentId.armedVer
 * user profile       pk = ORG#o#USER#u, sk = PROFILE (e-mail, name, locale from the token; preferences)
 * calendar feed      pk = ORG#o#USER#u, sk = CALENDAR (the hash of its secret; lpk = CALENDAR#hash on Lookup)
 * e-mail sent        pk = ORG#o#MAIL#idempotencyKey, sk = TO#recipient (at most once; expiresAt TTL)
 * due reminders      document items carry duePk = DUE#0..n-1 (n: DueShards, a setting) and dueAt while armed (sparse index DueReminders); a closed
 *                    project's reminders keep dueAt without duePk ("parked": out of the index) until it reopens
 * pending uploads     PROJECT#UPLOAD# items: lpk = UPLOADS#PENDING, lsk = the version's deadline#version (index Lookup)
 * expiring documents  document items with an expiry date: lpk = ORG#o#EXPIRING, lsk = expiresOn#project#document (index Lookup)
 * organization list   project items: lpk = ORG#o#PROJECTS, lsk = project id (index Lookup; filtered on state and search words)
 * unread notifications notification items while unread: lpk = ORG#o#UNREAD#u, lsk = the notification id (index Lookup;
 *                    marking one read removes both, so counting and reading-all read unread items only)
 * </pre>
 *
 * A stack update can add one global secondary index at most, so access patterns added after the first
 * deployment share one overloaded, sparse index, {@link #LOOKUP}: each gives its items an {@code lpk} of its own.
 */
public final class Keys {
    private Keys() {}

    public static final String PK = "pk";
    public static final String SK = "sk";

    /** Index of a user's memberships: {@code gsi1pk = ORG#o#USER#u}, {@code gsi1sk = projectId}. */
    public static final String BY_USER = "ByUser";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    /** Index of the directory in name order: {@code gsi2pk = ORG#o#PEOPLE}, {@code gsi2sk = folded name#id}. */
    public static final String BY_NAME = "ByName";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    /** Sparse index of armed reminders: {@code duePk = DUE#shard}, {@code dueAt = ISO instant}. */
    public static final String DUE_REMINDERS = "DueReminders";
    public static final String DUE_PK = "duePk";
    public static final String DUE_AT = "dueAt";

    /** The shared, overloaded sparse index: {@code lpk} names the access pattern (and its partition), {@code lsk} orders it. */
    public static final String LOOKUP = "Lookup";
    public static final String LOOKUP_PK = "lpk";
    public static final String LOOKUP_SK = "lsk";

    public static final String PROJECT = "PROJECT";
    public static final String HISTORY_PREFIX = "HISTORY#";
    public static final String DOCUMENT_PREFIX = "PROJECT#DOCUMENT#";
    public static final String UPLOAD_PREFIX = "PROJECT#UPLOAD#";
    public static final String MEMBER_PREFIX = "USER#";
    public static final String PERSON = "PERSON";
    public static final String NOTIFICATION_PREFIX = "NOTIF#";
    private static final String ORG = "ORG#";
    private static final String NOTIFY = "#NOTIFY#";
    private static final String PROJECT_PART = "#PROJECT#";
    private static final String DUE_PREFIX = "DUE#";
    public static final String PENDING_UPLOADS = "UPLOADS#PENDING";
    public static final String MOVING_REMINDERS = "REMINDERS#MOVING";
    public static final String SETTINGS = "SETTINGS";
    public static final String REQUIREMENTS = "PROJECT#REQUIREMENTS";
    /** A project's readiness summary: between its documents and its requirements, so one query reads the whole dossier. */
    public static final String READINESS = "PROJECT#READINESS";
    public static final String REQUIREMENT_TEMPLATES = "REQUIREMENT-TEMPLATES";
    public static final String CALENDAR = "CALENDAR";
    public static final String PROFILE = "PROFILE";
    /** The table's TTL attribute (epoch seconds): DynamoDB deletes the item some time after it. */
    public static final String EXPIRES_AT = "expiresAt";

    /** The partition of the e-mails sent for one event (idempotency key). */
    public static String mailPk(String orgId, String idempotencyKey) {
        return ORG + orgId + "#MAIL#" + idempotencyKey;
    }

    /** An organization's own partition: its settings. */
    public static String organizationPk(String orgId) {
        return ORG + orgId;
    }

    public static String projectPk(String orgId, String projectId) {
        return ORG + orgId + PROJECT_PART + projectId;
    }

    /** The organization and project ids a {@link #projectPk} names, or null when {@code pk} is no project partition. */
    public static String[] projectOf(String pk) {
        int at = pk.startsWith(ORG) ? pk.indexOf(PROJECT_PART, ORG.length()) : -1;
        return at < 0 ? null : new String[] {pk.substring(ORG.length(), at), pk.substring(at + PROJECT_PART.length())};
    }

    public static String userPk(String orgId, String userId) {
        return ORG + orgId + "#USER#" + userId;
    }

    public static String personPk(String orgId, String personId) {
        return ORG + orgId + "#PERSON#" + personId;
    }

    public static String peoplePk(String orgId) {
        return ORG + orgId + "#PEOPLE";
    }

    public static String wordsPk(String orgId) {
        return ORG + orgId + "#PEOPLE#WORDS";
    }

    public static String notificationsPk(String orgId, String userId) {
        return ORG + orgId + NOTIFY + userId;
    }

    /**
     * The organization and user ids a {@link #notificationsPk} names (organization ids hold no '#'), or null when
     * {@code pk} is no notifications partition.
     */
    public static String[] notificationsOwner(String pk) {
        int at = pk.startsWith(ORG) ? pk.indexOf(NOTIFY, ORG.length()) : -1;
        return at < 0 ? null : new String[] {pk.substring(ORG.length(), at), pk.substring(at + NOTIFY.length())};
    }

    public static String unreadPk(String orgId, String userId) {
        return ORG + orgId + "#UNREAD#" + userId;
    }

    /** A calendar feed on the Lookup index, by the hash of its secret (the request carries no organization). */
    public static String calendarLookup(String secretHash) {
        return "CALENDAR#" + secretHash;
    }

    public static String expiringPk(String orgId) {
        return ORG + orgId + "#EXPIRING";
    }

    /** The organization's projects at risk on the Lookup index ({@code lsk = nextDate#project}). */
    public static String readinessPk(String orgId) {
        return ORG + orgId + "#READINESS";
    }

    /** A partition of readiness summaries to refresh on the DueReminders index (apart from the reminders' {@code DUE#n}). */
    public static String readinessDuePk(int shard) {
        return "READINESS#" + shard;
    }

    public static String organizationProjectsPk(String orgId) {
        return ORG + orgId + "#PROJECTS";
    }

    public static String duePk(int shard) {
        return DUE_PREFIX + shard;
    }

    /** An instant as index sort keys hold it, compared as text: whole seconds, always the same width. */
    public static String instantText(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A primary key. */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
