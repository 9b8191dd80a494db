package io.mubiao.targets;

/**
 * The numbers a target may hold: those progress-service can store and compare it with (numeric(20,6)). A
 * bound checked before any arithmetic, since a JSON number such as 1e999999999 is a valid BigDecimal whose
 * plain form has a billion digits (printing or scaling it exhausts the heap) and which PostgreSQL refuses.
 */
public final class Decimals {

    public static final int INTEGER_DIGITS = 14;
    public static final int FRACTION_DIGITS = 6;
    public static final String MESSAGE = "must have at most 14 digits before the decimal point and 6 after";

    private Decimals() {
    }
}
