package io.mubiao.report.delivery;

import java.time.Instant;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.report.calc.Cadence;
import io.mubiao.report.config.ReportConfig;
import io.mubiao.report.subscription.Subscription;

/**
 * Writes the log row of every subscription whose schedule has fired today ({@link DeliverySchedule}), in the
 * configured zone. Every tick of the day finds the same periods; the row is written once.
 */
@ApplicationScoped
public class DueDeliveries {

    @Inject
    DeliveryStore store;

    @Inject
    ReportConfig config;

    @Transactional
    public void open(Instant now) {
        ZonedDateTime local = now.atZone(config.timeZone());
        for (Subscription s : Subscription.<Subscription>list("deletedAt is null")) {
            DeliverySchedule.dueAt(Cadence.parse(s.cadence), s.sendTime, s.createdAt, local)
                    .ifPresent(period -> store.open(s.id, period, s.channel, s.address, now));
        }
    }
}
