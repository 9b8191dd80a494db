package io.mubiao.report.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.problem.ProblemException;
import io.mubiao.report.access.AreaGuard;
import io.mubiao.report.calc.TargetPlan;
import io.mubiao.report.calc.YearOnYear;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * Ranks units on an indicator from the read model: two queries, then {@link RankingCalculator}. Checks in
 * this order: unknown indicator or parent (404), parent outside the caller's area (403, {@link AreaGuard}),
 * level not below the parent (422).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RankingService {

    @Inject
    RankingRepository repository;

    @Inject
    AreaGuard area;

    @Inject
    Clock clock;

    public RankingResult rank(RankingQuery query) {
        Indicator indicator = Indicator.findById(query.indicator());
        if (indicator == null) {
            throw ProblemException.notFound("indicator " + query.indicator() + " is unknown");
        }
        OrgUnit parent = area.requireUnit(query.parent());
        if (query.level() != null && query.level() <= parent.level) {
            throw ProblemException.invalid("level", "level must lie below " + parent.code + ", which is at level "
                    + parent.level);
        }
        LocalDate date = query.date() != null ? query.date() : LocalDate.now(clock);
        RankingCalculator.Subtree tree = repository.loadSubtree(indicator.code, indicator.measure, parent.code, date,
                YearOnYear.sameDateLastYear(date));
        List<RankingCalculator.Unit> entries = RankingCalculator.entries(tree, parent.code, query.level(),
                query.kind());
        Map<String, TargetPlan> targets = repository.loadTargets(indicator.code, indicator.measure, date.getYear(),
                entries.stream().map(RankingCalculator.Unit::code).toList());
        return RankingCalculator.rank(new RankingCalculator.IndicatorDef(indicator.code, indicator.unit,
                indicator.measure, indicator.direction, indicator.decimals), parent.code, date, tree, entries, targets);
    }
}
