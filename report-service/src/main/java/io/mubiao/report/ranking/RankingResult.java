package io.mubiao.report.ranking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.mubiao.events.Direction;

/**
 * A ranking of a parent's children (or of its descendants at one level) on a date (API.md).
 *
 * @param parentValue the parent's own report, else the roll-up of its children (SNAPSHOT: own report only)
 * @param entries     ranked units first, by rank; units without data last
 */
public record RankingResult(String indicator, String parent, LocalDate date, String unit, Direction direction,
        BigDecimal parentValue, List<RankingEntry> entries) {
}
