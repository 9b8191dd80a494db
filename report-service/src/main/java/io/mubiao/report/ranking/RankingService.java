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
import io.mubiao.report.readmodel.ReadModelVersion;
import io.mubiao.report.readmodel.ReadModelVersions;

/**
 * Ranks units on an indicator from the read model: two queries, then {@link RankingCalculator}. Checks in
 * this order: unknown indicator or parent (404), parent outside the caller's area (403, {@link AreaGuard}),
 * level not below the parent (422). A request reads the read model's version first (one primary-key read);
 * under an unchanged version its indicator, parent and subtree come from {@link ReferenceCache} and a
 * ranking asked for before from {@link RankingCache}. The area is checked on every request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RankingService {

    @Inject
    RankingRepository repository;

    @Inject
    AreaGuard area;

    @Inject
    ReadModelVersions versions;

    @Inject
    ReferenceCache references;

    @Inject
    RankingCache cache;

    @Inject
    Clock clock;

    public RankingResult rank(RankingQuery query) {
        // First, before anything is read that the answer derives from (ReadModelVersions).
        ReadModelVersion version = versions.current();
        Indicator indicator = references.indicator(version, query.indicator());
        if (indicator == null) {
            throw ProblemException.notFound("indicator " + query.indicator() + " is unknown");
        }
        OrgUnit parent = references.unit(version, query.parent());
        if (parent == null) {
            throw ProblemException.notFound("org unit " + query.parent() + " is unknown");
        }
        area.requireCovers(parent);
        if (query.level() != null && query.level() <= parent.level) {
            throw ProblemException.invalid("level", "level must lie below " + parent.code + ", which is at level "
                    + parent.level);
        }
        LocalDate date = query.date() != null ? query.date() : LocalDate.now(clock);
        RankingCache.Key key = new RankingCache.Key(indicator.code, parent.code, date, query.level(), query.kind());
        RankingResult ranking = cache.get(version, key);
        if (ranking == null) {
            ranking = rank(indicator, parent.code, references.subtree(version, parent.code), date, query.level(),
                    query.kind());
            cache.put(version, key, ranking);
        }
        return ranking;
    }

    /**
     * Ranks {@code parent}'s children (or its descendants at {@code level}), optionally of one {@code kind},
     * without looking at the caller's area: for features that have checked the unit they were asked about
     * (a summary ranks its unit among its siblings, under a parent the caller may not see as a whole).
     */
    public RankingResult rankUnder(Indicator indicator, String parent, LocalDate date, Integer level, String kind) {
        return rank(indicator, parent, repository.loadUnits(parent), date, level, kind);
    }

    /** As {@link #rankUnder}, over the parent's subtree as loaded already. */
    private RankingResult rank(Indicator indicator, String parent, List<RankingCalculator.Unit> units,
            LocalDate date, Integer level, String kind) {
        RankingCalculator.Subtree tree = repository.loadSubtree(indicator.code, indicator.measure, units, date,
                YearOnYear.sameDateLastYear(date));
        List<RankingCalculator.Unit> entries = RankingCalculator.entries(tree, parent, level, kind);
        Map<String, TargetPlan> targets = repository.loadTargets(indicator.code, indicator.measure, date.getYear(),
                entries.stream().map(RankingCalculator.Unit::code).toList());
        return RankingCalculator.rank(definition(indicator), parent, date, tree, entries, targets);
    }

    /**
     * The unit's own figures (its value rolled up from below, year on year, judged against its own target), as
     * the entry of a ranking of that unit alone: its {@code rank} means nothing, and its gaps to the average
     * and the best are against itself. No area check, as for {@link #rankUnder}.
     */
    public RankingEntry figuresOf(Indicator indicator, OrgUnit unit, LocalDate date) {
        RankingCalculator.Subtree tree = repository.loadSubtree(indicator.code, indicator.measure, unit.code, date,
                YearOnYear.sameDateLastYear(date));
        List<RankingCalculator.Unit> self = List.of(new RankingCalculator.Unit(unit.code, unit.name, unit.parent,
                unit.kind, unit.level));
        Map<String, TargetPlan> targets = repository.loadTargets(indicator.code, indicator.measure, date.getYear(),
                List.of(unit.code));
        return RankingCalculator.rank(definition(indicator), unit.code, date, tree, self, targets).entries().get(0);
    }

    private static RankingCalculator.IndicatorDef definition(Indicator indicator) {
        return new RankingCalculator.IndicatorDef(indicator.code, indicator.unit, indicator.measure,
                indicator.direction, indicator.decimals);
    }
}
