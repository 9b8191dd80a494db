package io.mubiao.targets.orgunit;

import java.util.List;

/**
 * The stored state of one org unit, as the import planner and the set-based SQL see it.
 *
 * @param path codes from the root to this unit, this unit last; {@code level} is its length
 */
public record OrgUnitState(String code, String name, String parent, String kind, int level, List<String> path) {

    /** The kind of a unit when none is given: most units are places. */
    public static final String DEFAULT_KIND = "region";

    public OrgUnitState {
        path = List.copyOf(path);
    }
}
