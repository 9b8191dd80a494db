package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;

class TargetPlanTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Milestone milestone(String due, String value) {
        return new Milestone(day(due), d(value));
    }

    /** The annual-report filing rate: 20%, 50%, 80%, 100% at the ends of March, April, May and June. */
    private static final List<Milestone> FILING = List.of(milestone("2026-03-31", "20"), milestone("2026-04-30", "50"),
            milestone("2026-05-31", "80"), milestone("2026-06-30", "100"));

    private static TargetPlan plan(Trajectory trajectory, String start, List<Milestone> milestones, String value) {
        return TargetPlan.of(2026, Measure.RATIO, TargetKind.VALUE, d(value), start == null ? null : d(start),
                trajectory, milestones);
    }

    private static BigDecimal expected(TargetPlan plan, String date) {
        return Precision.round(plan.expectedOn(day(date)), 2);
    }

    @Test
    void linearMovesInCalendarDaysBetweenMilestones() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, FILING, "100");
        // 15 of the 30 days from 31 March (20) to 30 April (50).
        assertEquals(d("35.00"), expected(plan, "2026-04-15"));
        assertEquals(d("21.00"), expected(plan, "2026-04-01"));
    }

    @Test
    void linearOnAMilestoneDayIsItsValue() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, FILING, "100");
        assertEquals(d("50.00"), expected(plan, "2026-04-30"));
        assertEquals(d("20.00"), expected(plan, "2026-03-31"));
    }

    @Test
    void linearBeforeTheFirstMilestoneRunsFromStartOnFirstJanuary() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, List.of(milestone("2026-01-11", "10")), "100");
        assertEquals(d("0.00"), expected(plan, "2026-01-01"));
        assertEquals(d("5.00"), expected(plan, "2026-01-06"));
    }

    @Test
    void linearFromANonZeroStart() {
        TargetPlan plan = plan(Trajectory.LINEAR, "40", List.of(milestone("2026-01-11", "60")), "100");
        assertEquals(d("40.00"), expected(plan, "2026-01-01"));
        assertEquals(d("50.00"), expected(plan, "2026-01-06"));
    }

    @Test
    void yearEndValueIsTheMilestoneOfThirtyFirstDecember() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, List.of(milestone("2026-06-30", "40")), "100");
        assertEquals(milestone("2026-12-31", "100"), plan.nextMilestone(day("2026-07-01")));
        // 92 of the 184 days from 30 June (40) to 31 December (100).
        assertEquals(d("70.00"), expected(plan, "2026-09-30"));
        assertEquals(d("100.00"), expected(plan, "2026-12-31"));
    }

    @Test
    void yearEndValueAloneMakesAStraightLineOverTheYear() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, List.of(), "364");
        assertEquals(List.of(milestone("2026-12-31", "364")), plan.schedule());
        assertEquals(d("100.00"), expected(plan, "2026-04-11"));
    }

    @Test
    void aMilestoneOnThirtyFirstDecemberIsNotDoubled() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, List.of(milestone("2026-12-31", "90")), "100");
        assertEquals(List.of(milestone("2026-12-31", "90")), plan.schedule());
    }

    @Test
    void afterTheLastMilestoneTheValueHolds() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, FILING, "100");
        assertEquals(d("100.00"), expected(plan, "2026-08-15"));
        assertEquals(d("100.00"), expected(plan, "2027-01-05"));
        assertNull(plan.nextMilestone(day("2027-01-01")));
    }

    @Test
    void linearInALeapYearCountsTwentyNinthFebruary() {
        TargetPlan plan = TargetPlan.of(2028, Measure.RATIO, TargetKind.VALUE, d("100"), null, Trajectory.LINEAR,
                List.of(new Milestone(day("2028-03-01"), d("60"))));
        // 1 January to 1 March 2028 is 60 days.
        assertEquals(d("59.00"), Precision.round(plan.expectedOn(day("2028-02-29")), 2));
    }

    @Test
    void stepHoldsTheLatestMilestoneAlreadyDue() {
        TargetPlan plan = plan(Trajectory.STEP, null, FILING, "100");
        assertEquals(d("20.00"), expected(plan, "2026-04-15"));
        assertEquals(d("50.00"), expected(plan, "2026-04-30"));
        assertEquals(d("100.00"), expected(plan, "2026-09-01"));
    }

    @Test
    void stepBeforeTheFirstMilestoneIsTheStart() {
        assertEquals(d("0.00"), expected(plan(Trajectory.STEP, null, FILING, "100"), "2026-03-30"));
        assertEquals(d("5.00"), expected(plan(Trajectory.STEP, "5", FILING, "100"), "2026-02-01"));
    }

    @Test
    void flatHoldsTheNextMilestoneDue() {
        TargetPlan plan = plan(Trajectory.FLAT, null, FILING, "100");
        assertEquals(d("20.00"), expected(plan, "2026-01-01"));
        assertEquals(d("50.00"), expected(plan, "2026-04-15"));
        assertEquals(d("50.00"), expected(plan, "2026-04-30"));
        assertEquals(d("80.00"), expected(plan, "2026-05-01"));
        assertEquals(d("100.00"), expected(plan, "2026-11-01"));
    }

    @Test
    void nextMilestoneIsDueOnOrAfterTheDate() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, FILING, "100");
        assertEquals(milestone("2026-04-30", "50"), plan.nextMilestone(day("2026-04-15")));
        assertEquals(milestone("2026-04-30", "50"), plan.nextMilestone(day("2026-04-30")));
        assertEquals(milestone("2026-03-31", "20"), plan.nextMilestone(day("2026-01-01")));
    }

    @Test
    void milestonesAreTakenInDueOrder() {
        TargetPlan plan = plan(Trajectory.LINEAR, null, List.of(milestone("2026-04-30", "50"),
                milestone("2026-03-31", "20")), "100");
        assertEquals(d("35.00"), expected(plan, "2026-04-15"));
    }

    @Test
    void defaultsFollowTheKindAndMeasure() {
        assertEquals(Trajectory.LINEAR, TargetPlan.of(2026, Measure.RATIO, null, d("1"), null, null, null).trajectory());
        assertEquals(Trajectory.LINEAR, TargetPlan.of(2026, Measure.CUMULATIVE, TargetKind.VALUE, d("1"), null, null,
                null).trajectory());
        assertEquals(Trajectory.FLAT, TargetPlan.of(2026, Measure.SNAPSHOT, TargetKind.VALUE, d("1"), null, null,
                null).trajectory());
        assertEquals(Trajectory.FLAT, TargetPlan.of(2026, Measure.CUMULATIVE, TargetKind.GROWTH, d("35"), null, null,
                null).trajectory());
        TargetPlan plan = TargetPlan.of(2026, Measure.RATIO, null, d("1"), null, Trajectory.STEP, null);
        assertEquals(TargetKind.VALUE, plan.kind());
        assertEquals(BigDecimal.ZERO, plan.start());
        assertEquals(Trajectory.STEP, plan.trajectory());
    }
}
