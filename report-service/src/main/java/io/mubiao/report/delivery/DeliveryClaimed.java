package io.mubiao.report.delivery;

import java.util.UUID;

/**
 * Fired synchronously after a delivery is claimed and its circular rendered, just before it is sent. An
 * observer that throws stops the worker there, as a crash would: the claim is left to expire and the row is
 * sent by whichever worker claims it next (the delivery tests use this to kill a delivery mid-way).
 */
public record DeliveryClaimed(UUID delivery) {
}
