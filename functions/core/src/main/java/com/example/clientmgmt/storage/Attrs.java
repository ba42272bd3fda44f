package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Money;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conversions between domain values and DynamoDB attribute values, shared by every store. */
public final class Attrs {
    private Attrs() {}

    public static final AttributeValue NULL = AttributeValue.fromNul(true);

    public static AttributeValue s(String value) {
        return value == null ? NULL : AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Any recorded value: text, date, enum, money, a small map of texts, or empty. */
    public static AttributeValue of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Money m) {
            return AttributeValue.fromM(Map.of("amount", AttributeValue.fromN(m.amountText()), "currency", s(m.currency())));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), s(v == null ? null : v.toString())));
            return AttributeValue.fromM(out);
        }
        return AttributeValue.fromS(value.toString());
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || Boolean.TRUE.equals(v.nul()) ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    public static LocalDate date(Map<String, AttributeValue> item, String name) {
        String text = str(item, name);
        return text == null ? null : LocalDate.parse(text);
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = str(item, name);
        return text == null ? null : Instant.parse(text);
    }

    public static Money money(AttributeValue v) {
        if (v == null || v.m() == null || !v.hasM()) {
            return null;
        }
        return new Money(new BigDecimal(v.m().get("amount").n()), v.m().get("currency").s());
    }

    /** A stored value back in the shape the API shows: text, or {amount, currency} for money. */
    public static Object toJsonValue(AttributeValue v) {
        if (v == null || Boolean.TRUE.equals(v.nul())) {
            return null;
        }
        if (v.hasM()) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (v.m().containsKey("amount") && v.m().get("amount").n() != null) {
                Money m = money(v);
                out.put("amount", m.amountText());
                out.put("currency", m.currency());
            } else {
                v.m().forEach((k, value) -> out.put(k, toJsonValue(value)));
            }
            return out;
        }
        return v.s() != null ? v.s() : v.n();
    }
}
