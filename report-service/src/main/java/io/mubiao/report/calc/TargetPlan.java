package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;

/**
 * A unit's target for one year with its defaults applied, and the expected value it sets for any day.
 *
 * @param schedule the milestones in due order, ending with the year-end value on 31 December unless a
 *                 milestone is already due that day
 * @param start    the expected value on 1 January
 */
public record TargetPlan(int year, TargetKind kind, BigDecimal value, BigDecimal start, Trajectory trajectory,
        List<Milestone> schedule) {

    /**
     * Applies the defaults of API.md: kind VALUE, start 0, trajectory LINEAR for VALUE targets of RATIO and
     * CUMULATIVE indicators and FLAT for GROWTH targets and SNAPSHOT indicators (a level to hold).
     */
    public static TargetPlan of(int year, Measure measure, TargetKind kind, BigDecimal value, BigDecimal start,
            Trajectory trajectory, List<Milestone> milestones) {
        TargetKind actualKind = kind == null ? TargetKind.VALUE : kind;
        Trajectory actualTrajectory = trajectory != null ? trajectory
                : actualKind == TargetKind.GROWTH || measure == Measure.SNAPSHOT ? Trajectory.FLAT : Trajectory.LINEAR;
        List<Milestone> schedule = new ArrayList<>(milestones == null ? List.of() : milestones);
        schedule.sort(Comparator.comparing(Milestone::due));
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        if (schedule.stream().noneMatch(milestone -> milestone.due().equals(yearEnd))) {
            schedule.add(new Milestone(yearEnd, value));
        }
        return new TargetPlan(year, actualKind, value, start == null ? BigDecimal.ZERO : start, actualTrajectory,
                List.copyOf(schedule));
    }

    /** The next milestone due on or after {@code date}; null once the last one has passed. */
    public Milestone nextMilestone(LocalDate date) {
        return schedule.stream().filter(milestone -> !milestone.due().isBefore(date)).findFirst().orElse(null);
    }

    /** The expected value on {@code date}, unrounded. */
    public BigDecimal expectedOn(LocalDate date) {
        Milestone next = nextMilestone(date);
        Milestone last = schedule.get(schedule.size() - 1);
        return switch (trajectory) {
            // After the last milestone every trajectory holds its value.
            case FLAT -> next != null ? next.value() : last.value();
            case STEP -> {
                BigDecimal reached = start;
                for (Milestone milestone : schedule) {
                    if (!milestone.due().isAfter(date)) {
                        reached = milestone.value();
                    }
                }
                yield reached;
            }
            case LINEAR -> linear(date, next, last);
        };
    }

    private BigDecimal linear(LocalDate date, Milestone next, Milestone last) {
        if (next == null) {
            return last.value();
        }
        if (next.due().equals(date)) {
            return next.value();
        }
        Milestone previous = new Milestone(LocalDate.of(year, 1, 1), start);
        for (Milestone milestone : schedule) {
            if (milestone.due().isBefore(date)) {
                previous = milestone;
            }
        }
        long span = ChronoUnit.DAYS.between(previous.due(), next.due());
        long elapsed = ChronoUnit.DAYS.between(previous.due(), date);
        if (span <= 0 || elapsed <= 0) {
            // Before 1 January of the target's year, or two milestones on one day.
            return elapsed <= 0 ? previous.value() : next.value();
        }
        return previous.value().add(next.value().subtract(previous.value())
                .multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(span), Precision.DIVISION));
    }
}
