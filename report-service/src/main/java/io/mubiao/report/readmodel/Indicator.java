package io.mubiao.report.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The local copy of an indicator definition; written only by {@link ReferenceConsumer}. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Measure measure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "indicator_group")
    public String group;

    @Column(nullable = false)
    public int decimals;
}
