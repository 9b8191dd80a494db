package io.mubiao.report.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/subscriptions}; checked by {@link SubscriptionRules}. */
public record SubscriptionRequest(
        @Schema(description = "Org unit the circular is about", examples = "FJ") String scope,
        @Schema(description = "daily, weekly, dekad, monthly, quarterly, half-year or annual") String cadence,
        @Schema(description = "zh-CN (default) or en") String lang,
        @Schema(description = "markdown (default), html or json") String format,
        @Schema(description = "webhook, email or kafka") String channel,
        @Schema(description = "The webhook's http(s) URL or the e-mail address; none for kafka") String address,
        @Schema(description = "HH:mm in the service's time zone; default 08:00", examples = "07:30") String time) {
}
