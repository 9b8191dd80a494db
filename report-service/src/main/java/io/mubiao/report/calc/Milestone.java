package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A staged goal: {@code value} to be reached by {@code due}. */
public record Milestone(LocalDate due, BigDecimal value) {
}
