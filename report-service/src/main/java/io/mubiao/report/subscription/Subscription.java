package io.mubiao.report.subscription;

import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.mubiao.report.calc.Cadence;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A supervisor's standing order for the circular of a scope; never returned from a resource as it is. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String scope;

    /** The path word of a {@code Cadence}. */
    @Column(nullable = false)
    public String cadence;

    @Column(nullable = false)
    public String lang;

    @Column(nullable = false)
    public String format;

    /** The API word of a {@link Channel}. */
    @Column(nullable = false)
    public String channel;

    public String address;

    /** The webhook's HMAC key, hex; shown once, when the subscription is made. */
    public String secret;

    @Column(name = "send_time", nullable = false)
    public LocalTime sendTime;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public Cadence cadence() {
        return io.mubiao.report.calc.Cadence.parse(cadence);
    }
}
