package io.mubiao.report.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.mubiao.events.Direction;
import io.mubiao.report.calc.Status;

/**
 * The scope's children × indicators on a date, each cell compared with {@code compareWith}.
 *
 * @param group   the indicator group asked for, null for every indicator
 * @param rows    one per child of the scope (of every kind), in code order
 * @param average the scope itself: its roll-up (the rankings' {@code parentValue}), judged against its own
 *                target
 */
public record Scorecard(String scope, String name, LocalDate date, LocalDate compareWith, String group,
        List<Column> indicators, List<Row> rows, Row average) {

    public record Column(String code, String name, String unit, Direction direction) {
    }

    /** @param cells by indicator code, in the order of the indicators */
    public record Row(String orgUnit, String name, Map<String, Cell> cells) {
    }

    /**
     * @param previous the value as of {@code compareWith}
     * @param trend    {@code value} against {@code previous}; null when either is missing
     */
    public record Cell(BigDecimal value, Status status, Trend trend, BigDecimal previous) {
    }
}
