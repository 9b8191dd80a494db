package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A staged value that should be reached by a due date. */
@Embeddable
public class TargetMilestone {

    @Column(nullable = false)
    public LocalDate due;

    @Column(nullable = false)
    public BigDecimal value;

    public TargetMilestone() {
    }

    TargetMilestone(LocalDate due, BigDecimal value) {
        this.due = due;
        this.value = value;
    }
}
