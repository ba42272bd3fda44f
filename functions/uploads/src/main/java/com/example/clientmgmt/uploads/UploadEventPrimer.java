package com.example.clientmgmt.uploads;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.example.clientmgmt.domain.DocumentKeys;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.platform.Primer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;

/**
 * Primes the upload-event function: an S3 event read from JSON as the runtime reads it, through the handler,
 * for a document that does not exist (one GetItem: UNKNOWN_KEY), and one HeadObject of an object that does
 * not exist, so that the S3 client is ready too (404 with s3:ListBucket, 403 without: either primes it). Reads only.
 */
@Singleton
public class UploadEventPrimer implements Primer {
    static final String UNKNOWN = "00000000000000000000000000";
    private final ApplicationContext context;
    private final JsonMapper json;
    private final DocumentFiles files;

    public UploadEventPrimer(ApplicationContext context, JsonMapper json, DocumentFiles files) {
        this.context = context;
        this.json = json;
        this.files = files;
    }

    @Override
    public String prime() throws IOException {
        String key = DocumentKeys.objectKey("snapstart-priming", UNKNOWN, UNKNOWN, UNKNOWN);
        String event = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
                + "\"eventTime\":\"1970-01-01T00:00:00.000Z\",\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"priming\"},"
                + "\"object\":{\"key\":\"" + key + "\",\"size\":1}}}]}";
        List<String> outcomes = new UploadEventsHandler(context).execute(json.readValue(event, S3Event.class));
        DocumentFiles.Presence presence = files.look(key, null);
        String head = presence instanceof DocumentFiles.Presence.Present ? "found"
                : presence instanceof DocumentFiles.Presence.Unknown ? "cannot tell (403)" : "absent";
        return "upload event " + outcomes + ", HeadObject " + head;
    }
}
