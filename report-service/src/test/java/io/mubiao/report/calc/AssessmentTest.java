package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;

class AssessmentTest {

    private static final LocalDate APRIL_15 = LocalDate.of(2026, 4, 15);

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** Expected 35.00 on 15 April, next milestone 50 on 30 April. */
    private static final TargetPlan FILING = TargetPlan.of(2026, Measure.RATIO, TargetKind.VALUE, d("100"), null,
            Trajectory.LINEAR, List.of(new Milestone(LocalDate.of(2026, 3, 31), d("20")),
                    new Milestone(LocalDate.of(2026, 4, 30), d("50"))));

    private static Assessment ratio(String value) {
        return Assessment.assess(Measure.RATIO, Direction.HIGHER_IS_BETTER, 2, FILING, APRIL_15, d(value), null);
    }

    @Test
    void gapsAreHowFarShortAndNegativeWhenAhead() {
        Assessment assessment = ratio("55.10");
        assertEquals(d("35.00"), assessment.expected());
        assertEquals(d("-20.10"), assessment.gapToExpected());
        assertEquals(new Milestone(LocalDate.of(2026, 4, 30), d("50")), assessment.milestone());
        assertEquals(d("-5.10"), assessment.gapToMilestone());
        assertEquals(Status.AHEAD, assessment.status());
    }

    @Test
    void behindIsMoreThanOnePointShortForARatio() {
        assertEquals(Status.BEHIND, ratio("33.99").status());
        assertEquals(d("1.01"), ratio("33.99").gapToExpected());
        assertEquals(d("16.01"), ratio("33.99").gapToMilestone());
    }

    @Test
    void withinOnePointEitherWayIsOnTrack() {
        assertEquals(Status.ON_TRACK, ratio("34.00").status());
        assertEquals(Status.ON_TRACK, ratio("35.00").status());
        assertEquals(Status.ON_TRACK, ratio("36.00").status());
        assertEquals(Status.AHEAD, ratio("36.01").status());
    }

    @Test
    void lowerIsBetterGapsAreValueMinusTarget() {
        TargetPlan plan = TargetPlan.of(2026, Measure.SNAPSHOT, TargetKind.VALUE, d("5"), null, null, List.of());
        Assessment assessment = Assessment.assess(Measure.SNAPSHOT, Direction.LOWER_IS_BETTER, 1, plan, APRIL_15,
                d("7.5"), null);
        assertEquals(d("5.0"), assessment.expected());
        assertEquals(d("2.5"), assessment.gapToExpected());
        assertEquals(Status.BEHIND, assessment.status());
        Assessment ahead = Assessment.assess(Measure.SNAPSHOT, Direction.LOWER_IS_BETTER, 1, plan, APRIL_15, d("3.9"),
                null);
        assertEquals(d("-1.1"), ahead.gapToExpected());
        assertEquals(Status.AHEAD, ahead.status());
    }

    @Test
    void cumulativeToleranceIsTwoPercentOfExpected() {
        // A straight line from 0 on 1 January to 728 on 31 December (364 days): 200 on 11 April (day 100).
        TargetPlan plan = TargetPlan.of(2026, Measure.CUMULATIVE, TargetKind.VALUE, d("728"), null, null, List.of());
        LocalDate date = LocalDate.of(2026, 4, 11);
        assertEquals(d("200.00"), Assessment.assess(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, plan, date,
                d("196"), null).expected());
        assertEquals(Status.ON_TRACK, Assessment.assess(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, plan, date,
                d("196"), null).status());
        assertEquals(Status.BEHIND, Assessment.assess(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, plan, date,
                d("195.99"), null).status());
        assertEquals(Status.ON_TRACK, Assessment.assess(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, plan, date,
                d("204"), null).status());
        assertEquals(Status.AHEAD, Assessment.assess(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, plan, date,
                d("204.01"), null).status());
    }

