package io.mubiao.report.briefing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.problem.ProblemException;
import io.mubiao.report.access.AreaGuard;
import io.mubiao.report.calc.AsOfValue;
import io.mubiao.report.calc.BehindMilestone;
import io.mubiao.report.calc.BelowAverage;
import io.mubiao.report.calc.Figure;
import io.mubiao.report.calc.Imbalance;
import io.mubiao.report.calc.IndicatorFigures;
import io.mubiao.report.calc.MostImproved;
import io.mubiao.report.calc.NotReported;
import io.mubiao.report.calc.Period;
import io.mubiao.report.calc.Precision;
import io.mubiao.report.calc.Projections;
import io.mubiao.report.calc.RankCut;
import io.mubiao.report.calc.TargetPlan;
import io.mubiao.report.calc.UnitFigure;
import io.mubiao.report.calc.YearOnYear;
import io.mubiao.report.ranking.RankingCalculator;
import io.mubiao.report.ranking.RankingEntry;
import io.mubiao.report.ranking.RankingRepository;
import io.mubiao.report.ranking.RankingResult;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * Builds a briefing from the read model: the units once, then per indicator the ranking as of the date (the
 * same statements and calculator as {@code /api/rankings}), the same ranking as of the end of the previous
 * period and as of the start of the pace window, the scope's rank among its siblings, and when each unit last
 * reported (the date of its as-of report); then the lists of {@code calc}. A national circular (3,300 units,
 * 50 indicators) is some 200 as-of loads: {@link RankingRepository#loadAsOf} makes each one a range scan.
 * Checks in this order: unknown scope or group (404), scope outside the caller's area (403), level not below
 * the scope (422).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BriefingService {

    /** The pace of a projection is measured over at least this many days before the date. */
    static final int PACE_WINDOW_DAYS = 7;

    @Inject
    RankingRepository rankings;

    @Inject
    AreaGuard area;

    @Inject
    BriefingWorkers workers;

    @Inject
    Clock clock;

    /** The briefing and the scope unit it is about (for the renderers). */
    public record Result(Briefing briefing, OrgUnit scope, OrgUnit parent) {
    }

    public Result brief(BriefingQuery query) {
        OrgUnit scope = area.requireUnit(query.scope());
        List<Indicator> indicators = Indicator.<Indicator>listAll().stream()
                .filter(indicator -> query.group() == null || query.group().equals(indicator.group))
                .sorted(Comparator.comparing(indicator -> indicator.code))
                .toList();
        if (query.group() != null && indicators.isEmpty()) {
            throw ProblemException.notFound("indicator group " + query.group() + " is unknown");
        }
        if (query.level() != null && query.level() <= scope.level) {
            throw ProblemException.invalid("level", "level must lie below " + scope.code + ", which is at level "
                    + scope.level);
        }
        LocalDate date = query.date() != null ? query.date() : LocalDate.now(clock);
        Period period = Period.containing(query.cadence(), date);
        LocalDate previousEnd = period.previous(query.cadence()).to();
        LocalDate windowStart = previousEnd.isBefore(date.minusDays(PACE_WINDOW_DAYS)) ? previousEnd
                : date.minusDays(PACE_WINDOW_DAYS);

        // The siblings' tree holds the scope's: one as-of statement on the date serves both rankings.
        String treeRoot = scope.parent != null ? scope.parent : scope.code;
        List<RankingCalculator.Unit> topUnits = rankings.loadUnits(treeRoot);
        List<RankingCalculator.Unit> scopeUnits = scope.parent == null ? topUnits : within(topUnits, scope.code);
        Context context = new Context(query, scope, date, period, previousEnd, windowStart,
                YearOnYear.sameDateLastYear(date), topUnits, scopeUnits);

        // Indicators are independent: they are worked out side by side, each on a connection of its own.
        List<Future<Part>> pending = indicators.stream()
                .map(indicator -> workers.submit(() -> part(indicator, context))).toList();
        List<Briefing.Headline> headline = new ArrayList<>();
        List<RankingResult> results = new ArrayList<>();
        Map<String, List<RankCut.Entry>> top = new LinkedHashMap<>();
        Map<String, List<BelowAverage.Entry>> belowAverage = new LinkedHashMap<>();
        Map<String, List<BehindMilestone.Entry>> behindMilestone = new LinkedHashMap<>();
        Map<String, List<RankCut.Entry>> bottom = new LinkedHashMap<>();
        Map<String, List<NotReported.Entry>> notReported = new LinkedHashMap<>();
        Map<String, List<MostImproved.Entry>> mostImproved = new LinkedHashMap<>();
        Map<String, List<Imbalance.IndicatorSpread>> imbalance = new LinkedHashMap<>();
        Map<String, List<Projections.Entry>> projections = new LinkedHashMap<>();
        List<IndicatorFigures> allFigures = new ArrayList<>();
        for (Part part : BriefingWorkers.all(pending)) {
            if (part == null) {
                continue;
            }
            String code = part.figures().indicator();
            headline.add(part.headline());
            results.add(part.ranking());
            allFigures.add(part.figures());
            top.put(code, part.top());
            belowAverage.put(code, part.belowAverage());
            behindMilestone.put(code, part.behindMilestone());
            bottom.put(code, part.bottom());
            notReported.put(code, part.notReported());
            mostImproved.put(code, part.mostImproved());
            imbalance.put(code, part.imbalance());
            projections.put(code, part.projections());
        }
        List<Imbalance.UnitSpread> within = query.group() == null ? List.of()
                : Imbalance.withinUnits(allFigures, Imbalance.DEFAULT_THRESHOLD);
        Briefing briefing = new Briefing(scope.code, scope.name, query.cadence().path(), period, headline, results, top,
                belowAverage, behindMilestone, bottom, notReported, mostImproved, imbalance, projections, within);
        OrgUnit parent = scope.parent == null ? null : OrgUnit.findById(scope.parent);
        return new Result(briefing, scope, parent);
    }

    /** What a briefing asks about, the same for each of its indicators. */
    private record Context(BriefingQuery query, OrgUnit scope, LocalDate date, Period period, LocalDate previousEnd,
            LocalDate windowStart, LocalDate lastYearDate, List<RankingCalculator.Unit> topUnits,
            List<RankingCalculator.Unit> scopeUnits) {
    }

    /** One indicator's share of a briefing. */
    private record Part(Briefing.Headline headline, RankingResult ranking, IndicatorFigures figures,
            List<RankCut.Entry> top, List<BelowAverage.Entry> belowAverage, List<BehindMilestone.Entry> behindMilestone,
            List<RankCut.Entry> bottom, List<NotReported.Entry> notReported, List<MostImproved.Entry> mostImproved,
            List<Imbalance.IndicatorSpread> imbalance, List<Projections.Entry> projections) {
    }

    /** The indicator's part of the briefing, or null when it is none of the scope's business. */
    private Part part(Indicator indicator, Context context) {
        BriefingQuery query = context.query();
        OrgUnit scope = context.scope();
        LocalDate date = context.date();
        Period period = context.period();
        LocalDate previousEnd = context.previousEnd();
        LocalDate windowStart = context.windowStart();
        List<RankingCalculator.Unit> topUnits = context.topUnits();
        List<RankingCalculator.Unit> scopeUnits = context.scopeUnits();
        List<String> scopeCodes = codes(scopeUnits);
        RankingCalculator.IndicatorDef def = new RankingCalculator.IndicatorDef(indicator.code, indicator.unit,
                indicator.measure, indicator.direction, indicator.decimals);
        RankingRepository.AsOf now = rankings.loadAsOf(indicator.code, indicator.measure, codes(topUnits), date);
        RankingCalculator.Subtree tree = new RankingCalculator.Subtree(scopeUnits, now.figures(),
                load(indicator, scopeCodes, context.lastYearDate()), now.dates());
        List<RankingCalculator.Unit> entries = RankingCalculator.entries(tree, scope.code, query.level(),
                query.kind());
        List<String> codes = new ArrayList<>(entries.stream().map(RankingCalculator.Unit::code).toList());
        codes.add(scope.code);
        Map<String, TargetPlan> targets = rankings.loadTargets(indicator.code, indicator.measure, date.getYear(),
                codes);
        RankingResult ranking = RankingCalculator.rank(def, scope.code, date, tree, entries, targets);
        RankingCalculator.Unit self = tree.units().stream().filter(unit -> unit.code().equals(scope.code))
                .findFirst().orElseThrow();
        RankingEntry own = RankingCalculator.rank(def, scope.code, date, tree, List.of(self), targets).entries()
                .get(0);
        if (query.group() == null && targets.isEmpty() && own.value() == null
                && ranking.entries().stream().allMatch(entry -> entry.value() == null)) {
            // Not this scope's business: no target and no figure anywhere under it. Asked for by group, it
            // is listed all the same (as NO_DATA), since the reader named it.
            return null;
        }

        // A CUMULATIVE total restarts on 1 January: before the year it is 0, not last year's total.
        boolean restarts = indicator.measure == Measure.CUMULATIVE;
        LocalDate yearStart = date.withDayOfYear(1).minusDays(1);
        BigDecimal zero = BigDecimal.ZERO.setScale(indicator.decimals);
        Map<String, BigDecimal> previousValues;
        BigDecimal previousParent;
        if (restarts && previousEnd.getYear() < date.getYear()) {
            previousValues = constant(entries, zero);
            previousParent = zero;
        } else {
            RankingResult previous = RankingCalculator.rank(def, scope.code, previousEnd,
                    valuesOnly(scopeUnits, load(indicator, scopeCodes, previousEnd)), entries, Map.of());
            previousValues = values(previous);
            previousParent = previous.parentValue();
        }
        LocalDate paceFrom = windowStart;
        Map<String, BigDecimal> windowValues;
        if (restarts && windowStart.getYear() < date.getYear()) {
            paceFrom = yearStart;
            windowValues = constant(entries, zero);
        } else if (windowStart.equals(previousEnd)) {
            windowValues = previousValues;
        } else {
            windowValues = values(RankingCalculator.rank(def, scope.code, windowStart,
                    valuesOnly(scopeUnits, load(indicator, scopeCodes, windowStart)), entries, Map.of()));
        }

        Integer rank = null;
        Integer of = null;
        if (scope.parent != null) {
            RankingCalculator.Subtree siblingsTree = new RankingCalculator.Subtree(topUnits, now.figures(),
                    Map.of(), now.dates());
            List<RankingCalculator.Unit> siblings = RankingCalculator.entries(siblingsTree, scope.parent, null,
                    null);
            // Only the scope's own place is used: nothing about a sibling leaves this method.
            rank = RankingCalculator.rank(def, scope.parent, date, siblingsTree, siblings, Map.of()).entries()
                    .stream().filter(entry -> entry.orgUnit().equals(scope.code)).findFirst()
                    .map(RankingEntry::rank).orElse(null);
            of = siblings.size();
        }
        TargetPlan ownTarget = targets.get(scope.code);
        BigDecimal change = ranking.parentValue() == null || previousParent == null ? null
                : Precision.round(ranking.parentValue().subtract(previousParent), indicator.decimals);
        Briefing.Headline headline = new Briefing.Headline(indicator.code, indicator.name, indicator.unit, indicator.measure,
                indicator.direction, indicator.decimals, ranking.parentValue(), previousEnd,
                previousParent, change, own.yoyChange(), own.yoyGrowth(),
                ownTarget == null ? null : ownTarget.kind(), own.expected(), own.gapToExpected(), own.milestone(),
                own.gapToMilestone(), own.status(), rank, of);

        Map<String, List<String>> children = children(tree);
        Map<String, List<AsOfValue>> recent = new HashMap<>();
        List<UnitFigure> units = new ArrayList<>();
        for (RankingEntry entry : ranking.entries()) {
            TargetPlan target = targets.get(entry.orgUnit());
            // A GROWTH target's expected value and milestone are changes over last year, not values.
            boolean comparable = target != null && target.kind() == TargetKind.VALUE;
            ReportActivity reported = activityOf(entry.orgUnit(), now.dates(), period.from(), children);
            units.add(new UnitFigure(entry.orgUnit(), entry.name(), entry.value(),
                    previousValues.get(entry.orgUnit()), comparable ? entry.expected() : null,
                    comparable ? entry.milestone() : null, comparable ? entry.gapToMilestone() : null,
                    entry.status(), reported != null && reported.reportedInPeriod(),
                    reported == null ? null : reported.lastReportDate()));
            List<AsOfValue> points = new ArrayList<>();
            points.add(new AsOfValue(paceFrom, windowValues.get(entry.orgUnit())));
            points.add(new AsOfValue(date, entry.value()));
            recent.put(entry.orgUnit(), points);
        }
        IndicatorFigures figures = new IndicatorFigures(indicator.code, indicator.measure, indicator.direction,
                indicator.decimals, date, ranking.parentValue(), units);
        // A CUMULATIVE parent's value is the sum of its units, not an average any of them could reach.
        return new Part(headline, ranking, figures, RankCut.top(figures),
                indicator.measure == Measure.CUMULATIVE ? List.of() : BelowAverage.of(figures),
                BehindMilestone.of(figures), RankCut.bottom(figures), NotReported.of(figures),
                MostImproved.of(figures, RankCut.DEFAULT_PLACES),
                Imbalance.acrossUnits(figures, Imbalance.DEFAULT_THRESHOLD).stream().toList(),
                Projections.of(figures, recent));
    }

    private static List<String> codes(List<RankingCalculator.Unit> units) {
        return units.stream().map(RankingCalculator.Unit::code).toList();
    }

    private Map<String, Figure> load(Indicator indicator, List<String> units, LocalDate date) {
        return rankings.loadAsOf(indicator.code, indicator.measure, units, date).figures();
    }

    /** A tree whose figures are only asked for their values (no year on year, no report dates). */
    private static RankingCalculator.Subtree valuesOnly(List<RankingCalculator.Unit> units, Map<String, Figure> own) {
        return new RankingCalculator.Subtree(units, own, Map.of(), Map.of());
    }

    /** {@code root} and the units below it, found through the parent links of {@code units}. */
    static List<RankingCalculator.Unit> within(List<RankingCalculator.Unit> units, String root) {
        Map<String, List<RankingCalculator.Unit>> children = new HashMap<>();
        units.forEach(unit -> children.computeIfAbsent(unit.parent(), p -> new ArrayList<>()).add(unit));
        List<RankingCalculator.Unit> found = new ArrayList<>();
        units.stream().filter(unit -> unit.code().equals(root)).forEach(found::add);
        for (int i = 0; i < found.size(); i++) {
            found.addAll(children.getOrDefault(found.get(i).code(), List.of()));
        }
        return found;
    }

    private static Map<String, BigDecimal> constant(List<RankingCalculator.Unit> units, BigDecimal value) {
        Map<String, BigDecimal> values = new HashMap<>();
        units.forEach(unit -> values.put(unit.code(), value));
        return values;
    }

    private static Map<String, BigDecimal> values(RankingResult ranking) {
        Map<String, BigDecimal> values = new HashMap<>();
        ranking.entries().forEach(entry -> values.put(entry.orgUnit(), entry.value()));
        return values;
    }

    private static Map<String, List<String>> children(RankingCalculator.Subtree tree) {
        Map<String, List<String>> children = new HashMap<>();
        for (RankingCalculator.Unit unit : tree.units()) {
            if (unit.parent() != null) {
                children.computeIfAbsent(unit.parent(), p -> new ArrayList<>()).add(unit.code());
            }
        }
        return children;
    }

    /**
     * When a unit's value was last reported, by the rule its value follows: its own as-of report when it has
     * one ({@code reportedOn}: the date of each unit's own figure), otherwise its children's (latest of their
     * dates; reported in the period when any of them was).
     */
    static ReportActivity activityOf(String code, Map<String, LocalDate> reportedOn, LocalDate periodFrom,
            Map<String, List<String>> children) {
        LocalDate own = reportedOn.get(code);
        if (own != null) {
            return new ReportActivity(own, !own.isBefore(periodFrom));
        }
        LocalDate last = null;
        boolean inPeriod = false;
        for (String child : children.getOrDefault(code, List.of())) {
            ReportActivity activity = activityOf(child, reportedOn, periodFrom, children);
            if (activity != null) {
                last = last == null || activity.lastReportDate().isAfter(last) ? activity.lastReportDate() : last;
                inPeriod |= activity.reportedInPeriod();
            }
        }
        return last == null ? null : new ReportActivity(last, inPeriod);
    }

}
