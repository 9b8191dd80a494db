package io.mubiao.report.reminder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One contact in the body of {@code PUT /api/units/{orgUnit}/contacts}. */
public record ContactRequest(
        @Schema(description = "webhook or email") String channel,
        @Schema(description = "The webhook's http(s) URL or the e-mail address") String address,
        @Schema(description = "zh-CN (default) or en: the language of the reminders") String lang) {
}
