package io.mubiao.report.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One row of the delivery log: a subscription's circular for one period, or a reminder to a unit's contact for
 * one day. Written by {@link DeliveryStore}.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    /** CIRCULAR or REMINDER. */
    @Column(nullable = false)
    public String kind;

    /** The circular's subscription; null for a reminder. */
    @Column(name = "subscription_id")
    public Long subscriptionId;

    /** The reminder's contact; null for a circular. */
    @Column(name = "contact_id")
    public Long contactId;

    /** The unit a reminder is for. */
    @Column(name = "org_unit")
    public String orgUnit;

    /** A reminder's subject and text, fixed when it is written. */
    public String subject;

    public String body;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(nullable = false)
    public String channel;

    public String address;

    /** A {@link DeliveryStatus} name. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public UUID claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
