package io.mubiao.report.summary;

import java.time.LocalDate;
import java.util.List;

/**
 * Every indicator of the read model for one unit on a date (API.md), in indicator code order.
 */
public record UnitSummary(String orgUnit, String name, LocalDate date, List<IndicatorSummary> indicators) {
}
