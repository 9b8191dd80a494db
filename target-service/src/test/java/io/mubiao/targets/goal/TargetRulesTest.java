package io.mubiao.targets.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.mubiao.problem.Problem;

class TargetRulesTest {

    private static TargetRequest.Milestone m(String due, int value) {
        return new TargetRequest.Milestone(LocalDate.parse(due), BigDecimal.valueOf(value));
    }

    private static List<String> fields(Measure measure, Direction direction, TargetKind kind, int value,
            TargetRequest.Milestone... milestones) {
        return TargetRules.check(measure, direction, 2026, kind, BigDecimal.valueOf(value), BigDecimal.ZERO,
                Arrays.asList(milestones)).stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void defaultTrajectoryFollowsMeasureAndKind() {
        assertEquals(Trajectory.LINEAR, TargetRules.defaultTrajectory(Measure.RATIO, TargetKind.VALUE));
        assertEquals(Trajectory.LINEAR, TargetRules.defaultTrajectory(Measure.CUMULATIVE, TargetKind.VALUE));
        assertEquals(Trajectory.FLAT, TargetRules.defaultTrajectory(Measure.SNAPSHOT, TargetKind.VALUE));
        assertEquals(Trajectory.FLAT, TargetRules.defaultTrajectory(Measure.RATIO, TargetKind.GROWTH));
        assertEquals(Trajectory.FLAT, TargetRules.defaultTrajectory(Measure.CUMULATIVE, TargetKind.GROWTH));
    }

    @Test
    void acceptsTheFilingRateCountdown() {
        assertEquals(List.of(), fields(Measure.RATIO, Direction.HIGHER_IS_BETTER, TargetKind.VALUE, 100,
                m("2026-03-31", 20), m("2026-04-30", 50), m("2026-05-31", 80), m("2026-06-30", 100)));
    }

    @Test
    void acceptsNoMilestones() {
        assertEquals(List.of(), fields(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, TargetKind.VALUE, 40));
    }

    @Test
    void namesMilestonesOutsideTheYearByIndex() {
        assertEquals(List.of("milestones[0].due", "milestones[2].due"), fields(Measure.SNAPSHOT,
                Direction.HIGHER_IS_BETTER, TargetKind.VALUE, 5, m("2025-12-31", 1), m("2026-06-30", 2),
                m("2027-01-01", 3)));
    }

    @Test
    void requiresStrictlyAscendingDueDates() {
        assertEquals(List.of("milestones[1].due"), fields(Measure.SNAPSHOT, Direction.HIGHER_IS_BETTER,
                TargetKind.VALUE, 5, m("2026-06-30", 1), m("2026-06-30", 2)));
    }

    @Test
    void keepsRatioValueTargetsWithinZeroToHundred() {
        assertEquals(List.of("value", "milestones[0].value"), fields(Measure.RATIO, Direction.HIGHER_IS_BETTER,
                TargetKind.VALUE, 101, m("2026-03-31", 101)));
        List<Problem.FieldError> start = TargetRules.check(Measure.RATIO, Direction.LOWER_IS_BETTER, 2026,
                TargetKind.VALUE, BigDecimal.TEN, BigDecimal.valueOf(-1), List.of());
        assertEquals("start", start.get(0).field());
    }

    @Test
    void letsRatioGrowthTargetsBeNegativePoints() {
        assertEquals(List.of(), fields(Measure.RATIO, Direction.HIGHER_IS_BETTER, TargetKind.GROWTH, -2,
                m("2026-06-30", -5)));
    }

    @Test
    void forbidsFallingMilestonesOnlyForHigherIsBetterValueTargetsOfRatioOrCumulative() {
        TargetRequest.Milestone[] falling = { m("2026-03-31", 50), m("2026-06-30", 40) };
        assertEquals(List.of("milestones[1].value", "value"), fields(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER,
                TargetKind.VALUE, 30, falling));
        assertEquals(List.of("milestones[1].value"), fields(Measure.RATIO, Direction.HIGHER_IS_BETTER,
                TargetKind.VALUE, 60, falling));
        assertEquals(List.of(), fields(Measure.CUMULATIVE, Direction.LOWER_IS_BETTER, TargetKind.VALUE, 30, falling));
        assertEquals(List.of(), fields(Measure.SNAPSHOT, Direction.HIGHER_IS_BETTER, TargetKind.VALUE, 30, falling));
        assertEquals(List.of(), fields(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, TargetKind.GROWTH, 30, falling));
    }

    @Test
    void yearEndMilestoneMustEqualTheValue() {
        List<Problem.FieldError> errors = TargetRules.check(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2026,
                TargetKind.VALUE, BigDecimal.valueOf(40), BigDecimal.ZERO, List.of(m("2026-12-31", 45)));
        assertEquals(1, errors.size());
        assertEquals("milestones[0].value", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("31 December"));
        assertEquals(List.of(), TargetRules.check(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2026,
                TargetKind.VALUE, new BigDecimal("40.0"), BigDecimal.ZERO, List.of(m("2026-12-31", 40))));
    }

    @Test
    void reportsAnEmptyMilestone() {
        List<Problem.FieldError> errors = TargetRules.check(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2026,
                TargetKind.VALUE, BigDecimal.TEN, BigDecimal.ZERO, Arrays.asList(m("2026-03-31", 1), null));
        assertEquals("milestones[1]", errors.get(0).field());
    }
}
