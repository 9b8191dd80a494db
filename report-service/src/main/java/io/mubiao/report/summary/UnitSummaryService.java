package io.mubiao.report.summary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.mubiao.events.TargetKind;
import io.mubiao.report.access.AreaGuard;
import io.mubiao.report.ranking.RankingEntry;
import io.mubiao.report.ranking.RankingResult;
import io.mubiao.report.ranking.RankingService;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;
import io.quarkus.panache.common.Sort;

/**
 * A unit's summary: for every indicator, the unit's entry in the ranking of its siblings (the parent's
 * children of the unit's kind), so that a summary and a ranking never disagree. A root unit has no siblings:
 * its own figures, with rank and of null. Checks: unknown unit (404), outside the caller's area (403).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UnitSummaryService {

    @Inject
    AreaGuard area;

    @Inject
    RankingService rankings;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public UnitSummary summarise(String orgUnit, LocalDate asOf) {
        OrgUnit unit = area.requireUnit(orgUnit);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        Map<String, IndicatorSummary.Target> targets = targetsOf(unit.code, date.getYear());
        List<IndicatorSummary> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.<Indicator> listAll(Sort.by("code"))) {
            RankingEntry entry = null;
            Integer rank = null;
            Integer of = null;
            if (unit.parent != null) {
                RankingResult siblings = rankings.rankUnder(indicator, unit.parent, date, null, unit.kind);
                entry = siblings.entries().stream().filter(e -> e.orgUnit().equals(unit.code)).findFirst()
                        .orElse(null);
                if (entry != null) {
                    rank = entry.rank();
                    of = siblings.entries().size();
                }
            }
            if (entry == null) {
                // A root, or a unit whose stored path does not (yet) run through its parent: its own figures.
                entry = rankings.figuresOf(indicator, unit, date);
            }
            indicators.add(new IndicatorSummary(indicator.code, indicator.name, indicator.unit, entry.value(),
                    entry.yoyChange(), entry.yoyGrowth(), targets.get(indicator.code), entry.expected(),
                    entry.gapToExpected(), entry.milestone(), entry.gapToMilestone(), entry.status(), rank, of));
        }
        return new UnitSummary(unit.code, unit.name, date, indicators);
    }

    /** The unit's targets of the year by indicator, as set (kind and year-end value). */
    private Map<String, IndicatorSummary.Target> targetsOf(String orgUnit, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select indicator, kind, value from target "
                + "where org_unit = ?1 and year = ?2").setParameter(1, orgUnit).setParameter(2, year).getResultList();
        Map<String, IndicatorSummary.Target> targets = new HashMap<>();
        for (Object[] row : rows) {
            targets.put((String) row[0], new IndicatorSummary.Target(TargetKind.valueOf((String) row[1]),
                    (BigDecimal) row[2]));
        }
        return targets;
    }
}
