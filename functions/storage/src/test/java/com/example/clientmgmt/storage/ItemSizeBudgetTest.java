package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.ClientContact;
import com.example.clientmgmt.domain.ContactChange;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.MemberChange;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.storage.directory.PersonItem;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.project.ProjectItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The items that grow are capped in the domain; this proves the caps keep the largest item each allows under
 * DynamoDB's 400 KB, with every text at its length limit in 4-byte characters (the worst case in UTF-8) and every id
 * at its longest — so no write is ever refused for an item's size. The codecs build the items, as in production.
 */
class ItemSizeBudgetTest {
    static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
    /** A text of {@code length} characters, each 4 bytes in UTF-8. */
    static String widest(int length) {
        return "\uD83D\uDE00".repeat(length);
    }

    static String id(int i) {
        return String.format("01J%023d", i).replace('0', 'A').substring(0, 26);
    }

    static String userId(int i) {
        return (i + "-" + "u".repeat(128)).substring(0, 128);
    }

    @Test
    void theLargestProjectTwoHundredMembersEveryTextAtItsLimitStaysUnder400KB() {
        Map<String, Permission> members = new HashMap<>();
        for (int i = 0; i < MemberChange.MAX_MEMBERS; i++) {
            members.put(userId(i), Permission.LIMITED);
        }
        Map<ContactRole, ClientContact> contacts = new EnumMap<>(ContactRole.class);
        for (ContactRole role : ContactRole.values()) {
            contacts.put(role, new ClientContact(id(role.ordinal()), widest(200)));
        }
        Project project = new Project(userId(999), id(1), widest(200), new AdminInfo(widest(200), LocalDate.MAX, LocalDate.MAX,
                LocalDate.MAX, ProjectState.ON_HOLD, new Money(new BigDecimal("999999999999.99"), "CAD")), Long.MAX_VALUE, Long.MAX_VALUE,
                members, contacts, AT, userId(998));
        int size = ItemSizeLimit.sizeOf(ProjectItem.item(project));
        assertTrue(size < ItemSizeLimit.MAX_BYTES / 4, "project item at most " + size + " bytes");
        System.out.println("item size budget: project at most " + size + " bytes");
    }

    @Test
    void theLargestDocumentOneHundredVersionsEveryTextAtItsLimitStaysUnder400KB() {
        List<FileVersion> versions = new ArrayList<>();
        for (int i = 0; i < AdminDocument.MAX_VERSIONS; i++) {
            versions.add(new FileVersion(id(i), widest(255), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    Long.MAX_VALUE, FileVersion.Status.REJECTED, Long.MAX_VALUE, "c".repeat(64), "v".repeat(1024), "CONTENT_TYPE_MISMATCH",
                    AT, userId(i), AT, AT));
        }
        AdminDocument document = new AdminDocument(userId(999), id(1), id(2), widest(200), DocumentKind.LABOUR_MATERIALS_BOND,
                LocalDate.MAX, LocalDate.MAX, new Reminder(LocalDate.MAX, widest(1000), Reminder.MAX_LEAD_DAYS, Reminder.MAX_REPEAT_DAYS),
                Reminder.Resolution.RENEWED, AT, userId(998), versions);
        int size = ItemSizeLimit.sizeOf(DocumentItem.newItem(document, widest(200),
                com.example.clientmgmt.storage.reminders.ReminderItem.armed(Keys.duePk(com.example.clientmgmt.storage.reminders.DueShards.MAX - 1), AT, Long.MAX_VALUE)));
        assertTrue(size < ItemSizeLimit.MAX_BYTES * 3 / 4, "document item at most " + size + " bytes");
        System.out.println("item size budget: document at most " + size + " bytes");
    }

    @Test
    void theLargestPersonAContactInEveryRoleTheyMayHoldStaysUnder400KB() {
        Set<String> contactOf = new HashSet<>();
        for (int i = 0; contactOf.size() < ContactChange.MAX_CONTACT_ROLES; i++) {
            contactOf.add(id(i) + "#" + ContactRole.values()[i % ContactRole.values().length].name());
        }
        Person person = new Person(userId(999), id(1), widest(200), widest(200), "e".repeat(64) + "@" + "d".repeat(185) + ".com",
                "+1 (450) 555-0100 poste 123456", Licence.STANDARD, contactOf);
        int size = ItemSizeLimit.sizeOf(PersonItem.item(person, Long.MAX_VALUE));
        assertTrue(size < ItemSizeLimit.MAX_BYTES / 2, "person item at most " + size + " bytes");
        System.out.println("item size budget: person at most " + size + " bytes");
    }

