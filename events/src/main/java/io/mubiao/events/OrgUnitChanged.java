package io.mubiao.events;

import java.time.Instant;
import java.util.List;

/**
 * Full current state of an org unit, published to {@link Topics#ORG_UNITS} with key {@code code}.
 * A deleted unit is a tombstone (null value) under its code.
 *
 * @param path codes from the root to this unit, this unit last
 */
public record OrgUnitChanged(String code, String name, String parent, String kind, int level, List<String> path,
        Instant changedAt) {
}
