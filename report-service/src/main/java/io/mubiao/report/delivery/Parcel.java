package io.mubiao.report.delivery;

import java.util.UUID;

import io.mubiao.report.calc.Cadence;
import io.mubiao.report.calc.Period;
import io.mubiao.report.subscription.Channel;

/** What one delivery sends and where: its log row and its subscription, read together when it is claimed. */
public record Parcel(UUID delivery, long subscription, String scope, Cadence cadence, Period period, String lang,
        String format, Channel channel, String address, String secret, boolean cancelled) {
}
