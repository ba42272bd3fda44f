package com.example.clientmgmt.domain;

import java.math.BigDecimal;

/** An exact amount of money, to the cent, in an ISO-4217 currency (CAD unless said otherwise). */
public record Money(BigDecimal amount, String currency) {
    public static final String DEFAULT_CURRENCY = "CAD";

    public Money {
        amount = amount.setScale(2);
    }

    /** Upper bound of a budget: a construction project larger than this is a typing mistake. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");
    /** The longest amount text read: digits, a point, decimals (trailing zeros allowed), blanks around. */
    static final int MAX_TEXT = 40;
    /** A plain decimal: a sign, digits, maybe a point and digits; no exponent, no grouping. */
    /** Zeros before the first digit that counts ("000012.50" is 12.50): they do not count towards the 20 digits. */
    private static final java.util.regex.Pattern LEADING_ZEROS = java.util.regex.Pattern.compile("^(-?)0+(?=\\d)");
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("-?\\d{1,20}(\\.\\d{1,15})?");

    /** A refused text as the error shows it: at most 20 characters of it. */
    private static String shown(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    /**
     * Reads a budget as the user typed it: a decimal text, zero or more, at most two decimals, in a known
     * ISO-4217 currency. Errors name {@code field} so that the user sees which input is wrong.
     */
    public static Money parse(String field, String amountText, String currencyCode) {
        // the text's shape first, in time linear in a bounded length: no number is built from a text that cannot be
        // an amount (a 64 KB "1.000…0" once cost seconds in stripTrailingZeros, for any caller, before any check)
        String text = amountText.length() > MAX_TEXT ? null : LEADING_ZEROS.matcher(amountText.trim()).replaceFirst("$1");
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw ProblemException.invalid(FieldError.of(field + ".amount", "NOT_A_DECIMAL", shown(amountText)));
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            throw ProblemException.invalid(FieldError.of(field + ".amount", "NEGATIVE", amountText));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalid(FieldError.of(field + ".amount", "MORE_THAN_CENTS", amountText));
        }
        if (amount.compareTo(MAX) > 0) {
            throw ProblemException.invalid(FieldError.of(field + ".amount", "TOO_LARGE", MAX.toPlainString()));
        }
        String currency = currencyCode == null ? DEFAULT_CURRENCY : currencyCode;
        if (!currency.matches("[A-Z]{3}") || java.util.Currency.getAvailableCurrencies().stream()
                .noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            throw ProblemException.invalid(FieldError.of(field + ".currency", "UNKNOWN_CURRENCY", currency));
        }
        return new Money(amount, currency);
    }

    /** The amount as the API shows it: plain digits with two decimals, never exponent notation. */
    public String amountText() {
        return amount.toPlainString();
    }
}
