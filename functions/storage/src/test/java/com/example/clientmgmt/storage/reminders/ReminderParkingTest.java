package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.StorageFixture;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.documents.DocumentStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.document;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A closed project's reminders leave the due index and come back, due when they were, when it reopens — with more
 * documents than one transaction holds, and with a close and a reopen racing each other.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ReminderParkingTest {
    /** Steps of 10 documents: a few dozen make several steps (the emulator is slow with 100-item transactions). */
    @RegisterExtension
    static StorageFixture db = new StorageFixture(Map.of("reminders.move-step", "10"));
    static final String ORG = "org-park";
    static final Caller OWNER = caller("owner", ORG);
    /** After every reminder of these tests. */
    static final Instant LATER = Instant.parse("2040-01-01T00:00:00Z");

    ReminderParking parking() {
        return db.bean(ReminderParking.class);
    }

    Project withReminders(int documents) {
        Project p = project(ORG, Map.of("owner", Permission.ADMIN));
        db.bean(ProjectStore.class).create(p);
        for (int i = 0; i < documents; i++) {
            // some overdue, some later: 2026-11-01 onwards, one a day
            AdminDocument d = document(p, LocalDate.of(2026, 11, 1).plusDays(i));
            db.bean(DocumentStore.class).declare(OWNER, db.declaration(d), "Projet", NOW);
        }
        return p;
    }

    /**
     * The project's reminders in the due index: document → dueAt. Read from its documents (an item is in the sparse
     * index exactly when it has both index keys), so that each round reads its own project only.
     */
    Map<String, String> inIndex(Project p) {
        Map<String, String> due = new HashMap<>();
        db.aws.dynamoDb().queryPaginator(b -> b.tableName(db.table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :d)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.projectPk(p.orgId(), p.id())),
                                ":d", AttributeValue.fromS(DocumentItem.prefix()))))
                .items().forEach(item -> {
                    if (item.containsKey(Keys.DUE_PK) && item.containsKey(Keys.DUE_AT)) {
                        due.put(DocumentItem.idOf(item), item.get(Keys.DUE_AT).s());
                    }
                });
        return due;
    }

    @Test
    void theDueIndexHoldsWhatTheDocumentsSay() {
        Project p = withReminders(3);
        Map<String, String> fromIndex = new HashMap<>();
        db.bean(ReminderStore.class).due(LATER, 100).forEach(page -> page.stream()
                .filter(r -> r.document().projectId().equals(p.id())).forEach(r -> fromIndex.put(r.document().id(), r.dueAt())));
        assertEquals(fromIndex, inIndex(p));
        assertEquals(3, fromIndex.size());
    }

    @Test
    void aStepNeverHoldsMoreThanATransactionDoes() {
        assertEquals(99, ReminderParking.MAX_STEP);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ReminderParking(db.aws.dynamoDb(), db.bean(com.example.clientmgmt.platform.TableConfig.class),
                        db.bean(ProjectStore.class), 100, new DueShards(4)));
    }

    @Test
    void closingParksEveryReminderInStepsAndReopeningBringsEachBackDueWhenItWas() {
        Project p = withReminders(25);
        Map<String, String> before = inIndex(p);
        assertEquals(25, before.size());
        assertEquals(List.of(), parking().unsettled(LATER), "nothing moving yet");

        db.close(p, OWNER);
        assertEquals(List.of(ProjectRef.of(p)), parking().unsettled(NOW), "the close left its mark");
        List<String> operations = db.operationsOf(() -> assertEquals(new ReminderParking.Settled(25, true), parking().settle(ProjectRef.of(p))));
        assertEquals(3, operations.stream().filter("TransactWriteItems"::equals).count(), "25 documents: 3 steps of at most 10: " + operations);
        assertEquals(Map.of(), inIndex(p));
        assertEquals(List.of(), parking().unsettled(LATER), "the mark is gone");
        assertEquals(new ReminderParking.Settled(0, true), parking().settle(ProjectRef.of(p)), "settling again changes nothing");

        db.setState(p, OWNER, ProjectState.ON_HOLD);
        assertEquals(new ReminderParking.Settled(25, true), parking().settle(ProjectRef.of(p)));
        assertEquals(before, inIndex(p), "every reminder back, due when it was (overdue ones fire on the next run)");
        assertEquals(List.of(), parking().unsettled(LATER));
    }

    @Test
    void aMoveWhoseRequestDiedIsFoundByItsMarkAndFinished() {
        Project p = withReminders(3);
        db.close(p, OWNER); // and the request dies here
        assertEquals(3, inIndex(p).size());
        assertEquals(List.of(), parking().unsettled(NOW.minusSeconds(1)), "marks newer than the grace are left to their request");
        for (ProjectRef ref : parking().unsettled(NOW)) {
            parking().settle(ref);
        }
        assertEquals(Map.of(), inIndex(p));
    }

    /**
     * A close (its state write, then its move) races a reopen (seen closed, its state write, then its move), from an
     * open project each round; with a random head start either may end last. Whoever wins, the index must say what
     * the project's final state says: every reminder due when it was (open), or none at all (closed).
     */
    @Test
    void aCloseAndAReopenRacingNeverLeaveAReminderLostOrDue() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.Random random = new java.util.Random(22);
        try {
            Project p = withReminders(3);
            Map<String, String> before = inIndex(p);
            Map<ProjectState, Integer> outcomes = new java.util.EnumMap<>(ProjectState.class);
            for (int round = 0; round < 100; round++) {
                int headStart = random.nextInt(40);
                Future<?> closing = pool.submit(() -> {
                    if (changedState(p, ProjectState.CLOSED)) {
                        parking().settle(ProjectRef.of(p));
                    }
                    return null;
                });
                Future<?> reopening = pool.submit(() -> {
                    Thread.sleep(headStart);
                    // the user looks once: closed by now, they reopen it (while the close's move may still run)
                    if (db.bean(ProjectStore.class).find(ORG, p.id()).orElseThrow().adminInfo().state() == ProjectState.CLOSED
                            && changedState(p, ProjectState.ACTIVE)) {
                        parking().settle(ProjectRef.of(p));
                    }
                    return null;
                });
                closing.get();
                reopening.get();
                ProjectState end = db.bean(ProjectStore.class).find(ORG, p.id()).orElseThrow().adminInfo().state();
                outcomes.merge(end, 1, Integer::sum);
                assertEquals(end == ProjectState.CLOSED ? Map.of() : before, inIndex(p),
                        "round " + round + ", ended " + end + ": the index says what the state says");
                assertEquals(List.of(), parking().unsettled(LATER), "round " + round + ": settled");
                if (end == ProjectState.CLOSED) {
                    db.setState(p, OWNER, ProjectState.ACTIVE);
                    parking().settle(ProjectRef.of(p));
                    assertEquals(before, inIndex(p), "round " + round + ": reopened, every reminder due when it was");
                }
            }
            assertTrue(outcomes.getOrDefault(ProjectState.CLOSED, 0) > 0 && outcomes.getOrDefault(ProjectState.ACTIVE, 0) > 0,
                    "both sides won some rounds: " + outcomes);
        } finally {
            pool.shutdown();
        }
    }

    /** Sets the state as an ADMIN's request would; false when refused as a concurrent change (the request's 409). */
    boolean changedState(Project p, ProjectState state) {
        try {
            db.setState(p, OWNER, state);
            return true;
        } catch (ProblemException e) {
            assertEquals("CONCURRENT_CHANGE", e.messageKey(), e::toString);
            return false;
        }
    }

    @Test
    void aProjectClosedBeforeMarksExistedIsSettledToo() {
        Project p = withReminders(2);
        db.close(p, OWNER);
        db.rawDelete(ReminderMoveItem.key(ORG, p.id()));
        assertTrue(parking().unsettled(LATER).isEmpty());
        assertEquals(new ReminderParking.Settled(2, true), parking().settle(ProjectRef.of(p)));
        assertEquals(Map.of(), inIndex(p));
    }
}
