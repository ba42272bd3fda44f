package com.example.clientmgmt.uploads;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The function starts from its own classpath (no HTTP stack) and ignores what is not an upload of
 * ours without touching AWS; the full upload path is tested in the documents module.
 */
class UploadEventsHandlerTest {
    @Test
    void startsWithoutTheHttpStackAndIgnoresForeignKeysAndOtherEvents() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "table.name", "t", "bucket.name", "b", "s3.force-path-style", true, "aws.endpoint.url", "http://127.0.0.1:9")).start()) {
            UploadEventsHandler handler = new UploadEventsHandler(context);
            S3Event event = new S3Event(List.of(
                    record("ObjectCreated:Put", "elsewhere/file.pdf"),
                    record("ObjectRemoved:Delete", "documents/o/01ARZ3NDEKTSV4RRFFQ69G5FAV/01ARZ3NDEKTSV4RRFFQ69G5FAV")));
            assertEquals(List.of("UNKNOWN_KEY"), handler.handleRequest(event, null));
            assertEquals(List.of(), handler.handleRequest(new S3Event(), null));
        }
    }

    static S3EventNotification.S3EventNotificationRecord record(String name, String key) {
        return new S3EventNotification.S3EventNotificationRecord("us-east-1", name, "aws:s3", "2026-11-26T12:00:00.000Z", "2.1",
                null, null, new S3EventNotification.S3Entity("c", new S3EventNotification.S3BucketEntity("b", null, null),
                new S3EventNotification.S3ObjectEntity(key, 1L, "e", null, "s"), "1.0"), null);
    }
}
