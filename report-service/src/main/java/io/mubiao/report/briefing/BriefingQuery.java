package io.mubiao.report.briefing;

import java.time.LocalDate;

import io.mubiao.report.calc.Cadence;

/**
 * What to brief: the indicators (all, or those of {@code group}) for {@code scope} over the period of
 * {@code cadence} as of {@code date} (null: today in the configured zone); the units ranked are the
 * scope's children, or its descendants at {@code level}, optionally only those of {@code kind}.
 */
public record BriefingQuery(Cadence cadence, String scope, LocalDate date, Integer level, String kind, String group) {
}
