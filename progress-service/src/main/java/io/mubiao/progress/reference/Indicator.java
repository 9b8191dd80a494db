package io.mubiao.progress.reference;

import java.time.Instant;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of an indicator, as last published by target-service; written by {@link ReferenceRepository}. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String unit;

    @Enumerated(EnumType.STRING)
    public Measure measure;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    public int decimals;

    @Column(name = "changed_at")
    public Instant changedAt;
}
