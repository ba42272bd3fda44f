package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A budget as typed: exact to the cent, not negative, bounded, in a known currency; errors name the field. */
class MoneyTest {
    static FieldError refusal(String amount, String currency) {
        return assertThrows(ProblemException.class, () -> Money.parse("estimatedBudget", amount, currency)).fieldErrors().get(0);
    }

    @Test
    void anAmountIsKeptToTheCentAndShownWithoutExponent() {
        assertEquals("1250000.00", Money.parse("b", "1250000", null).amountText());
        assertEquals("0.50", Money.parse("b", " 0.5 ", null).amountText(), "trimmed");
        assertEquals("12.30", Money.parse("b", "12.300", null).amountText(), "trailing zeros are not cents");
        assertEquals("CAD", Money.parse("b", "1", null).currency(), "CAD unless said otherwise");
        assertEquals("USD", Money.parse("b", "1", "USD").currency());
        assertEquals(Money.MAX, Money.parse("b", Money.MAX.toPlainString(), null).amount());
        assertEquals(new BigDecimal("0.00"), Money.parse("b", "0", null).amount(), "zero is a budget");
    }

    @Test
    void whatIsNotAnAmountOrNotOneWeAcceptIsRefusedNamingTheField() {
        assertEquals(FieldError.of("estimatedBudget.amount", "NOT_A_DECIMAL", "douze"), refusal("douze", null));
        assertEquals("NEGATIVE", refusal("-1", null).reason());
        assertEquals("MORE_THAN_CENTS", refusal("1.001", null).reason());
        assertEquals("TOO_LARGE", refusal("1000000000000", null).reason());
        assertEquals(FieldError.of("estimatedBudget.currency", "UNKNOWN_CURRENCY", "cad"), refusal("1", "cad"), "codes are upper case");
        assertEquals("UNKNOWN_CURRENCY", refusal("1", "XYZ").reason());
    }

    /**
     * The shape is checked before any number is built: a 64 KB amount is refused as NOT_A_DECIMAL (the shape's code,
     * not the bound's or the decimals' that a built number would give), its echo cut to 20 characters; an exponent,
     * which BigDecimal would read, is not an amount either.
     */
    @Test
    void aTextThatCannotBeAnAmountIsRefusedByItsShapeBeforeAnyNumberIsBuilt() {
        String huge = "1." + "0".repeat(65_536);
        FieldError refused = refusal(huge, null);
        assertEquals("NOT_A_DECIMAL", refused.reason());
        assertEquals(java.util.List.of("1.000000000000000000…"), refused.args());
        assertEquals("NOT_A_DECIMAL", refusal("9".repeat(41), null).reason(), "longer than any amount");
        assertEquals("NOT_A_DECIMAL", refusal("1e3", null).reason(), "no exponent");
        assertEquals("NOT_A_DECIMAL", refusal("1 000", null).reason(), "no grouping");
        assertEquals("NOT_A_DECIMAL", refusal(".5", null).reason(), "digits before the point");
        assertEquals("12.30", Money.parse("b", "12.3000000", null).amountText(), "trailing zeros within the shape are fine");
        assertEquals("TOO_LARGE", refusal("99999999999999999999", null).reason(), "20 digits: the bound's refusal");
    }

    /** Leading zeros do not count towards the 20 digits (openapi.yaml allows them, up to its 40 characters): found by the fuzzer. */
    @Test
    void leadingZerosAreNotDigitsThatCountUpToTheFortyCharactersTheContractAllows() {
        assertEquals("648802506218.00", Money.parse("b", "000000000648802506218", null).amountText());
        assertEquals("1.00", Money.parse("b", "0".repeat(39) + "1", null).amountText(), "40 characters");
        assertEquals("0.50", Money.parse("b", "0000.50", null).amountText());
        assertEquals("0.00", Money.parse("b", "0".repeat(40), null).amountText(), "zero written long");
        assertEquals("NOT_A_DECIMAL", refusal("0".repeat(40) + "1", null).reason(), "41 characters: beyond the contract's maxLength");
        assertEquals("NEGATIVE", refusal("-0001", null).reason());
    }
}
