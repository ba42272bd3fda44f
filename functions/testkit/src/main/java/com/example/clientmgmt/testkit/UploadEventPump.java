package com.example.clientmgmt.testkit;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.function.Consumer;

/**
 * The local stand-in for "S3 invokes UploadEventsFunction": the emulator's bucket notifies a queue
 * (ObjectCreated, prefix documents/, as template.yaml's S3 event says), and {@link #drain()} hands each
 * message, read as the Lambda runtime reads an S3 event, to the real handler. scripts/dev drains
 * continuously; tests drain when they want the events delivered.
 */
public final class UploadEventPump {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Consumer<S3Event> handler;
    private final PojoSerializer<S3Event> serializer =
            LambdaEventSerializers.serializerFor(S3Event.class, UploadEventPump.class.getClassLoader());

    private UploadEventPump(SqsClient sqs, String queueUrl, Consumer<S3Event> handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
    }

    /** Creates the queue and points the bucket's ObjectCreated notifications for documents/ at it. */
    public static UploadEventPump connect(AwsTestClients aws, String bucket, Consumer<S3Event> handler) {
        SqsClient sqs = aws.sqs();
        String queueUrl = sqs.createQueue(b -> b.queueName(bucket + "-uploads")).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        S3Client s3 = aws.s3();
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(q -> q.queueArn(arn).events(Event.S3_OBJECT_CREATED)
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("documents/")))))));
        return new UploadEventPump(sqs, queueUrl, handler);
    }

    /** Delivers every message waiting now; returns how many S3 events were handled. */
    public int drain() {
        return take(true);
    }

    /** Loses every message waiting now, as if S3 had never delivered them; returns how many S3 events were lost. */
    public int lose() {
        return take(false);
    }

    /** Reads the queue until quiet ({@link QueueDrain}: S3 may deliver late); counts the S3 events among its messages. */
    private int take(boolean deliver) {
        int[] events = {0};
        QueueDrain.untilQuiet(sqs, queueUrl, message -> {
            if (message.body().contains("\"Records\"")) {
                if (deliver) {
                    handler.accept(serializer.fromJson(message.body()));
                }
                events[0]++;
            }
        });
        return events[0];
    }

    /** Keeps draining in the background (scripts/dev), every {@code millis}. */
    public Thread runInBackground(long millis) {
        return Background.every("upload-event-pump", millis, this::drain);
    }
}
