package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Money;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Conversions between domain values and DynamoDB attribute values, shared by every item codec. */
public final class Attrs {
    private Attrs() {}

    public static final AttributeValue NULL = AttributeValue.fromNul(true);

    /** Text, or DynamoDB's NULL for none. */
    public static AttributeValue s(String value) {
        return value == null ? NULL : AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A value's text form ({@code toString()}: enums, dates, instants), or null for none: "no attribute". */
    public static AttributeValue textOrAbsent(Object value) {
        return value == null ? null : AttributeValue.fromS(value.toString());
    }

    public static AttributeValue money(Money m) {
        return m == null ? null
                : AttributeValue.fromM(Map.of("amount", AttributeValue.fromN(m.amountText()), "currency", s(m.currency())));
    }

    /** Puts the attribute only when there is a value: an empty field has no attribute. */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        AttributeValue v = value instanceof AttributeValue a ? a : textOrAbsent(value);
        if (v != null) {
            item.put(name, v);
        }
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || Boolean.TRUE.equals(v.nul()) ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    public static Long optionalNum(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Long.parseLong(v.n());
    }

    public static LocalDate date(Map<String, AttributeValue> item, String name) {
        String text = str(item, name);
        return text == null ? null : LocalDate.parse(text);
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = str(item, name);
        return text == null ? null : Instant.parse(text);
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static Money money(AttributeValue v) {
        if (v == null || !v.hasM() || v.m().get("amount") == null || v.m().get("amount").n() == null) {
            return null;
        }
        return new Money(new BigDecimal(v.m().get("amount").n()), v.m().get("currency").s());
    }
}
