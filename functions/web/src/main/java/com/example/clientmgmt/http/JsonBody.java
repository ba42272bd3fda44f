package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.Texts;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body field by field, collecting every problem before answering: wrong types,
 * missing or unknown fields, over-long text, bad dates or states. {@link #finish()} throws one 400 that
 * lists them all. Absent, null and set are told apart, which partial updates ({@link Change}) need.
 */
public final class JsonBody {
    /** No request of this API needs more; larger bodies are refused before parsing (413). */
    public static final int MAX_BYTES = 64 * 1024;

    private final Map<String, JsonNode> fields;
    private final Set<String> read = new HashSet<>();
    private final List<FieldError> errors;
    /** Where the fields are in the body: "" for the body itself, {@code items[2].} for an object in a list. */
    private final String prefix;

    private JsonBody(Map<String, JsonNode> fields, String prefix, List<FieldError> errors) {
        this.fields = fields;
        this.prefix = prefix;
        this.errors = errors;
    }

    private static Map<String, JsonNode> fieldsOf(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    /** Parses a request body that must be one JSON object. */
    public static JsonBody parse(JsonMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid(FieldError.of("body", "BODY_REQUIRED"));
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ProblemException(ProblemCode.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", List.of(MAX_BYTES), List.of());
        }
        StrictJson.oneValue(body);
        JsonNode node;
        try {
            node = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(FieldError.of("body", "MALFORMED_JSON"));
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid(FieldError.of("body", "NOT_AN_OBJECT"));
        }
        return new JsonBody(fieldsOf(node), "", new ArrayList<>());
    }

    /**
     * A required list of at most {@code maxItems} objects, each read like the body ({@code end()} each one); their
     * problems are the body's, named by their place ({@code items[2].kind}), and reported by the body's {@link #finish()}.
     */
    public List<JsonBody> objectList(String name, int maxItems) {
        JsonNode node = take(name);
        if (node == null || node.isNull()) {
            errors.add(FieldError.of(prefix + name, "REQUIRED"));
            return List.of();
        }
        if (!node.isArray() || node.size() > maxItems) {
            errors.add(FieldError.of(prefix + name, "NOT_A_LIST_OF_OBJECTS", maxItems));
            return List.of();
        }
        List<JsonBody> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : node.values()) {
            String place = prefix + name + "[" + i++ + "]";
            if (item.isObject()) {
                out.add(new JsonBody(fieldsOf(item), place + ".", errors));
            } else {
                errors.add(FieldError.of(place, "NOT_AN_OBJECT"));
            }
        }
        return out;
    }

    /** This object's path in the body ({@code items[2].}; "" for the body), for rules that name a field. */
    public String path() {
        return prefix;
    }

    /** Ends reading an object of a list: its unknown fields are errors too, reported with the body's. */
    public void end() {
        for (String name : fields.keySet()) {
            if (!read.contains(name)) {
                errors.add(FieldError.of(prefix + name, "UNKNOWN_FIELD"));
            }
        }
    }

    /** Adds a problem found by a rule across fields, reported with the others by {@link #finish()}. */
    public void reject(List<FieldError> problems) {
        errors.addAll(problems);
    }

    /** A text the request must carry: trimmed, not blank, at most {@code max} characters. */
    public String requiredText(String name, int max) {
        Change<String> change = textChange(name, max);
        if (change instanceof Change.Set<String> set) {
            return set.value();
        }
        if (errorsFor(name)) {
            return null;
        }
        errors.add(FieldError.of(prefix + name, fields.containsKey(name) && !fields.get(name).isNull() ? "BLANK" : "REQUIRED"));
        return null;
    }

    /** An optional text: null when absent, null or blank. */
    public String optionalText(String name, int max) {
        return textChange(name, max).applyTo(null);
    }

    /** A text field of a partial update: absent keeps it; null or blank clears it. */
    public Change<String> textChange(String name, int max) {
        JsonNode node = take(name);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.clear();
        }
        if (!node.isString()) {
            errors.add(FieldError.of(prefix + name, "NOT_A_STRING"));
            return Change.keep();
        }
        String sent = node.getStringValue();
        if (sent.codePointCount(0, sent.length()) > max) { // as sent: the contract's maxLength
            errors.add(FieldError.of(prefix + name, "TOO_LONG", max));
            return Change.keep();
        }
        // as sent, before trimming: Java counts some control characters (U+001C–U+001F) as white space, which the
        // contract's pattern refuses wherever they stand
        String problem = Texts.problemOf(sent); // not Unicode, or control characters
        if (problem != null) {
            errors.add(FieldError.of(prefix + name, problem));
            return Change.keep();
        }
        String text = sent.strip();
        if (text.isEmpty()) {
            return Change.clear();
        }
        return Change.set(text);
    }

    /** A text of a partial update that must also match {@code shape}; otherwise {@code reason}. */
    public Change<String> textChange(String name, int max, Pattern shape, String reason) {
        Change<String> change = textChange(name, max);
        if (change instanceof Change.Set<String> set && !shape.matcher(set.value()).matches()) {
            errors.add(FieldError.of(prefix + name, reason));
            return Change.keep();
        }
        return change;
    }

    /** An ISO-8601 calendar date (YYYY-MM-DD) of a partial update. */
    public Change<LocalDate> dateChange(String name) {
        JsonNode node = take(name);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.clear();
        }
        if (node.isString()) {
            try {
                String text = node.getStringValue();
                if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    LocalDate date = LocalDate.parse(text);
                    java.util.Optional<FieldError> outside = com.example.clientmgmt.domain.Dates.outOfRange(name, date);
                    if (outside.isEmpty()) {
                        return Change.set(date);
                    }
                    errors.add(outside.get());
                    return Change.keep();
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(FieldError.of(prefix + name, "NOT_A_DATE"));
        return Change.keep();
    }

    /** One of an enum's names, exactly as written; absent keeps, null is refused ({@code NOT_NULLABLE}). */
    public <E extends Enum<E>> Change<E> enumChange(String name, Class<E> type) {
        return enumChange(name, type, false);
    }

    /** An enum field of a partial update that null clears (the domain says what "none" means). */
    public <E extends Enum<E>> Change<E> clearableEnumChange(String name, Class<E> type) {
        return enumChange(name, type, true);
    }

    private <E extends Enum<E>> Change<E> enumChange(String name, Class<E> type, boolean clearable) {
        JsonNode node = take(name);
        if (node == null) {
            return Change.keep();
        }
        if (clearable && node.isNull()) {
            return Change.clear();
        }
        if (node.isString()) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(node.getStringValue())) {
                    return Change.set(value);
                }
            }
        }
        if (node.isNull()) {
            errors.add(FieldError.of(prefix + name, "NOT_NULLABLE"));
        } else {
            errors.add(FieldError.of(prefix + name, "UNKNOWN_VALUE", String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
        return Change.keep();
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        if (!fields.containsKey(name)) {
            take(name);
            errors.add(FieldError.of(prefix + name, "REQUIRED"));
            return null;
        }
        return enumChange(name, type).applyTo(null);
    }

    /** Money as {@code {"amount": "123.45", "currency": "CAD"}}; the currency defaults to CAD. */
    public Change<Money> moneyChange(String name) {
        JsonNode node = take(name);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.clear();
        }
        return MoneyJson.read(name, node, errors);
    }

    /** A required whole number ({@code NOT_A_WHOLE_NUMBER} for text, decimals or anything else). */
    public long requiredLong(String name) {
        JsonNode node = take(name);
        if (node == null || node.isNull()) {
            errors.add(FieldError.of(prefix + name, "REQUIRED"));
            return 0;
        }
        if (node.isNumber()) {
            try {
                return node.getBigDecimalValue().longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                // reported below
            }
        }
        errors.add(FieldError.of(prefix + name, "NOT_A_WHOLE_NUMBER"));
        return 0;
    }

    /**
     * A whole number from {@code min} to {@code max} of a partial update; null clears
     * ({@code OUT_OF_RANGE} names the bounds).
     */
    public Change<Integer> intChange(String name, int min, int max) {
        JsonNode node = take(name);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.clear();
        }
        if (node.isNumber()) {
            try {
                long value = node.getBigDecimalValue().longValueExact();
                if (value >= min && value <= max) {
                    return Change.set((int) value);
                }
                errors.add(FieldError.of(prefix + name, "OUT_OF_RANGE", min, max));
                return Change.keep();
            } catch (ArithmeticException | NumberFormatException e) {
                // reported below
            }
        }
        errors.add(FieldError.of(prefix + name, "NOT_A_WHOLE_NUMBER"));
        return Change.keep();
    }

    /** A list of texts of a partial update (at most {@code maxItems}); null or [] clears. */
    public Change<List<String>> textListChange(String name, int maxItems) {
        JsonNode node = take(name);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.clear();
        }
        List<String> out = new ArrayList<>();
        if (node.isArray() && node.size() <= maxItems) {
            for (JsonNode item : node.values()) {
                if (!item.isString()) {
                    break;
                }
                out.add(item.getStringValue());
            }
            if (out.size() == node.size()) {
                return out.isEmpty() ? Change.clear() : Change.set(out);
            }
        }
        errors.add(FieldError.of(prefix + name, "NOT_A_LIST_OF_TEXTS", maxItems));
        return Change.keep();
    }

    /** A required true or false ({@code NOT_A_BOOLEAN} otherwise). */
    public boolean requiredBoolean(String name) {
        JsonNode node = take(name);
        if (node == null || node.isNull()) {
            errors.add(FieldError.of(prefix + name, "REQUIRED"));
            return false;
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        errors.add(FieldError.of(prefix + name, "NOT_A_BOOLEAN"));
        return false;
    }

    /** True when the body carried this field at all (even as null). */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Ends reading: unknown fields are errors too; throws one 400 listing every problem. */
    public void finish() {
        for (String name : fields.keySet()) {
            if (!read.contains(name)) {
                errors.add(FieldError.of(prefix + name, "UNKNOWN_FIELD"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private boolean errorsFor(String name) {
        return errors.stream().anyMatch(e -> e.field().equals(prefix + name));
    }

    private JsonNode take(String name) {
        read.add(name);
        return fields.get(name);
    }
}
