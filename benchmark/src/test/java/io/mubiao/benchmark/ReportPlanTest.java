package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReportPlanTest {

    private final DataSet data = DataSet.of(30, 4);
    private final List<LocalDate> dates = new DateBlocks(LocalDate.of(2026, 3, 1)).take(5);

    @Test
    void everyCountyReportsEveryIndicatorOnEveryDateOnce() {
        ReportPlan plan = new ReportPlan(data, "run-", dates);
        assertEquals(30 * 4 * 5, plan.size());
        Set<String> keys = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (long i = 0; i < plan.size(); i++) {
            Report r = plan.report(i);
            keys.add(r.orgUnit() + "|" + r.indicator() + "|" + r.date());
            eventIds.add(r.eventId());
        }
        assertEquals(plan.size(), keys.size());
        assertEquals(plan.size(), eventIds.size());
    }

    @Test
    void batchesCoverThePlanWithTheLastOneShort() {
        ReportPlan plan = new ReportPlan(data, "run-", dates);
        assertEquals(2, plan.batches(400));
        assertEquals(400, plan.batch(0, 400).size());
        assertEquals(200, plan.batch(1, 400).size());
        assertEquals(plan.report(400), plan.batch(1, 400).get(0));
    }

    @Test
    void aLimitedPlanStopsAfterItsLimitWithinTheFirstDate() {
        ReportPlan plan = new ReportPlan(data, "warm-", dates, 50);
        assertEquals(50, plan.size());
        assertEquals(1, plan.batches(400));
        assertEquals(dates.get(0), plan.batch(0, 400).get(49).date());
    }

    @Test
    void ratiosNeverHaveANumeratorAboveTheDenominator() {
        ReportPlan plan = new ReportPlan(data, "run-", dates);
        for (long i = 0; i < plan.size(); i++) {
            Report r = plan.report(i);
            if (r.isRatio()) {
                assertTrue(r.denominator() > 0 && r.numerator() >= 0 && r.numerator() <= r.denominator(), r.toString());
            } else {
                assertTrue(r.value().signum() >= 0, r.toString());
            }
        }
    }

    @Test
    void datesComeBeforeTheGivenDayNewestFirstAndNeverRepeat() {
        DateBlocks blocks = new DateBlocks(LocalDate.of(2026, 3, 1));
        assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 27)), blocks.take(2));
        assertEquals(List.of(LocalDate.of(2026, 2, 26)), blocks.take(1));
    }
}
