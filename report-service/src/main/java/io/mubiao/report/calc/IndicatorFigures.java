package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

/**
 * The ranked units of one indicator under one parent as of {@code date}: what every briefing list is
 * computed from.
 *
 * @param parentValue the parent's value (its roll-up, or own report for SNAPSHOT), the "average" units are
 *                    measured against; null without data
 */
public record IndicatorFigures(String indicator, Measure measure, Direction direction, int decimals,
        LocalDate date, BigDecimal parentValue, List<UnitFigure> units) {

    public IndicatorFigures {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
