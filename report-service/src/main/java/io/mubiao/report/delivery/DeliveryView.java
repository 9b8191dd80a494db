package io.mubiao.report.delivery;

import java.time.Instant;
import java.util.UUID;

import io.mubiao.report.calc.Period;

/** A row of the delivery log as {@code GET /api/deliveries} shows it; {@code orgUnit} only for reminders. */
public record DeliveryView(UUID id, String kind, Long subscription, String orgUnit, Period period, String channel,
        String address, String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant updatedAt) {

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.kind, d.subscriptionId, d.orgUnit, new Period(d.periodFrom, d.periodTo),
                d.channel, d.address, d.status, d.attempts, d.lastError, d.createdAt,
                DeliveryStatus.RETRY.name().equals(d.status) || DeliveryStatus.PENDING.name().equals(d.status)
                        ? d.nextAttemptAt : null,
                d.sentAt, d.updatedAt);
    }
}
