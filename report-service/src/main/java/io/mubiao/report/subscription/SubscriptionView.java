package io.mubiao.report.subscription;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it; {@code secret} only in the answer that made it. */
public record SubscriptionView(long id, String scope, String cadence, String lang, String format, String channel,
        String address, String time, String createdBy, Instant createdAt,
        @Schema(description = "The webhook's HMAC-SHA256 key (hex), returned only when the subscription is made")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static SubscriptionView of(Subscription s, boolean withSecret) {
        return new SubscriptionView(s.id, s.scope, s.cadence, s.lang, s.format, s.channel, s.address,
                s.sendTime.toString(), s.createdBy, s.createdAt, withSecret ? s.secret : null);
    }
}
