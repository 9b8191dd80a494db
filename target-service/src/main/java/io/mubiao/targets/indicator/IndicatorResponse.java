package io.mubiao.targets.indicator;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

/** An indicator as the API shows it. */
public record IndicatorResponse(String code, String name, String unit, Measure measure, Direction direction,
        String group, int decimals,
        @Schema(description = "subject (sub) of the token that made the last change", examples = "admin@FJ")
        String changedBy,
        @Schema(examples = "2026-01-05T08:30:00Z") Instant changedAt,
        @Schema(description = "1 when created, +1 per change; the version of the indicator's latest "
                + "IndicatorChanged event", examples = "2") long version) {

    static IndicatorResponse of(Indicator indicator) {
        return new IndicatorResponse(indicator.code, indicator.name, indicator.unit, indicator.measure,
                indicator.direction, indicator.group, indicator.decimals, indicator.changedBy, indicator.changedAt,
                indicator.version);
    }
}
