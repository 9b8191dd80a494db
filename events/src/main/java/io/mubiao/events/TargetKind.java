package io.mubiao.events;

/** A target on the indicator's own value, or on its change over the same date last year. */
public enum TargetKind {
    VALUE,
    GROWTH
}
