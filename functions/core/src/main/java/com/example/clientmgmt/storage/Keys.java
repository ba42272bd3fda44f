package com.example.clientmgmt.storage;

/**
 * The single table's key scheme. Every partition key starts with the organization, so a request can
 * only ever reach its own organization's items. See README "Table design".
 *
 * <pre>
 * project partition  pk = ORG#o#PROJECT#p
 *   HISTORY#millis#id     admin history (sorts below PROJECT: one descending query reads the project then history)
 *   PROJECT               the project, its admin info, its members' permissions, its client contacts
 *   PROJECT#DOCUMENT#d    admin documents (sort just above PROJECT: one ascending query reads the project then documents)
 *   USER#u                membership (GSI1 lists a user's projects)
 * person             pk = ORG#o#PERSON#id, sk = PERSON  (GSI2 "ByName": gsi2pk = ORG#o#PEOPLE, gsi2sk = folded name#id)
 * search words       pk = ORG#o#PEOPLE#WORDS, sk = word#personId  (one item per word of a person's name and company)
 * notifications      pk = ORG#o#NOTIFY#u, sk = NOTIF#createdMillis.documentId.armedVer
 * due reminders      document items carry duePk = DUE#0..3 and dueAt = ISO instant while armed (sparse index DueReminders)
 * </pre>
 */
public final class Keys {
    private Keys() {}

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "ByUser";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";

    public static final String PROJECT = "PROJECT";
    public static final String HISTORY_PREFIX = "HISTORY#";
    public static final String DOCUMENT_PREFIX = "PROJECT#DOCUMENT#";
    public static final String MEMBER_PREFIX = "USER#";

    public static final String GSI2 = "ByName";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    public static final String PERSON = "PERSON";

    public static String personPk(String orgId, String personId) {
        return "ORG#" + orgId + "#PERSON#" + personId;
    }

    public static String peoplePk(String orgId) {
        return "ORG#" + orgId + "#PEOPLE";
    }

    public static String wordsPk(String orgId) {
        return "ORG#" + orgId + "#PEOPLE#WORDS";
    }

    public static String projectPk(String orgId, String projectId) {
        return "ORG#" + orgId + "#PROJECT#" + projectId;
    }

    public static String memberSk(String userId) {
        return MEMBER_PREFIX + userId;
    }

    public static String userPk(String orgId, String userId) {
        return "ORG#" + orgId + "#USER#" + userId;
    }
}
