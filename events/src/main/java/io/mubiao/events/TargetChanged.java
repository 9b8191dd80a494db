package io.mubiao.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Full current state of a target, published to {@link Topics#TARGETS} with key {@link #key()}.
 *
 * @param eventId   a random UUID, different for every published event, also when the state is the same
 * @param version   per key: 1 for the first state published, +1 with every published change of the same key;
 *                  a consumer may ignore an event whose version is not above the one it already holds (an
 *                  older state of that key)
 * @param milestones ascending by due date; the year-end value counts as the milestone of 31 December
 */
public record TargetChanged(String eventId, long version, String indicator, String orgUnit, int year,
        TargetKind kind, BigDecimal value, BigDecimal start, Trajectory trajectory, List<Milestone> milestones,
        Instant changedAt) {

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
