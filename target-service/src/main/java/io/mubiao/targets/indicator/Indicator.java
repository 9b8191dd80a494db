package io.mubiao.targets.indicator;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What is measured and how: the measure decides roll-up and validation, the direction decides ranks. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Measure measure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "indicator_group")
    public String group;

    public int decimals;

    /** The subject of the token that made the last change. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** 1 when created, +1 with every published change; events carry it. */
    public long version;
}
