package io.mubiao.report.reminder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a unit's reminders go: a webhook or an e-mail address. */
@Entity
@Table(name = "unit_contact")
public class UnitContact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    /** webhook or email. */
    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String lang;

    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