    /** A requirement with every text at its limit in 4-byte characters. */
    static com.example.clientmgmt.domain.Requirement widestRequirement(int i) {
        return new com.example.clientmgmt.domain.Requirement(id(i), DocumentKind.LABOUR_MATERIALS_BOND,
                widest(com.example.clientmgmt.domain.Requirement.MAX_LABEL), com.example.clientmgmt.domain.NeededBy.SUBMISSION,
                LocalDate.MAX, widest(com.example.clientmgmt.domain.Requirement.MAX_NOTE),
                com.example.clientmgmt.domain.RequirementSource.TEMPLATE, id(i + 1));
    }

    @Test
    void theLargestRequirementsOfAProjectAndTemplatesOfAnOrganizationStayUnder400KB() {
        List<com.example.clientmgmt.domain.Requirement> lines = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < com.example.clientmgmt.domain.ProjectRequirements.MAX; i++) {
            lines.add(widestRequirement(i));
            applied.add(id(i));
        }
        int project = ItemSizeLimit.sizeOf(com.example.clientmgmt.storage.requirements.RequirementsItem.item(userId(999), id(1),
                new com.example.clientmgmt.domain.ProjectRequirements(lines, applied, Long.MAX_VALUE)));
        assertTrue(project < ItemSizeLimit.MAX_BYTES / 2, "requirements item at most " + project + " bytes");
        List<com.example.clientmgmt.domain.RequirementTemplate> templates = new ArrayList<>();
        int perTemplate = com.example.clientmgmt.domain.RequirementTemplate.MAX_LINES / com.example.clientmgmt.domain.RequirementTemplate.MAX_TEMPLATES;
        for (int t = 0; t < com.example.clientmgmt.domain.RequirementTemplate.MAX_TEMPLATES; t++) {
            List<com.example.clientmgmt.domain.Requirement> own = new ArrayList<>();
            for (int i = 0; i < perTemplate; i++) {
                own.add(widestRequirement(i));
            }
            templates.add(new com.example.clientmgmt.domain.RequirementTemplate(id(t), widest(com.example.clientmgmt.domain.RequirementTemplate.MAX_NAME), own));
        }
        int organization = ItemSizeLimit.sizeOf(com.example.clientmgmt.storage.requirements.TemplatesItem.item(userId(999), templates, Long.MAX_VALUE));
        assertTrue(organization < ItemSizeLimit.MAX_BYTES * 3 / 4, "templates item at most " + organization + " bytes");
        System.out.println("item size budget: requirements at most " + project + " bytes, templates at most " + organization + " bytes");
    }

    @Test
    void theSizeCountsNamesAndValuesInUtf8() {
        assertEquals(1 + 4 + 3 + 21, ItemSizeLimit.sizeOf(Map.of("a", AttributeValue.fromS("\uD83D\uDE00"), "bcd", AttributeValue.fromN("1"))));
        assertEquals(1 + 3 + 1 + 1 + 1, ItemSizeLimit.sizeOf(Map.of("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))))));
    }

    @Test
    void dynamoDbRefusingAnItemForItsSizeIsRecognizedAloneAndInATransaction() {
        DynamoDbException alone = (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .message("Item size to update has exceeded the maximum allowed size").build();
        assertTrue(ItemSizeLimit.refused(new RuntimeException(alone)));
        TransactionCanceledException inTransaction = TransactionCanceledException.builder().statusCode(400).message("Transaction cancelled")
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ValidationError").message("Item size has exceeded the maximum allowed size").build())
                .build();
        assertTrue(ItemSizeLimit.refused(inTransaction));
        assertFalse(ItemSizeLimit.refused(DynamoDbException.builder().statusCode(400).message("One or more parameter values were invalid").build()));
        assertFalse(ItemSizeLimit.refused(TransactionCanceledException.builder().statusCode(400)
                .cancellationReasons(CancellationReason.builder().code("ConditionalCheckFailed").build()).build()));
    }
}
