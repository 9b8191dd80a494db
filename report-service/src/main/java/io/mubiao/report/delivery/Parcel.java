package io.mubiao.report.delivery;

import java.util.UUID;

import io.mubiao.report.calc.Cadence;
import io.mubiao.report.calc.Period;
import io.mubiao.report.subscription.Channel;

/**
 * What one delivery sends and where, read when it is claimed: a circular (its subscription's scope, cadence,
 * language and format) or a reminder (its contact, and the text written with the row).
 */
public record Parcel(UUID delivery, Long subscription, String scope, Cadence cadence, Period period, String lang,
        String format, Channel channel, String address, String secret, boolean cancelled, Rendered reminder) {

    public boolean isReminder() {
        return reminder != null;
    }
}
