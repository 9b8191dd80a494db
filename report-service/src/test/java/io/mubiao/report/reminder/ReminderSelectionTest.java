package io.mubiao.report.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.report.calc.Milestone;

class ReminderSelectionTest {

    private static final LocalDate DAY = LocalDate.parse("2026-04-15");

    private static ReminderSelection.Facts facts(String indicator, boolean reported, String due, String gap) {
        return new ReminderSelection.Facts(indicator, "name of " + indicator, "%", reported, LocalDate.parse("2026-04-14"),
                due == null ? null : new Milestone(LocalDate.parse(due), new BigDecimal("50")),
                gap == null ? null : new BigDecimal(gap));
    }

    private static List<String> reasons(List<ReminderSelection.Item> items) {
        return items.stream().map(item -> item.indicator() + " " + item.reason()).toList();
    }

    @Test
    void aUnitThatReportedAndIsOnCourseIsLeftAlone() {
        assertEquals(List.of(), ReminderSelection.select(List.of(facts("a", true, "2026-04-20", "-1.00"),
                facts("b", true, null, null)), DAY, 7));
    }

    @Test
    void notReportedTodayIsReminded() {
        assertEquals(List.of("a NOT_REPORTED"), reasons(ReminderSelection.select(List.of(facts("a", false, null, null)),
                DAY, 7)));
    }

    @Test
    void behindAMilestoneWithinTheWindowNamesTheGapAndTheDaysLeft() {
        List<ReminderSelection.Item> items = ReminderSelection.select(List.of(facts("a", true, "2026-04-20", "5.00")),
                DAY, 7);
        assertEquals(1, items.size());
        assertEquals(ReminderSelection.Reason.BEHIND_MILESTONE, items.get(0).reason());
        assertEquals(new BigDecimal("5.00"), items.get(0).gap());
        assertEquals(5L, items.get(0).daysLeft());
    }

    @Test
    void theWindowIsInclusiveAndDueTodayCounts() {
        assertEquals(1, ReminderSelection.select(List.of(facts("a", true, "2026-04-22", "1")), DAY, 7).size());
        assertEquals(0, ReminderSelection.select(List.of(facts("a", true, "2026-04-23", "1")), DAY, 7).size());
        assertEquals(0L, ReminderSelection.select(List.of(facts("a", true, "2026-04-15", "1")), DAY, 7).get(0)
                .daysLeft());
        assertEquals(0, ReminderSelection.select(List.of(facts("a", true, "2026-04-14", "1")), DAY, 7).size());
        assertEquals(0, ReminderSelection.select(List.of(facts("a", true, "2026-04-20", "0")), DAY, 7).size());
    }

    @Test
    void bothReasonsByIndicatorCode() {
        assertEquals(List.of("a NOT_REPORTED", "a BEHIND_MILESTONE", "b NOT_REPORTED"),
                reasons(ReminderSelection.select(List.of(facts("b", false, null, null),
                        facts("a", false, "2026-04-16", "3.5")), DAY, 7)));
    }

    @Test
    void theTextNamesTheGapAndTheDaysLeftInEitherLanguage() {
        List<ReminderSelection.Item> items = ReminderSelection.select(List.of(facts("a", false, "2026-04-20", "5.00")),
                DAY, 7);
        String zh = ReminderText.of("甲市", DAY, LocalTime.of(17, 0), items, "zh-CN").body();
        assertEquals("""
                甲市：
                - name of a：截至4月15日17:00未报送当日数据（最近一次报送为4月14日）。
                - name of a：距4月20日50%的阶段目标还差5.00个百分点，剩余5天。
                请抓紧报送数据、加快工作进度。
                """, zh);
        String en = ReminderText.of("City A", DAY, LocalTime.of(17, 0), items, "en").body();
        assertEquals("""
                City A:
                - name of a: no report dated 2026-04-15 by 17:00 (last report 2026-04-14).
                - name of a: 5.00 points short of the milestone of 50% due 2026-04-20, 5 days left.
                Please report and catch up.
                """, en);
    }
}
