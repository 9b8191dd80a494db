package io.mubiao.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Full current state of a target, published to {@link Topics#TARGETS} with key {@link #key()}.
 *
 * @param milestones ascending by due date; the year-end value counts as the milestone of 31 December
 */
public record TargetChanged(String indicator, String orgUnit, int year, TargetKind kind, BigDecimal value,
        BigDecimal start, Trajectory trajectory, List<Milestone> milestones, Instant changedAt) {

    public record Milestone(LocalDate due, BigDecimal value) {
    }

    public String key() {
        return key(indicator, orgUnit, year);
    }

    /** The record key of a target: {@code indicator|orgUnit|year}. */
    public static String key(String indicator, String orgUnit, int year) {
        return indicator + "|" + orgUnit + "|" + year;
    }
}
