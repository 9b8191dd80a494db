package io.mubiao.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A circular delivered to a kafka-channel subscription, published to {@link Topics#BRIEFINGS_PUBLISHED} with
 * key {@code scope}. {@code deliveryId} is the same for every copy of one delivery, so a consumer that sees a
 * record twice can tell.
 *
 * @param format      json, markdown or html; {@code content} is the briefing JSON or the circular text
 * @param contentType the media type {@code content} would have over HTTP
 */
public record BriefingPublished(String deliveryId, long subscription, String scope, String cadence, LocalDate from,
        LocalDate to, String lang, String format, String contentType, String content, Instant publishedAt) {
}
