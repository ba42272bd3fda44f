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
}
