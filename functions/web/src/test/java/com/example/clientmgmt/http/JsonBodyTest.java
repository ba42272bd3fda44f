package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.ProjectState;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request-body reader alone: every field kind, absent/null/set, and all errors gathered into one 400. */
class JsonBodyTest {
    static final JsonMapper JSON = ObjectMapper.getDefault();

    static JsonBody body(String json) {
        return JsonBody.parse(JSON, json);
    }

    static List<String> reasons(Executable action) {
        ProblemException e = assertThrows(ProblemException.class, action);
        assertEquals(ProblemCode.VALIDATION_FAILED, e.code(), e::toString);
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.reason()).toList();
    }

    @Test
    void aBodyMustBeOneJsonObjectOfReasonableSize() {
        assertEquals(List.of("body:BODY_REQUIRED"), reasons(() -> body(null)));
        assertEquals(List.of("body:BODY_REQUIRED"), reasons(() -> body("  ")));
        assertEquals(List.of("body:MALFORMED_JSON"), reasons(() -> body("{\"a\":")));
        assertEquals(List.of("body:NOT_AN_OBJECT"), reasons(() -> body("[1,2]")));
        assertEquals(List.of("body:NOT_AN_OBJECT"), reasons(() -> body("\"text\"")));
        ProblemException tooLarge = assertThrows(ProblemException.class,
                () -> body("{\"a\":\"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}"));
        assertEquals(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.code());
    }

    @Test
    void textIsMeasuredInCharactersAsSentThenTrimmedAndFreeOfControlCharacters() {
        assertEquals(List.of("name:TOO_LONG"), reasons(() -> {
            JsonBody spaced = body("{\"name\":\"  Élise  \"}");
            spaced.requiredText("name", 5); // nine characters as sent: the contract's maxLength counts them all
            spaced.finish();
        }));
        JsonBody in = body("{\"name\":\"  Élise  \",\"emoji\":\"" + "😀".repeat(5) + "\",\"tab\":\"a\\tb\"}");
        assertEquals("Élise", in.requiredText("name", 9));
        assertEquals("😀".repeat(5), in.requiredText("emoji", 5), "five characters, ten UTF-16 units");
        assertEquals("a\tb", in.requiredText("tab", 10));
        in.finish();
        assertEquals(List.of("a:TOO_LONG", "b:CONTROL_CHARACTERS", "c:BLANK", "d:REQUIRED", "e:NOT_A_STRING"), reasons(() -> {
            JsonBody bad = body("{\"a\":\"abcdef\",\"b\":\"x\\u0001y\",\"c\":\"   \",\"e\":12}");
            for (String field : List.of("a", "b", "c", "d", "e")) {
                bad.requiredText(field, 5);
            }
            bad.finish();
        }));
    }

    @Test
    void partialUpdatesTellAbsentFromNullFromSet() {
        JsonBody in = body("{\"cleared\":null,\"blank\":\"\",\"set\":\"x\",\"date\":\"2027-02-28\",\"noDate\":null}");
        assertTrue(in.textChange("absent", 10).isKeep());
        assertInstanceOf(Change.Clear.class, in.textChange("cleared", 10));
        assertInstanceOf(Change.Clear.class, in.textChange("blank", 10));
        assertEquals(Change.set("x"), in.textChange("set", 10));
        assertEquals(Change.set(LocalDate.of(2027, 2, 28)), in.dateChange("date"));
        assertInstanceOf(Change.Clear.class, in.dateChange("noDate"));
        in.finish();
    }

    @Test
    void datesEnumsNumbersAndMoneyAreCheckedField() {
        assertEquals(List.of("d1:NOT_A_DATE", "d2:NOT_A_DATE", "s1:UNKNOWN_VALUE", "s2:NOT_NULLABLE", "n1:NOT_A_WHOLE_NUMBER",
                "n2:NOT_A_WHOLE_NUMBER", "n3:REQUIRED", "m.amount:AMOUNT_NOT_A_STRING", "m.extra:UNKNOWN_FIELD"), reasons(() -> {
            JsonBody in = body("{\"d1\":\"2027-02-30\",\"d2\":\"27-2-3\",\"s1\":\"active\",\"s2\":null,\"n1\":1.5,\"n2\":\"3\","
                    + "\"m\":{\"amount\":12,\"extra\":1}}");
            in.dateChange("d1");
            in.dateChange("d2");
            in.enumChange("s1", ProjectState.class);
            in.enumChange("s2", ProjectState.class);
            in.requiredLong("n1");
            in.requiredLong("n2");
            in.requiredLong("n3");
            in.moneyChange("m");
            in.finish();
        }).stream().sorted(java.util.Comparator.comparing(r -> List.of("d1", "d2", "s1", "s2", "n1", "n2", "n3", "m.amount", "m.extra")
                .indexOf(r.substring(0, r.indexOf(':'))))).toList());
        JsonBody ok = body("{\"m\":{\"amount\":\"1234.50\"},\"n\":100,\"s\":\"CLOSED\"}");
        assertEquals(Change.set(new Money(new BigDecimal("1234.50"), "CAD")), ok.moneyChange("m"));
        assertEquals(100, ok.requiredLong("n"));
        assertEquals(ProjectState.CLOSED, ok.requiredEnum("s", ProjectState.class));
        ok.finish();
    }

    @Test
    void aDateOutside1900To2100IsRefusedAsSuch() {
        assertEquals(List.of("d1:DATE_OUT_OF_RANGE", "d2:DATE_OUT_OF_RANGE"), reasons(() -> {
            JsonBody in = body("{\"d1\":\"0001-01-01\",\"d2\":\"2101-01-01\",\"d3\":\"2100-12-31\"}");
            in.dateChange("d1");
            in.dateChange("d2");
            assertEquals(Change.set(java.time.LocalDate.of(2100, 12, 31)), in.dateChange("d3"));
            in.finish();
        }));
    }

    @Test
    void unknownFieldsAreErrorsToo() {
        assertEquals(List.of("nmae:UNKNOWN_FIELD"), reasons(() -> {
            JsonBody in = body("{\"name\":\"x\",\"nmae\":\"y\"}");
            assertEquals("x", in.optionalText("name", 10));
            assertNull(in.optionalText("company", 10));
            in.finish();
        }));
        FieldError.of("x", "y");
    }
}
