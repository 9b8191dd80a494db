package io.mubiao.report.ranking;

import java.time.LocalDate;

/**
 * What to rank: {@code indicator} among {@code parent}'s children, or among its descendants at
 * {@code level}, optionally of one {@code kind}, as of {@code date} (null: today in the configured zone).
 */
public record RankingQuery(String indicator, String parent, LocalDate date, Integer level, String kind) {
}
