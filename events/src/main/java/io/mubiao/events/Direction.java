package io.mubiao.events;

/** Whether a higher or a lower value of an indicator is better; ranks and gaps follow it. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
