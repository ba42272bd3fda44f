package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.StorageFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static com.example.clientmgmt.storage.StorageFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin history against the emulator: numbering within a change, newest first, pages and their cost. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class HistoryLogTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();

    @Test
    void entriesOfAChangeKeepTheirOrderAndChangesComeNewestFirstAcrossPages() {
        Project p = project("org-h", Map.of("owner", Permission.ADMIN));
        db.bean(ProjectStore.class).create(p);
        HistoryLog history = db.bean(HistoryLog.class);
        for (int c = 0; c < 3; c++) {
            HistoryLog.Change change = history.change(ProjectRef.of(p), caller("owner", "org-h"), NOW.plusSeconds(c));
            List<TransactWriteItem> writes = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                writes.add(change.entry("field" + c + "." + f, null, "v" + f));
            }
            db.aws.dynamoDb().transactWriteItems(b -> b.transactItems(writes));
        }
        List<String> fields = new ArrayList<>();
        List<List<String>> operations = new ArrayList<>();
        String[] cursor = {null};
        do {
            operations.add(db.operationsOf(() -> {
                ProjectPage<HistoryEntry> page = history.page("org-h", p.id(), cursor[0], 4);
                assertEquals(p, page.project().orElseThrow());
                page.page().items().forEach(e -> fields.add(e.field()));
                cursor[0] = page.page().nextCursor();
            }));
        } while (cursor[0] != null);
        assertEquals(List.of("field2.0", "field2.1", "field2.2", "field1.0", "field1.1", "field1.2",
                "field0.0", "field0.1", "field0.2"), fields);
        assertEquals(List.of("Query"), operations.get(0), "first page: the project and the entries in one query");
        assertEquals(List.of("GetItem", "Query"), operations.get(1), "later pages: the project, then the page");
    }

    @Test
    void anUnknownProjectHasNoHistoryAndAForeignCursorIsRefused() {
        HistoryLog history = db.bean(HistoryLog.class);
        ProjectPage<HistoryEntry> none = history.page("org-h", "01ARZ3NDEKTSV4RRFFQ69G5FAV", null, 10);
        assertTrue(none.project().isEmpty());
        assertEquals(List.of(), none.page().items());
        assertNull(none.page().nextCursor());
        refused(ProblemCode.VALIDATION_FAILED, null, () -> history.page("org-h", "01ARZ3NDEKTSV4RRFFQ69G5FAV",
                Cursor.encode("PROJECT#DOCUMENT#01ARZ3NDEKTSV4RRFFQ69G5FAV"), 10));
    }
}
