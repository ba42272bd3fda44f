package com.example.clientmgmt.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.clientmgmt.storage.Keys;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cold-start baseline of scripts/bench-coldstart: GET admin-info written as a plain RequestHandler,
 * with Jackson and the same SDK client making the same DynamoDB call, and no framework.
 */
public class BaselineHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbClient dynamo;
    private final String table = System.getenv("TABLE_NAME");

    public BaselineHandler() {
        // credentials, region and endpoint from the SDK's default chains, as the function's clients
        dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        String projectId = event.getRawPath().split("/")[2];
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(Keys.projectPk(claims.get("org"), projectId)),
                "sk", AttributeValue.fromS(Keys.PROJECT)))).item();
        AttributeValue permission = item.get("members").m().get(claims.get("sub"));
        if (permission == null) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(403).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : new String[] {"clientCompanyName", "submissionDeadline", "startDate", "endDate", "state"}) {
            body.put(field, item.containsKey(field) ? item.get(field).s() : null);
        }
        body.put("version", Long.parseLong(item.get("version").n()));
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body)).build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
