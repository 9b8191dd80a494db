package io.mubiao.report.scorecard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.problem.ProblemException;
import io.mubiao.report.access.AreaGuard;
import io.mubiao.report.ranking.RankingEntry;
import io.mubiao.report.ranking.RankingResult;
import io.mubiao.report.ranking.RankingService;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;
import io.quarkus.panache.common.Sort;

/**
 * A scorecard from the rankings of the scope's children: per indicator, the ranking on the date and on the
 * compared date (a few queries each), and the scope's own figures for the average row. Checks in this order:
 * unknown scope (404), outside the caller's area (403), unknown group or a compared date not before the date
 * (422).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScorecardService {

    /** The compared date when none is given: a week before. */
    static final int DEFAULT_COMPARE_DAYS = 7;

    @Inject
    AreaGuard area;

    @Inject
    RankingService rankings;

    @Inject
    Clock clock;

    public Scorecard scorecard(String scopeCode, LocalDate asOf, String group, LocalDate compareWith) {
        OrgUnit scope = area.requireUnit(scopeCode);
        List<Indicator> all = Indicator.listAll(Sort.by("code"));
        List<Indicator> indicators = group == null ? all
                : all.stream().filter(indicator -> group.equals(indicator.group)).toList();
        if (indicators.isEmpty() && group != null) {
            throw ProblemException.invalid("group", "no indicator is in group " + group + "; groups are "
                    + all.stream().map(indicator -> indicator.group).filter(Objects::nonNull).distinct().sorted()
                            .toList());
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        LocalDate before = compareWith != null ? compareWith : date.minusDays(DEFAULT_COMPARE_DAYS);
        if (!before.isBefore(date)) {
            throw ProblemException.invalid("compareWith", "compareWith must lie before the date " + date
                    + ", not " + before);
        }

        Map<String, String> childNames = new TreeMap<>();
        Map<String, Map<String, Scorecard.Cell>> cells = new TreeMap<>();
        Map<String, Scorecard.Cell> average = new LinkedHashMap<>();
        List<Scorecard.Column> columns = new ArrayList<>();
        for (Indicator indicator : indicators) {
            columns.add(new Scorecard.Column(indicator.code, indicator.name, indicator.unit, indicator.direction));
            RankingResult now = rankings.rankUnder(indicator, scope.code, date, null, null);
            RankingResult then = rankings.rankUnder(indicator, scope.code, before, null, null);
            Map<String, RankingEntry> previous = new LinkedHashMap<>();
            then.entries().forEach(entry -> previous.put(entry.orgUnit(), entry));
            for (RankingEntry entry : now.entries()) {
                childNames.put(entry.orgUnit(), entry.name());
                RankingEntry old = previous.get(entry.orgUnit());
                cells.computeIfAbsent(entry.orgUnit(), code -> new LinkedHashMap<>()).put(indicator.code,
                        cell(indicator, entry, old));
            }
            RankingEntry own = rankings.figuresOf(indicator, scope, date);
            average.put(indicator.code, new Scorecard.Cell(now.parentValue(), own.status(),
                    Trend.of(indicator.direction, now.parentValue(), then.parentValue()), then.parentValue()));
        }
        List<Scorecard.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Scorecard.Cell>> row : cells.entrySet()) {
            rows.add(new Scorecard.Row(row.getKey(), childNames.get(row.getKey()), row.getValue()));
        }
        if (indicators.isEmpty()) {
            // No indicator at all: still one row per child, with no cells.
            for (OrgUnit child : OrgUnit.<OrgUnit> list("parent", Sort.by("code"), scope.code)) {
                rows.add(new Scorecard.Row(child.code, child.name, Map.of()));
            }
        }
        return new Scorecard(scope.code, scope.name, date, before, group, columns, rows,
                new Scorecard.Row(scope.code, scope.name, average));
    }

    private static Scorecard.Cell cell(Indicator indicator, RankingEntry now, RankingEntry before) {
        BigDecimal previous = before == null ? null : before.value();
        return new Scorecard.Cell(now.value(), now.status(), Trend.of(indicator.direction, now.value(), previous),
                previous);
    }
}
