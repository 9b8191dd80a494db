package io.mubiao.events;

import java.time.Instant;
import java.util.List;

/**
 * Full current state of an org unit, published to {@link Topics#ORG_UNITS} with key {@code code}.
 * A deleted unit is a tombstone (null value) under its code.
 *
 * @param eventId   a random UUID, different for every published event, also when the state is the same
 * @param version   per key: 1 for the first state published, +1 with every published change of the same key;
 *                  a consumer may ignore an event whose version is not above the one it already holds (an
 *                  older state of that key); a unit created again after its tombstone starts again at 1
 * @param path codes from the root to this unit, this unit last
 */
public record OrgUnitChanged(String eventId, long version, String code, String name, String parent, String kind,
        int level, List<String> path, Instant changedAt) {
}
