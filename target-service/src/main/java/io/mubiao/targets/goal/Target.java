package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The target of one org unit for one indicator and year, with its staged milestones. */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String indicator;

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetKind kind;

    /** The year-end target. */
    @Column(nullable = false)
    public BigDecimal value;

    /** The value at 1 January, where the trajectory starts. */
    @Column(name = "start_value", nullable = false)
    public BigDecimal start;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trajectory trajectory;

    /** As the user gave them, ascending by due date. */
    @ElementCollection
    @CollectionTable(name = "target_milestone", joinColumns = @JoinColumn(name = "target_id"))
    @OrderColumn(name = "seq")
    public List<TargetMilestone> milestones = new ArrayList<>();

    /**
     * The last allocation of this target over its org unit's direct children, in the order given; empty when
     * it was never allocated. Not part of the target's versions or events: each child's target carries its own.
     */
    @ElementCollection
    @CollectionTable(name = "target_allocation", joinColumns = @JoinColumn(name = "target_id"))
    @OrderColumn(name = "seq")
    public List<TargetAllocation> allocation = new ArrayList<>();

    /** The subject of the token that made the current version. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The number of the current version: 1 when created, +1 per change; every version is in target_version. */
    @Column(nullable = false)
    public int version;
}
