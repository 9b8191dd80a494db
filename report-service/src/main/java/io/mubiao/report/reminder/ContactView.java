package io.mubiao.report.reminder;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as the API shows it; a new webhook contact's {@code secret} only in the answer that made it. */
public record ContactView(long id, String orgUnit, String channel, String address, String lang,
        @Schema(description = "The webhook's HMAC-SHA256 key (hex), returned only when the contact is added")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static ContactView of(UnitContact c, boolean withSecret) {
        return new ContactView(c.id, c.orgUnit, c.channel, c.address, c.lang, withSecret ? c.secret : null);
    }
}
