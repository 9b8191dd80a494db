package io.mubiao.events;

/** How the expected value moves between milestones (API.md). */
public enum Trajectory {
    LINEAR,
    STEP,
    FLAT
}
