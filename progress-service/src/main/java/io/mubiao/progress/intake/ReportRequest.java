package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One report as a county office sends it. The body of {@code POST /api/progress} is read as JSON and mapped
 * field by field ({@link ReportReader}), so that every fault of every item can be reported together.
 */
@Schema(name = "Report", description = "A progress report. RATIO indicators take numerator and denominator; "
        + "CUMULATIVE and SNAPSHOT indicators take value.")
public record ReportRequest(
        @Schema(description = "The client's idempotency key; derived from the content when absent", maxLength = 128)
        String eventId,
        @Schema(required = true, pattern = "[A-Za-z0-9._-]{1,64}", examples = "FJ-FZ-GL")
        String orgUnit,
        @Schema(required = true, pattern = "[A-Za-z0-9._-]{1,64}", examples = "annual-report.enterprise")
        String indicator,
        @Schema(required = true, description = "The day the figure is for; not after today", examples = "2026-04-15")
        LocalDate date,
        @Schema(description = "For CUMULATIVE and SNAPSHOT indicators; at most 14 digits before and 6 after the point")
        BigDecimal value,
        @Schema(description = "For RATIO indicators: 0 ≤ numerator ≤ denominator")
        BigDecimal numerator,
        @Schema(description = "For RATIO indicators: above 0")
        BigDecimal denominator,
        @Schema(maxLength = 1000)
        String note) {
}
