package io.mubiao.events;

import java.time.Instant;

/** Full current state of an indicator, published to {@link Topics#INDICATORS} with key {@code code}. */
public record IndicatorChanged(String code, String name, String unit, Measure measure, Direction direction,
        String group, int decimals, Instant changedAt) {
}
