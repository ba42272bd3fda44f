package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.ProblemException;
import io.micronaut.json.tree.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A money field of a request body, {@code {"amount": "123.45", "currency": "CAD"}} (the currency defaults to CAD):
 * the object's own fields checked, then {@link Money#parse} (bounds and decimals); problems go to {@link JsonBody}'s list.
 */
final class MoneyJson {
    private MoneyJson() {}

    /** {@code node} is present and not null: set, or keep with the problems added to {@code errors}. */
    static Change<Money> read(String name, JsonNode node, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(FieldError.of(name, "NOT_MONEY"));
            return Change.keep();
        }
        JsonNode amount = node.get("amount");
        JsonNode currency = node.get("currency");
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            if (!e.getKey().equals("amount") && !e.getKey().equals("currency")) {
                errors.add(FieldError.of(name + "." + e.getKey(), "UNKNOWN_FIELD"));
            }
        }
        if (amount == null || !amount.isString()) {
            errors.add(FieldError.of(name + ".amount", amount == null || amount.isNull() ? "REQUIRED" : "AMOUNT_NOT_A_STRING"));
            return Change.keep();
        }
        if (currency != null && !currency.isNull() && !currency.isString()) {
            errors.add(FieldError.of(name + ".currency", "NOT_A_STRING"));
            return Change.keep();
        }
        try {
            return Change.set(Money.parse(name, amount.getStringValue(),
                    currency == null || currency.isNull() ? null : currency.getStringValue()));
        } catch (ProblemException e) {
            errors.addAll(e.fieldErrors());
            return Change.keep();
        }
    }
}