    @Test
    void growthTargetJudgesTheChangeOverLastYear() {
        TargetPlan plan = TargetPlan.of(2026, Measure.CUMULATIVE, TargetKind.GROWTH, d("35"), null, null, List.of());
        Assessment assessment = Assessment.assess(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, plan, APRIL_15,
                d("1300"), d("30.00"));
        assertEquals(d("35.00"), assessment.expected());
        assertEquals(d("5.00"), assessment.gapToExpected());
        assertEquals(d("5.00"), assessment.gapToMilestone());
        assertEquals(Status.BEHIND, assessment.status());
        // A growth target's tolerance is one point even on a cumulative indicator.
        assertEquals(Status.ON_TRACK, Assessment.assess(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, plan,
                APRIL_15, d("1300"), d("34.00")).status());
    }

    @Test
    void growthTargetOfNotBelowLastYearOnARatio() {
        TargetPlan plan = TargetPlan.of(2026, Measure.RATIO, TargetKind.GROWTH, d("0"), null, null, List.of());
        assertEquals(Status.ON_TRACK, Assessment.assess(Measure.RATIO, Direction.HIGHER_IS_BETTER, 2, plan, APRIL_15,
                d("40"), d("-0.50")).status());
        assertEquals(Status.BEHIND, Assessment.assess(Measure.RATIO, Direction.HIGHER_IS_BETTER, 2, plan, APRIL_15,
                d("40"), d("-2.00")).status());
    }

    @Test
    void growthTargetWithoutLastYearHasNoData() {
        TargetPlan plan = TargetPlan.of(2026, Measure.RATIO, TargetKind.GROWTH, d("0"), null, null, List.of());
        Assessment assessment = Assessment.assess(Measure.RATIO, Direction.HIGHER_IS_BETTER, 2, plan, APRIL_15, d("40"),
                null);
        assertEquals(Status.NO_DATA, assessment.status());
        assertNull(assessment.gapToExpected());
        assertEquals(d("0.00"), assessment.expected());
    }

    @Test
    void noTargetGivesNoTargetAndNoGaps() {
        Assessment assessment = Assessment.assess(Measure.RATIO, Direction.HIGHER_IS_BETTER, 2, null, APRIL_15, d("40"),
                null);
        assertEquals(Status.NO_TARGET, assessment.status());
        assertNull(assessment.expected());
        assertNull(assessment.milestone());
        assertNull(assessment.gapToMilestone());
    }

    @Test
    void noValueGivesNoDataButShowsTheTarget() {
        Assessment assessment = ratio(null);
        assertEquals(Status.NO_DATA, assessment.status());
        assertEquals(d("35.00"), assessment.expected());
        assertEquals(d("50"), assessment.milestone().value());
        assertNull(assessment.gapToExpected());
        assertNull(assessment.gapToMilestone());
        assertEquals(Status.NO_DATA, Assessment.assess(Measure.RATIO, Direction.HIGHER_IS_BETTER, 2, null, APRIL_15,
                null, null).status());
    }

    @Test
    void expectedAndGapsAreRoundedHalfUp() {
        // 1 January to 31 March is 89 days; on 1 March (59 days) the line is at 13.2584…
        TargetPlan plan = TargetPlan.of(2026, Measure.RATIO, TargetKind.VALUE, d("100"), null, Trajectory.LINEAR,
                List.of(new Milestone(LocalDate.of(2026, 3, 31), d("20"))));
        Assessment assessment = Assessment.assess(Measure.RATIO, Direction.HIGHER_IS_BETTER, 1, plan,
                LocalDate.of(2026, 3, 1), d("10.0"), null);
        assertEquals(d("13.3"), assessment.expected());
        assertEquals(d("3.3"), assessment.gapToExpected());
    }

    @Test
    void toleranceByMeasureAndKind() {
        assertEquals(0, BigDecimal.ONE.compareTo(Assessment.tolerance(Measure.RATIO, TargetKind.VALUE, d("50"))));
        assertEquals(0, BigDecimal.ONE.compareTo(Assessment.tolerance(Measure.SNAPSHOT, TargetKind.VALUE, d("50"))));
        assertEquals(0, BigDecimal.ONE.compareTo(Assessment.tolerance(Measure.CUMULATIVE, TargetKind.GROWTH, d("50"))));
        assertEquals(0, d("3").compareTo(Assessment.tolerance(Measure.CUMULATIVE, TargetKind.VALUE, d("150"))));
    }
}
