package io.mubiao.report.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.report.ranking.RankingCalculator;
import io.mubiao.report.readmodel.OrgUnit;

/** The briefing's own rules that need no database: the scope's level word and when a unit last reported. */
class BriefingRulesTest {

    private static OrgUnit named(String name) {
        OrgUnit unit = new OrgUnit();
        unit.name = name;
        return unit;
    }

    @Test
    void aChineseCircularNamesItsScopeByItsLevelWord() {
        Wording zh = Wording.forLang("zh-CN").orElseThrow();
        assertEquals("全省", CircularRenderer.scopeWord(named("福建省"), zh));
        assertEquals("全市", CircularRenderer.scopeWord(named("厦门市"), zh));
        assertEquals("全县", CircularRenderer.scopeWord(named("长汀县"), zh));
        assertEquals("全区", CircularRenderer.scopeWord(named("思明区"), zh));
        assertEquals("市场监管局", CircularRenderer.scopeWord(named("市场监管局"), zh));
    }

    @Test
    void anEnglishCircularNamesItsScopeByItsName() {
        assertEquals("福建省", CircularRenderer.scopeWord(named("福建省"), Wording.forLang("en").orElseThrow()));
    }

    @Test
    void onlyTheOfferedLanguagesHaveAWording() {
        assertTrue(Wording.forLang("fr").isEmpty());
        assertTrue(Wording.forLang("zh").isEmpty());
    }

    @Test
    void aUnitWithItsOwnReportIsJudgedOnItAndARolledUpUnitOnItsChildren() {
        // city C has its own report (old); county K has none and rolls up from townships T1 (in the period) and T2.
        Map<String, LocalDate> reportedOn = Map.of("C", LocalDate.parse("2026-04-01"), "C1",
                LocalDate.parse("2026-04-15"), "T1", LocalDate.parse("2026-04-15"), "T2", LocalDate.parse("2026-04-10"));
        Map<String, List<String>> children = Map.of("P", List.of("C", "K", "N"), "C", List.of("C1"),
                "K", List.of("T1", "T2"));
        LocalDate periodFrom = LocalDate.parse("2026-04-11");

        ReportActivity city = BriefingService.activityOf("C", reportedOn, periodFrom, children);
        assertEquals(LocalDate.parse("2026-04-01"), city.lastReportDate());
        assertFalse(city.reportedInPeriod());
        ReportActivity county = BriefingService.activityOf("K", reportedOn, periodFrom, children);
        assertEquals(LocalDate.parse("2026-04-15"), county.lastReportDate());
        assertTrue(county.reportedInPeriod());
        assertNull(BriefingService.activityOf("N", reportedOn, periodFrom, children));
    }

    @Test
    void aScopeWithinItsParentsTreeIsFoundThroughTheParentLinks() {
        List<RankingCalculator.Unit> units = List.of(
                new RankingCalculator.Unit("P", "P", null, "region", 1),
                new RankingCalculator.Unit("C", "C", "P", "region", 2),
                new RankingCalculator.Unit("C1", "C1", "C", "region", 3),
                new RankingCalculator.Unit("K", "K", "P", "region", 2),
                new RankingCalculator.Unit("T1", "T1", "K", "region", 3));
        assertEquals(List.of("C", "C1"), BriefingService.within(units, "C").stream()
                .map(RankingCalculator.Unit::code).toList());
        assertEquals(List.of("T1"), BriefingService.within(units, "T1").stream()
                .map(RankingCalculator.Unit::code).toList());
    }

    @Test
    void aLongListNamesTwentyUnitsAndCountsTheRest() {
        List<io.mubiao.report.calc.BelowAverage.Entry> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            entries.add(new io.mubiao.report.calc.BelowAverage.Entry("U" + i, "县" + i, new BigDecimal("10.00"),
                    new BigDecimal("20.00"), new BigDecimal("10.00")));
        }
        Wording.Figures percent = new Wording.Figures("%", io.mubiao.events.Measure.RATIO);

        String zh = new ZhWording().belowAverage("全国平均水平（20.00%）", entries, percent);
        assertTrue(zh.contains("县20（") && !zh.contains("县21（"), zh);
        assertTrue(zh.endsWith("等25个单位。"), zh);
        String en = new EnWording().belowAverage("the national average (20.00%)", entries, percent);
        assertTrue(en.contains(" and 5 more"), en);
        assertEquals(zh, new ZhWording().belowAverage("全国平均水平（20.00%）", entries, percent));
        assertTrue(new ZhWording().belowAverage("全国平均水平（20.00%）", entries.subList(0, 20), percent)
                .endsWith("）。"), "twenty units are all named");
    }
}
