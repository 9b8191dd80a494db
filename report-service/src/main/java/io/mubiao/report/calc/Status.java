package io.mubiao.report.calc;

/** How a unit stands against its trajectory (API.md). */
public enum Status {
    AHEAD,
    ON_TRACK,
    BEHIND,
    NO_TARGET,
    NO_DATA
}
