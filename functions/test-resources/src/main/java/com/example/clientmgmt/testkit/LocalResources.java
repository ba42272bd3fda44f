package com.example.clientmgmt.testkit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.util.List;
import java.util.Map;

/**
 * Creates the product's table, documents bucket and event bus in the emulator from template.yaml's own
 * {@code Table}, {@code DocumentsBucket} and {@code EventBus} definitions: key schema, indexes, TTL,
 * versioning, encryption and CORS come from the template; only the names are local.
 */
public final class LocalResources {
    public record Names(String table, String bucket, String bus) {
        public static Names unique(String prefix) {
            String suffix = Long.toString(System.nanoTime(), 36);
            return new Names(prefix + "-table-" + suffix, prefix + "-docs-" + suffix, prefix + "-bus-" + suffix);
        }

        /** The reminder work queue's name (template.yaml's ReminderWorkQueue), beside the bus. */
        public String reminderWork() {
            return bus + "-reminder-work";
        }

        /** Its dead-letter queue's (ReminderWorkFailuresQueue). */
        public String reminderWorkFailures() {
            return bus + "-reminder-work-failures";
        }

        /** The mail queue's (template.yaml's MailQueue: the bus's reminder events, for the mailer). */
        public String mail() {
            return bus + "-mail";
        }

        /** Its dead-letter queue's (MailerFailuresQueue). */
        public String mailFailures() {
            return bus + "-mail-failures";
        }
    }

    private LocalResources() {}

    public static void create(Template template, Names names, AwsTestClients clients, List<String> corsOrigins) {
        createTable(template, names.table(), clients.dynamoDb());
        createBucket(template, names.bucket(), clients.s3(), corsOrigins);
        createBus(names.bus(), clients.eventBridge());
        createReminderWorkQueue(template, names, clients.sqs());
        createMailQueue(template, names, clients);
        verifySender(clients.ses());
    }

    /**
     * The reminder work queue from template.yaml's {@code ReminderWorkQueue}: its visibility timeout, retention and
     * redrive policy (maximum receives) to its dead-letter queue. Returns its URL (creating it again is harmless).
     */
    public static String createReminderWorkQueue(Template template, Names names, software.amazon.awssdk.services.sqs.SqsClient sqs) {
        return createQueue(template, "ReminderWorkQueue", names.reminderWork(), names.reminderWorkFailures(), sqs);
    }

    /**
     * The mail queue from template.yaml's {@code MailQueue} (as {@link #createReminderWorkQueue}; its maxReceiveCount is the
     * MailAttempts parameter's default), and the bus's {@code MailerRule} putting the events of its pattern on it, as in
     * AWS. Returns its URL.
     */
    public static String createMailQueue(Template template, Names names, AwsTestClients clients) {
        String url = createQueue(template, "MailQueue", names.mail(), names.mailFailures(), clients.sqs());
        String arn = queueArn(clients.sqs(), url);
        Map<String, Object> rule = template.properties("MailerRule");
        String pattern;
        try {
            pattern = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(rule.get("EventPattern"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String name = names.bus() + "-mail";
        clients.eventBridge().putRule(b -> b.name(name).eventBusName(names.bus()).eventPattern(pattern));
        clients.eventBridge().putTargets(b -> b.rule(name).eventBusName(names.bus()).targets(t -> t.id("MailQueue").arn(arn)));
        return url;
    }

    /** The URL of the mail queue {@link #create} made for {@code names}. */
    public static String mailQueueUrl(AwsTestClients clients, Names names) {
        return clients.sqs().getQueueUrl(b -> b.queueName(names.mail())).queueUrl();
    }

    /** A queue of the template (visibility timeout, retention, redrive policy to {@code failures}); returns its URL. */
    public static String createQueue(Template template, String logicalId, String name, String failures,
                              software.amazon.awssdk.services.sqs.SqsClient sqs) {
        Map<String, Object> p = template.properties(logicalId);
        String failuresArn = queueArn(sqs, sqs.createQueue(b -> b.queueName(failures)).queueUrl());
        Map<String, Object> redrive = Template.map(p.get("RedrivePolicy"));
        Object receives = redrive.get("maxReceiveCount");
        if (receives instanceof Map<?, ?> ref) { // !Ref of a parameter: its default
            receives = template.parameterDefault((String) ref.get("Ref"));
        }
        Map<String, String> attributes = Map.of(
                "VisibilityTimeout", String.valueOf(p.get("VisibilityTimeout")),
                "MessageRetentionPeriod", String.valueOf(p.get("MessageRetentionPeriod")),
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + failuresArn + "\",\"maxReceiveCount\":" + receives + "}");
        return sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl();
    }

    public static String queueArn(software.amazon.awssdk.services.sqs.SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN))
                .attributes().get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN);
    }

