package io.mubiao.progress.intake;

/**
 * A report that passed validation.
 *
 * @param index its position in the request
 * @param eventId the client's idempotency key, or null when the client gave none
 */
public record ValidReport(int index, String eventId, Content content) {
}
