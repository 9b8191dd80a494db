package io.mubiao.report.delivery;

import java.time.Duration;

/** The pause before the next attempt: {@code first}, doubled after each further failure, at most {@code max}. */
public final class Backoff {

    /** The pause after {@code failures} failed attempts (1 or more). */
    public static Duration after(int failures, Duration first, Duration max) {
        if (failures < 1) {
            throw new IllegalArgumentException("a pause follows a failure, not " + failures);
        }
        Duration pause = first;
        for (int i = 1; i < failures && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }

    private Backoff() {
    }
}
