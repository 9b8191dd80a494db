package io.mubiao.targets.goal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One child of a target's allocation: the direct child unit and the value it was given. */
@Embeddable
public class TargetAllocation {

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    @Column(nullable = false)
    public BigDecimal value;

    public TargetAllocation() {
    }

    TargetAllocation(String orgUnit, BigDecimal value) {
        this.orgUnit = orgUnit;
        this.value = value;
    }
}
