package io.mubiao.messaging.deadletter;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

/**
 * Repeats an action that failed for a reason that passes by itself (the database or the broker is away) until
 * it succeeds, waiting longer after each failure, up to {@link #MAX_PAUSE_MS}. An outage is logged at its
 * first failure and then every {@link #LOG_EVERY}th, not at every attempt. Any other failure is thrown at once.
 */
public final class Retry {

    /** A unit of work that may fail. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** Waits between attempts; the tests' does not. */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    /** The work was given up because the application is stopping; nothing of it may be committed. */
    public static final class Abandoned extends RuntimeException {

        Abandoned(String message) {
            super(message);
        }
    }

    static final long FIRST_PAUSE_MS = 200;
    static final long MAX_PAUSE_MS = 5_000;
    static final int LOG_EVERY = 30;

    private static final Logger LOG = Logger.getLogger(Retry.class);

    private final Pause pause;
    private final BooleanSupplier stopping;

    /**
     * @param stopping true once the application is shutting down: the work is then abandoned, and the batch
     *            stays uncommitted for the next consumer
     */
    public Retry(Pause pause, BooleanSupplier stopping) {
        this.pause = pause;
        this.stopping = stopping;
    }

    /**
     * @param what what is attempted, for the log
     * @param isTransient which failures to wait out; the others are thrown
     */
    public <T> T untilDone(String what, Attempt<T> attempt, Predicate<Exception> isTransient) {
        for (int failures = 0;; ) {
            try {
                T result = attempt.run();
                if (failures > 0) {
                    LOG.infof("%s succeeded after %d failed attempts", what, failures);
                }
                return result;
            } catch (Exception e) {
                if (!isTransient.test(e)) {
                    throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
                }
                failures++;
                if (failures == 1 || failures % LOG_EVERY == 0) {
                    LOG.warnf("%s failed (attempt %d), retrying until it works: %s", what, failures,
                            Failures.describe(e));
                }
                await(Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * failures), what);
            }
        }
    }

    private void await(long millis, String what) {
        if (stopping.getAsBoolean()) {
            throw new Abandoned("shutting down: gave up " + what + "; the batch stays uncommitted");
        }
        try {
            pause.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned("interrupted: gave up " + what + "; the batch stays uncommitted");
        }
    }
}
