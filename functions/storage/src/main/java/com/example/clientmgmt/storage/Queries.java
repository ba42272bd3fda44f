package com.example.clientmgmt.storage;

import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** What every paged query asks of its answer. */
final class Queries {
    private Queries() {}

    /** True when DynamoDB stopped before the end of the key range: another page may follow. */
    static boolean hasMore(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    }
}
