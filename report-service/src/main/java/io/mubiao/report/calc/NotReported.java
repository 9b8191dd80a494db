package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The units that sent no report within the period: their value, if any, is carried forward from an older
 * report, so a supervisor should know it is stale.
 */
public final class NotReported {

    /**
     * @param value             the carried-forward value, null if the unit never reported
     * @param lastReportDate    null if the unit never reported
     * @param daysSinceReport   days from the last report to the briefing date, null if never reported
     */
    public record Entry(String orgUnit, String name, BigDecimal value, LocalDate lastReportDate,
            Long daysSinceReport) {
    }

    /** Never-reported units first, then the longest silent, then by code. */
    public static List<Entry> of(IndicatorFigures figures) {
        return figures.units().stream()
                .filter(unit -> !unit.reportedInPeriod())
                .map(unit -> new Entry(unit.orgUnit(), unit.name(), unit.value(), unit.lastReportDate(),
                        unit.lastReportDate() == null ? null
                                : ChronoUnit.DAYS.between(unit.lastReportDate(), figures.date())))
                .sorted(Comparator.comparing(Entry::lastReportDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Entry::orgUnit))
                .toList();
    }

    private NotReported() {
    }
}
