package io.mubiao.events;

import java.time.Instant;

/**
 * Full current state of an indicator, published to {@link Topics#INDICATORS} with key {@code code}.
 *
 * @param eventId   a random UUID, different for every published event, also when the state is the same
 * @param version   per key: 1 for the first state published, +1 with every published change of the same key;
 *                  a consumer may ignore an event whose version is not above the one it already holds (an
 *                  older state of that key)
 */
public record IndicatorChanged(String eventId, long version, String code, String name, String unit, Measure measure, Direction direction,
        String group, int decimals, Instant changedAt) {
}
