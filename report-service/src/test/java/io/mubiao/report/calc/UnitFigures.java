package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

/** Builders for the briefing-list tests: a unit with only what a test sets, and the indicator around it. */
final class UnitFigures {

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    static UnitFigure unit(String code, String value) {
        return new UnitFigure(code, "name of " + code, d(value), null, null, null, null, null, true, null);
    }

    static UnitFigure withPrevious(UnitFigure unit, String previousValue) {
        return new UnitFigure(unit.orgUnit(), unit.name(), unit.value(), d(previousValue), unit.expected(),
                unit.milestone(), unit.gapToMilestone(), unit.status(), unit.reportedInPeriod(), unit.lastReportDate());
    }

    static UnitFigure withExpected(UnitFigure unit, String expected) {
        return new UnitFigure(unit.orgUnit(), unit.name(), unit.value(), unit.previousValue(), d(expected),
                unit.milestone(), unit.gapToMilestone(), unit.status(), unit.reportedInPeriod(), unit.lastReportDate());
    }

    static UnitFigure withMilestone(UnitFigure unit, String due, String value, String gap) {
        return new UnitFigure(unit.orgUnit(), unit.name(), unit.value(), unit.previousValue(), unit.expected(),
                new Milestone(day(due), d(value)), d(gap), unit.status(), unit.reportedInPeriod(),
                unit.lastReportDate());
    }

    static UnitFigure silent(UnitFigure unit, String lastReportDate) {
        return new UnitFigure(unit.orgUnit(), unit.name(), unit.value(), unit.previousValue(), unit.expected(),
                unit.milestone(), unit.gapToMilestone(), unit.status(), false,
                lastReportDate == null ? null : day(lastReportDate));
    }

    static IndicatorFigures higher(String parentValue, UnitFigure... units) {
        return figures(Measure.RATIO, Direction.HIGHER_IS_BETTER, "2026-04-15", parentValue, units);
    }

    static IndicatorFigures lower(String parentValue, UnitFigure... units) {
        return figures(Measure.RATIO, Direction.LOWER_IS_BETTER, "2026-04-15", parentValue, units);
    }

    static IndicatorFigures figures(Measure measure, Direction direction, String date, String parentValue,
            UnitFigure... units) {
        return new IndicatorFigures("annual-report.enterprise", measure, direction, 2, day(date), d(parentValue),
                List.of(units));
    }

    private UnitFigures() {
    }
}
