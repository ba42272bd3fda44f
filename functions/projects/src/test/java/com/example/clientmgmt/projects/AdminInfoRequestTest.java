package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.ProjectState;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every odd admin-info PATCH body, read as the controller reads it and applied as the domain applies it, without a
 * server: each is one 400 naming the field and why (moved from BadInputTest, which keeps representatives over HTTP).
 */
class AdminInfoRequestTest {
    static final AdminInfo EMPTY = new AdminInfo(null, null, null, null, ProjectState.ACTIVE, null);

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{bad json                                   | body                   | MALFORMED_JSON",
            "[1,2]                                       | body                   | NOT_AN_OBJECT",
            "'\"text\"'                                  | body                   | NOT_AN_OBJECT",
            "{\"startDate\": 5}                          | startDate              | NOT_A_DATE",
            "{\"startDate\": \"2026-02-30\"}             | startDate              | NOT_A_DATE",
            "{\"startDate\": \"01/02/2026\"}             | startDate              | NOT_A_DATE",
            "{\"state\": \"DONE\"}                       | state                  | UNKNOWN_VALUE",
            "{\"state\": \"closed\"}                     | state                  | UNKNOWN_VALUE",
            "{\"state\": null}                           | state                  | NOT_NULLABLE",
            "{\"clientCompanyName\": 12}                 | clientCompanyName      | NOT_A_STRING",
            "{\"clientCompanyName\": \"a\\u0000b\"}      | clientCompanyName      | CONTROL_CHARACTERS",
            "{\"estimatedBudget\": 12.5}                 | estimatedBudget        | NOT_MONEY",
            "{\"estimatedBudget\": {\"amount\": 12.5}}   | estimatedBudget.amount | AMOUNT_NOT_A_STRING",
            "{\"estimatedBudget\": {\"amount\": \"-1\"}} | estimatedBudget.amount | NEGATIVE",
            "{\"estimatedBudget\": {\"amount\": \"1.234\"}} | estimatedBudget.amount | MORE_THAN_CENTS",
            "{\"estimatedBudget\": {\"amount\": \"abc\"}} | estimatedBudget.amount | NOT_A_DECIMAL",
            "{\"estimatedBudget\": {\"amount\": \"1\", \"currency\": \"XXY\"}} | estimatedBudget.currency | UNKNOWN_CURRENCY",
            "{\"estimatedBudget\": {\"amount\": \"1\", \"fx\": 1}} | estimatedBudget.fx | UNKNOWN_FIELD",
            "{\"budget\": 1}                             | budget                 | UNKNOWN_FIELD",
            "{\"startDate\": \"2027-05-01\", \"endDate\": \"2027-04-01\"} | endDate | START_AFTER_END",
            "{\"clientCompanyName\": \"a\"} garbage        | body                   | TRAILING_CONTENT",
            "{\"clientCompanyName\": \"a\"}{\"clientCompanyName\": \"b\"} | body | TRAILING_CONTENT",
            "{\"clientCompanyName\": \"a\", \"clientCompanyName\": \"b\"} | body | DUPLICATE_FIELD",
            "{\"clientCompanyName\": \"\\ud800\"}       | clientCompanyName      | NOT_UNICODE",
            "{\"clientCompanyName\": \"a\\ufffdb\"}     | clientCompanyName      | NOT_UNICODE",
            "{\"clientCompanyName\": \"rapport\\u202Efdp.exe\"} | clientCompanyName | CONTROL_CHARACTERS",
    })
    void badAdminInfoPatches(String body, String field, String code) {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> EMPTY.apply(AdminInfoRequest.read(ObjectMapper.getDefault(), body)));
        assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
        assertEquals(code, refused.fieldErrors().stream().filter(e -> e.field().equals(field)).map(FieldError::reason)
                .findFirst().orElse(null), refused.fieldErrors()::toString);
    }
}
