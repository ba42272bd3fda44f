package com.example.clientmgmt.documents;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.example.clientmgmt.platform.ScheduledTick;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.TestClock;
import com.example.clientmgmt.testkit.World;
import com.example.clientmgmt.uploads.ReconcileHandler;
import com.example.clientmgmt.uploads.UploadEventsHandler;
import com.example.clientmgmt.uploads.UploadReconciler;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.example.clientmgmt.documents.AdminDocumentsApiTest.HTTP;
import static com.example.clientmgmt.documents.AdminDocumentsApiTest.PDF;
import static com.example.clientmgmt.documents.AdminDocumentsApiTest.declaration;
import static com.example.clientmgmt.documents.AdminDocumentsApiTest.docs;
import static com.example.clientmgmt.documents.AdminDocumentsApiTest.upload;
import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads whose S3 event was lost: the scheduled reconciliation (through its Lambda handler, as of the tick's
 * time) finds them once their URL expired, and settles each from what S3 holds, as the event would have.
 * Time is driven through the tick, never waited for.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class UploadReconciliationTest {
    /** The functions' clock, held still while a test declares: every deadline is exactly declaredAt + validity. */
    static final TestClock CLOCK = new TestClock(Instant.now());
    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(CLOCK).withUploadEvents(context -> {
        UploadEventsHandler handler = new UploadEventsHandler(context);
        return event -> handler.handleRequest(event, null);
    });
    /** documents.upload-validity (10 min) + documents.upload-grace (15 min), as application.properties sets them. */
    static final Duration CHECKED_AFTER = Duration.ofMinutes(25);
    static World world;
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    /** Moves the functions' clock to the real time (the bucket's own dates follow it) and holds it there. */
    static Instant now() {
        CLOCK.set(Instant.now());
        return CLOCK.instant();
    }

    /** The S3 event of one upload, as the lost one would have been. */
    static S3Event event(String key) {
        return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                Instant.now().toString(), "2.1", null, null,
                new S3EventNotification.S3Entity("config", new S3EventNotification.S3BucketEntity(api.names().bucket(), null, null),
                        new S3EventNotification.S3ObjectEntity(key, (long) PDF.length, "etag", null, "seq"), "1.0"), null)));
    }

    static UploadReconciler.Report reconcileAsOf(Instant at) {
        return new ReconcileHandler(api.context()).handleRequest(new ScheduledTick("Scheduled Event", at.toString()), null);
    }

    static JsonNode declared(String fileName, long size) {
        return expect(201, c.post(docs(world.openProject)).token(world.adam).body(declaration(fileName, "application/pdf", size)).send()).json();
    }

    static String id(JsonNode declared) {
        return declared.get("document").get("id").asText();
    }

    static JsonNode read(String id) {
        return expect(200, c.get(docs(world.openProject) + "/" + id).token(world.adam).send()).json();
    }

    /** The object key of a declared document's first version. */
    static String key(JsonNode declared) {
        return "documents/" + world.org + "/" + world.openProject + "/" + id(declared) + "/" + declared.get("version").get("id").asText();
    }

    @Test
    void anUploadWhoseEventWasLostIsSettledOnceItsDeadlinePassedAndNoDocumentIsRemoved() throws Exception {
        Instant declaredAt = now();
        JsonNode good = declared("assurance.pdf", PDF.length);
        JsonNode lying = declared("cautionnement.pdf", 10);
        JsonNode never = declared("jamais envoyé.pdf", PDF.length);
        JsonNode late = declared("tardif.pdf", PDF.length);
        assertEquals(200, upload(good, PDF, "application/pdf"));
        assertEquals(200, upload(lying, "twelve bytes".getBytes(StandardCharsets.UTF_8), "application/pdf"));
        assertEquals(200, upload(late, PDF, "application/pdf"));
        assertEquals(3, api.loseUploadEvents());

        assertEquals(0, reconcileAsOf(declaredAt).checked(), "URLs still valid: uploads may still come");
        assertEquals(0, reconcileAsOf(declaredAt.plus(Duration.ofMinutes(11))).checked(), "URL expired, but an upload may still be arriving");
        for (JsonNode d : List.of(good, lying, never, late)) {
            assertEquals("PENDING_UPLOAD", read(id(d)).get("status").asText());
        }

        UploadReconciler.Report report = reconcileAsOf(declaredAt.plus(CHECKED_AFTER).plusSeconds(5));
        assertEquals(new UploadReconciler.Report(report.asOf(), 4, 2, 1, 1, 0, 0, 0), report);

        JsonNode available = read(id(good));
        assertEquals("AVAILABLE", available.get("status").asText());
        assertEquals(PDF.length, available.get("sizeBytes").asLong());
        JsonNode link = expect(200, c.get(docs(world.openProject) + "/" + id(good) + "/download").token(world.lea).send()).json();
        assertArrayEquals(PDF, HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), "the uploaded bytes, not lost");

        assertEquals("SIZE_MISMATCH", read(id(lying)).get("rejectReason").asText());
        assertTrue(api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key(lying))).versions().isEmpty(),
                "the lying object is removed as its event would have done");

        JsonNode neverRead = read(id(never));
        assertEquals("NO_FILE", neverRead.get("status").asText(), "never uploaded: its version expired, the document stays");
        assertEquals("jamais envoyé.pdf", neverRead.get("fileName").asText());
        JsonNode versions = expect(200, c.get(docs(world.openProject) + "/" + id(never) + "/versions").token(world.lea).send()).json();
        assertEquals("EXPIRED", versions.get("items").get(0).get("status").asText());
        assertEquals("AVAILABLE", read(id(late)).get("status").asText());
        assertEquals(List.of("ALREADY_FINAL"), new UploadEventsHandler(api.context())
                .handleRequest(event(key(late)), null), "the event that comes after all changes nothing");

        UploadReconciler.Report again = reconcileAsOf(declaredAt.plus(CHECKED_AFTER).plus(Duration.ofHours(1)));
        assertEquals(0, again.checked(), "settled and given-up uploads are not checked again");
    }

    @Test
    void anUploadThroughAStillValidUrlAfterItsDocumentWasDeletedIsRemovedEvenWhenItsEventIsLost() throws Exception {
        Instant declaredAt = now();
        JsonNode d = declared("supprimé.pdf", PDF.length);
        expect(204, c.delete(docs(world.openProject) + "/" + id(d)).token(world.adam).send());
        assertEquals(200, upload(d, PDF, "application/pdf"));
        assertEquals(200, upload(d, PDF, "application/pdf")); // the same URL, twice: two S3 versions
        assertEquals(2, api.loseUploadEvents());
        assertEquals(2, api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key(d))).versions().size());

        assertEquals(0, reconcileAsOf(declaredAt.plus(Duration.ofMinutes(11))).orphansRemoved(), "the URL may still be used");
        UploadReconciler.Report report = reconcileAsOf(declaredAt.plus(CHECKED_AFTER).plusSeconds(5));
        assertEquals(2, report.orphansRemoved(), report::toString);
        assertTrue(api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key(d))).versions().isEmpty(),
                "nothing that no document owns stays");
        assertEquals(0, reconcileAsOf(declaredAt.plus(CHECKED_AFTER).plus(Duration.ofHours(1))).checked(), "its entry is gone");
    }

    @Test
    void anUploadWhoseEventWasLostOnAProjectClosedSinceIsKeptByTheReconciliationAndRenewsNothing() throws Exception {
        String project = world.project("Fermé en cours", Map.of("adam", "ADMIN"));
        Instant declaredAt = now();
        JsonNode d = expect(201, c.post(docs(project)).token(world.adam).body(declaration("police.pdf", "application/pdf", PDF.length)).send()).json();
        expect(200, c.patch("/projects/" + project + "/admin-info").token(world.owner).body(Map.of("state", "CLOSED")).send());
        assertEquals(200, upload(d, PDF, "application/pdf"));
        assertEquals(1, api.loseUploadEvents());

        UploadReconciler.Report report = reconcileAsOf(declaredAt.plus(CHECKED_AFTER).plusSeconds(5));
        assertTrue(report.finalized() >= 1, report::toString);
        JsonNode read = expect(200, c.get(docs(project) + "/" + id(d)).token(world.adam).send()).json();
        assertEquals("AVAILABLE", read.get("status").asText(), "declared while open: kept, on a closed project too");
        JsonNode history = expect(200, c.get("/projects/" + project + "/admin-history").token(world.owner).send()).json().get("items");
        String version = "adminDocuments." + id(d) + ".versions." + d.get("version").get("id").asText();
        // the functions' clock is held still here, so the close and the settling may share a millisecond: find them
        int status = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).get("field").asText().equals(version + ".status") && history.get(i).get("to").asText().equals("AVAILABLE")) {
                status = i;
            }
        }
        assertTrue(status >= 0, history::toString);
        assertEquals(version + ".keptOnClosedProject", history.get(status + 1).get("field").asText(), "a change's entries read in the order written");
        assertEquals(true, history.get(status + 1).get("to").asBoolean());
        assertEquals("system:upload-check", history.get(status + 1).get("by").asText());
    }

    /**
     * What AWS answers a HEAD of a missing key when the role may not list the bucket: 403, not 404. Turns the
     * emulator's 404s to HeadObject into 403s, on the real SDK path (only the response's status is changed).
     */
    static final class NoListBucket implements ExecutionInterceptor {
        final AtomicInteger turned = new AtomicInteger();

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            SdkHttpResponse response = context.httpResponse();
            if ("HeadObject".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && response.statusCode() == 404) {
                turned.incrementAndGet();
                return response.toBuilder().statusCode(403).statusText("Forbidden").build();
            }
            return response;
        }
    }

    @Test
    void aHeadThatS3AnswersWith403SettlesNothingOnAGuessAndTheRunSucceeds() throws Exception {
        Instant declaredAt = now();
        JsonNode arrived = declared("arrivé.pdf", PDF.length);
        JsonNode never = declared("jamais envoyé (403).pdf", PDF.length);
        JsonNode deleted = declared("supprimé avant envoi.pdf", PDF.length);
        expect(204, c.delete(docs(world.openProject) + "/" + id(deleted)).token(world.adam).send());
        assertEquals(200, upload(arrived, PDF, "application/pdf"));
        assertEquals(1, api.loseUploadEvents());
        Instant asOf = declaredAt.plus(CHECKED_AFTER).plusSeconds(5);

        NoListBucket s3 = new NoListBucket();
        Map<String, Object> properties = new HashMap<>(TestApi.functionProperties(api.aws().endpoint(), api.names()));
        try (ApplicationContext withoutListBucket = ApplicationContext.builder().properties(properties).singletons(s3).start()) {
            UploadReconciler.Report report = new ReconcileHandler(withoutListBucket)
                    .handleRequest(new ScheduledTick("Scheduled Event", asOf.toString()), null);
            assertEquals(new UploadReconciler.Report(report.asOf(), 3, 1, 0, 0, 0, 0, 2), report,
                    "the object that is there is settled; the two S3 would not tell about are left, not failed, not guessed");
            assertEquals(2, s3.turned.get(), "a 403 for the never-uploaded version and for the deleted document's key");
        }
        assertEquals("AVAILABLE", read(id(arrived)).get("status").asText());
        assertEquals("PENDING_UPLOAD", read(id(never)).get("status").asText(), "not expired on a guess");

        UploadReconciler.Report next = reconcileAsOf(asOf.plusSeconds(60));
        assertEquals(new UploadReconciler.Report(next.asOf(), 2, 0, 0, 1, 1, 0, 0), next,
                "the next run, allowed to list, settles what the last one could not tell");
        assertEquals("NO_FILE", read(id(never)).get("status").asText());
        assertEquals(0, reconcileAsOf(asOf.plus(Duration.ofHours(1))).checked(), "nothing left pending");
    }

    @Test
    void anEventAndAReconciliationRacingSettleEachUploadOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 8; round++) {
                Instant declaredAt = now();
                JsonNode d = declared("course " + round + ".pdf", PDF.length);
                assertEquals(200, upload(d, PDF, "application/pdf"));
                assertEquals(1, api.loseUploadEvents());
                String key = key(d);
                List<Callable<Object>> racers = List.of(
                        () -> reconcileAsOf(declaredAt.plus(CHECKED_AFTER).plusSeconds(5)),
                        () -> reconcileAsOf(declaredAt.plus(CHECKED_AFTER).plusSeconds(5)),
                        () -> new UploadEventsHandler(api.context()).handleRequest(event(key), null));
                List<Object> results = new ArrayList<>();
                for (Future<Object> f : pool.invokeAll(racers)) {
                    results.add(f.get());
                }
                int finalized = 0;
                for (Object r : results) {
                    if (r instanceof UploadReconciler.Report report) {
                        finalized += report.finalized();
                    } else if (((List<?>) r).contains("AVAILABLE")) {
                        finalized++;
                    }
                }
                assertEquals(1, finalized, "round " + round + ": settled once, by one of them: " + results);
                JsonNode doc = read(id(d));
                assertEquals("AVAILABLE", doc.get("status").asText());
                assertEquals(1, api.aws().s3().listObjectVersions(b -> b.bucket(api.names().bucket()).prefix(key)).versions().size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
