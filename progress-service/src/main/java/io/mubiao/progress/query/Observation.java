package io.mubiao.progress.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stored revision of a report as the API shows it. For a RATIO, {@code value} is
 * 100 × numerator / denominator (6 decimals kept).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observation(LocalDate date, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
        int revision, String eventId, String note, String reportedBy, Instant recordedAt) {

    static Observation of(Report report) {
        return new Observation(report.date, strip(report.value), strip(report.numerator), strip(report.denominator),
                report.revision, report.eventId, report.note, report.reportedBy, report.recordedAt);
    }

    /** 55.100000 → 55.1: the stored scale is an artefact of numeric(20,6), not a precision the user gave. */
    private static BigDecimal strip(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros();
    }
}
