package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A unit's as-of value on a date (its latest report on or before it); null without data. */
public record AsOfValue(LocalDate date, BigDecimal value) {
}
