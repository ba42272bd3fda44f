package com.example.clientmgmt.platform;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Primes a function for SnapStart: before Lambda takes the snapshot, one real GetItem (on a key that
 * never exists) loads and initializes the SDK's marshalling, signing and HTTP classes, so that a
 * restored function's first click does not pay for them. Outside SnapStart nothing calls it.
 */
@Context
@Requires(property = "table.name")
public class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private final DynamoDbClient dynamo;
    private final String table;

    public SnapStartPriming(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // connections made before the snapshot are re-established by the SDK on first use
    }

    /** One GetItem; failures are logged, never fatal (the snapshot is still taken). */
    public boolean prime() {
        try {
            dynamo.getItem(b -> b.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING"))));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming failed: {}", e.toString());
            return false;
        }
    }
}
