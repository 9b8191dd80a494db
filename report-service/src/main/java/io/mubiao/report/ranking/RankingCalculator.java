package io.mubiao.report.ranking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.report.calc.Assessment;
import io.mubiao.report.calc.CompetitionRanking;
import io.mubiao.report.calc.Figure;
import io.mubiao.report.calc.Gaps;
import io.mubiao.report.calc.Precision;
import io.mubiao.report.calc.RollUp;
import io.mubiao.report.calc.TargetPlan;
import io.mubiao.report.calc.YearOnYear;

/**
 * Builds a ranking from a loaded subtree; no I/O, so every rule is tested without a database.
 * All comparisons use figures rounded as shown, so that a reader checking the table by hand gets the same
 * gaps and sees equal values share a rank.
 */
public final class RankingCalculator {

    public record IndicatorDef(String code, String unit, Measure measure, Direction direction, int decimals) {
    }

    public record Unit(String code, String name, String parent, String kind, int level) {
    }

    /**
     * The parent and everything below it, with each unit's own as-of report on the date and on the same
     * date last year (absent when it has none), and the date of each unit's report on the date.
     */
    public record Subtree(List<Unit> units, Map<String, Figure> ownNow, Map<String, Figure> ownLastYear,
            Map<String, LocalDate> reportedOn) {
    }

    /**
     * The units to rank: the parent's children, or its descendants at {@code level}; only those of
     * {@code kind} when given.
     */
    public static List<Unit> entries(Subtree tree, String parent, Integer level, String kind) {
        return tree.units().stream()
                .filter(unit -> level == null ? parent.equals(unit.parent())
                        : unit.level() == level && !unit.code().equals(parent))
                .filter(unit -> kind == null || kind.equals(unit.kind()))
                .toList();
    }

    public static RankingResult rank(IndicatorDef indicator, String parent, LocalDate date, Subtree tree,
            List<Unit> entries, Map<String, TargetPlan> targets) {
        Map<String, List<String>> children = new HashMap<>();
        for (Unit unit : tree.units()) {
            if (unit.parent() != null) {
                children.computeIfAbsent(unit.parent(), p -> new ArrayList<>()).add(unit.code());
            }
        }
        int decimals = indicator.decimals();
        Measure measure = indicator.measure();
        Direction direction = indicator.direction();
        RollUp now = new RollUp(measure, children, tree.ownNow());
        RollUp lastYear = new RollUp(measure, children, tree.ownLastYear());
        BigDecimal parentValue = shown(now.valueOf(parent), decimals);

        List<BigDecimal> values = new ArrayList<>();
        for (Unit unit : entries) {
            values.add(shown(now.valueOf(unit.code()), decimals));
        }
        List<Integer> ranks = CompetitionRanking.ranks(values, direction);
        BigDecimal best = CompetitionRanking.best(values, direction);

        List<RankingEntry> result = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Unit unit = entries.get(i);
            Figure figure = now.valueOf(unit.code());
            BigDecimal value = values.get(i);
            BigDecimal yoy = YearOnYear.change(measure, value, shown(lastYear.valueOf(unit.code()), decimals), decimals);
            Assessment assessment = Assessment.assess(measure, direction, decimals, targets.get(unit.code()), date,
                    value, yoy);
            result.add(new RankingEntry(ranks.get(i), unit.code(), unit.name(), value,
                    figure == null ? null : figure.numerator(), figure == null ? null : figure.denominator(),
                    assessment.expected(), assessment.gapToExpected(), assessment.milestone(),
                    assessment.gapToMilestone(), yoy, measure == Measure.CUMULATIVE ? yoy : null,
                    Gaps.shortfall(direction, parentValue, value, decimals),
                    Gaps.shortfall(direction, best, value, decimals), assessment.status(),
                    Gaps.isWorse(direction, value, parentValue)));
        }
        result.sort(Comparator.comparing(RankingEntry::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RankingEntry::orgUnit));
        return new RankingResult(indicator.code(), parent, date, indicator.unit(), direction, parentValue, result);
    }

    private static BigDecimal shown(Figure figure, int decimals) {
        return figure == null ? null : Precision.round(figure.value(), decimals);
    }

    private RankingCalculator() {
    }
}
