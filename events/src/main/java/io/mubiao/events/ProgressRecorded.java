package io.mubiao.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored revision of a report, published to {@link Topics#PROGRESS_RECORDED} with key {@code orgUnit}.
 * A consumer keeps, per (orgUnit, indicator, date), the highest revision it has seen, so a record seen twice
 * changes nothing.
 *
 * @param value for a RATIO, 100 × numerator / denominator
 */
public record ProgressRecorded(String eventId, String orgUnit, String indicator, LocalDate date, BigDecimal value,
        BigDecimal numerator, BigDecimal denominator, int revision, String reportedBy, Instant recordedAt) {
}
