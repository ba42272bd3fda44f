package com.example.clientmgmt.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one write's update and condition expressions: every attribute name and value goes through a
 * placeholder (no reserved-word surprises, no user text inside an expression), clauses are grouped as
 * DynamoDB wants them (SET, REMOVE, ADD, DELETE), and the condition clauses are ANDed.
 */
public final class Expressions {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();

    /** The placeholder of an attribute name (the same one each time it is asked for). */
    public String name(String attribute) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** A document path, e.g. {@code members.<userId>}: each segment a name placeholder. */
    public String path(String... segments) {
        List<String> parts = new ArrayList<>();
        for (String segment : segments) {
            parts.add(name(segment));
        }
        return String.join(".", parts);
    }

    /** The placeholder of a value. */
    public String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** Sets an attribute, or removes it when {@code value} is null (an empty field has no attribute). */
    public Expressions set(String attribute, AttributeValue value) {
        return setPath(name(attribute), value);
    }

    public Expressions setPath(String path, AttributeValue value) {
        if (value == null) {
            removes.add(path);
        } else {
            sets.add(path + " = " + value(value));
        }
        return this;
    }

    /** Sets an attribute only if it has none yet (keeps the first value across retries). */
    public Expressions setIfAbsent(String attribute, AttributeValue value) {
        String n = name(attribute);
        sets.add(n + " = if_not_exists(" + n + ", " + value(value) + ")");
        return this;
    }

    public Expressions increment(String attribute) {
        String n = name(attribute);
        sets.add(n + " = " + n + " + " + value(Attrs.n(1)));
        return this;
    }

    public Expressions remove(String... attributes) {
        for (String attribute : attributes) {
            removes.add(name(attribute));
        }
        return this;
    }

    public Expressions removePath(String path) {
        removes.add(path);
        return this;
    }

    /** Adds elements to a set attribute (creates it when missing). */
    public Expressions add(String attribute, AttributeValue elements) {
        adds.add(name(attribute) + " " + value(elements));
        return this;
    }

    /** Removes elements from a set attribute. */
    public Expressions delete(String attribute, AttributeValue elements) {
        deletes.add(name(attribute) + " " + value(elements));
        return this;
    }

    /** One more condition the write needs; all of them must hold. */
    public Expressions condition(String clause) {
        conditions.add(clause);
        return this;
    }

    boolean hasUpdates() {
        return !sets.isEmpty() || !removes.isEmpty() || !adds.isEmpty() || !deletes.isEmpty();
    }

    String updateExpression() {
        List<String> clauses = new ArrayList<>();
        clause(clauses, "SET ", sets);
        clause(clauses, "REMOVE ", removes);
        clause(clauses, "ADD ", adds);
        clause(clauses, "DELETE ", deletes);
        return String.join(" ", clauses);
    }

    public String conditionExpression() {
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    /** DynamoDB refuses empty maps: null when there is nothing. */
    public Map<String, String> names() {
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }

    /** The update as one transaction item; a refused condition returns the item as it was (ALL_OLD). */
    public TransactWriteItem transactUpdate(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression(updateExpression()).conditionExpression(conditionExpression())
                .expressionAttributeNames(names()).expressionAttributeValues(values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** The conditions alone, checked on an item the transaction does not change. */
    public TransactWriteItem transactCheck(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(conditionExpression())
                .expressionAttributeNames(names()).expressionAttributeValues(values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** A single UpdateItem; a refused condition returns the item as it was (ALL_OLD). */
    public UpdateItemRequest.Builder updateItem(String table, Map<String, AttributeValue> key) {
        return UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(updateExpression()).conditionExpression(conditionExpression())
                .expressionAttributeNames(names()).expressionAttributeValues(values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    private static void clause(List<String> out, String keyword, List<String> parts) {
        if (!parts.isEmpty()) {
            out.add(keyword + String.join(", ", parts));
        }
    }
}
