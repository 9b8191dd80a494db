package io.mubiao.report.delivery;

/** Where a delivery stands in the log. */
public enum DeliveryStatus {
    /** Written, not yet attempted (or attempted by a worker that died before it could say how it went). */
    PENDING,
    /** An attempt failed; the next is due at {@code nextAttemptAt}. */
    RETRY,
    SENT,
    /** Every attempt failed; {@code lastError} says why. Stays so until the subscription is run again. */
    FAILED,
    /** The subscription was deleted before it was sent. */
    CANCELLED
}