    /** The URL of the reminder work queue {@link #create} made for {@code names}. */
    public static String reminderWorkQueueUrl(AwsTestClients clients, Names names) {
        return clients.sqs().getQueueUrl(b -> b.queueName(names.reminderWork())).queueUrl();
    }

    /**
     * The SES identity the local mailer sends as: the domain of {@code mail.from.address} in the functions'
     * application.properties (the template's MailFromAddress is empty by default: e-mail off until a stack sets
     * it; in AWS the identity is verified out of band).
     */
    public static void verifySender(software.amazon.awssdk.services.sesv2.SesV2Client ses) {
        java.util.Properties local = new java.util.Properties();
        try (java.io.InputStream in = LocalResources.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("no application.properties on the classpath: the local sender address is set there");
            }
            local.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String sender = local.getProperty("mail.from.address", "");
        String identity = sender.substring(sender.indexOf('@') + 1);
        try {
            ses.createEmailIdentity(b -> b.emailIdentity(identity));
        } catch (software.amazon.awssdk.services.sesv2.model.AlreadyExistsException alreadyThere) {
            // verified before
        }
    }

    public static void createTable(Template template, String name, DynamoDbClient dynamo) {
        Map<String, Object> p = template.properties("Table");
        List<AttributeDefinition> attributes = Template.list(p.get("AttributeDefinitions")).stream()
                .map(Template::map)
                .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                        .attributeType((String) a.get("AttributeType")).build())
                .toList();
        List<GlobalSecondaryIndex> indexes = Template.list(p.get("GlobalSecondaryIndexes")).stream()
                .map(Template::map)
                .map(i -> GlobalSecondaryIndex.builder().indexName((String) i.get("IndexName"))
                        .keySchema(keySchema(i.get("KeySchema")))
                        .projection(projection(Template.map(i.get("Projection"))))
                        .build())
                .toList();
        try {
            dynamo.createTable(b -> b.tableName(name)
                    .billingMode(BillingMode.fromValue((String) p.get("BillingMode")))
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema(p.get("KeySchema")))
                    .globalSecondaryIndexes(indexes));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        Map<String, Object> ttl = Template.map(p.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                    t -> t.attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
    }

    private static Projection projection(Map<String, Object> p) {
        Projection.Builder projection = Projection.builder().projectionType((String) p.get("ProjectionType"));
        if (p.get("NonKeyAttributes") != null) {
            projection.nonKeyAttributes(strings(p.get("NonKeyAttributes")));
        }
        return projection.build();
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return Template.list(raw).stream().map(Template::map)
                .map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType")).build())
                .toList();
    }

    static void createBucket(Template template, String name, S3Client s3, List<String> corsOrigins) {
        Map<String, Object> p = template.properties("DocumentsBucket");
        try {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            return;
        }
        if ("Enabled".equals(Template.map(p.get("VersioningConfiguration")).get("Status"))) {
            s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
        }
        Object encryption = Template.map(p.get("BucketEncryption")).get("ServerSideEncryptionConfiguration");
        if (encryption != null) {
            String algorithm = (String) Template.map(Template.map(Template.list(encryption).get(0))
                    .get("ServerSideEncryptionByDefault")).get("SSEAlgorithm");
            s3.putBucketEncryption(b -> b.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.fromValue(algorithm))))));
        }
        List<CORSRule> rules = Template.list(Template.map(p.get("CorsConfiguration")).get("CorsRules")).stream()
                .map(Template::map)
                .map(r -> CORSRule.builder()
                        .allowedOrigins(corsOrigins) // the template's origin is a parameter; locally, the dev origins
                        .allowedMethods(strings(r.get("AllowedMethods")))
                        .allowedHeaders(strings(r.get("AllowedHeaders")))
                        .exposeHeaders(strings(r.get("ExposedHeaders")))
                        .maxAgeSeconds(((Number) r.getOrDefault("MaxAge", 0)).intValue())
                        .build())
                .toList();
        if (!rules.isEmpty() && !corsOrigins.isEmpty()) {
            s3.putBucketCors(b -> b.bucket(name).corsConfiguration(c -> c.corsRules(rules)));
        }
        s3.putPublicAccessBlock(b -> b.bucket(name).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)));
    }

    private static List<String> strings(Object raw) {
        return Template.list(raw).stream().map(Object::toString).toList();
    }

    static void createBus(String name, EventBridgeClient events) {
        try {
            events.createEventBus(b -> b.name(name));
        } catch (software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException alreadyThere) {
            // reused
        }
    }
}
