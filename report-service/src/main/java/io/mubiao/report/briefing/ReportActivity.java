package io.mubiao.report.briefing;

import java.time.LocalDate;

/**
 * When a unit's figure was last reported (the date of its as-of report, or its children's latest), and whether
 * that lies within the briefing's period.
 */
public record ReportActivity(LocalDate lastReportDate, boolean reportedInPeriod) {
}
