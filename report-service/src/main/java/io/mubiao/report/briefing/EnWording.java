package io.mubiao.report.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.calc.BehindMilestone;
import io.mubiao.report.calc.BelowAverage;
import io.mubiao.report.calc.Imbalance;
import io.mubiao.report.calc.MostImproved;
import io.mubiao.report.calc.NotReported;
import io.mubiao.report.calc.Period;
import io.mubiao.report.calc.Projections;
import io.mubiao.report.calc.RankCut;
import io.mubiao.report.calc.Status;

/** The circular in English, for readers of the suite who do not read Chinese. */
final class EnWording implements Wording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> CADENCE = Map.of("daily", "daily", "weekly", "weekly", "dekad",
            "ten-day", "monthly", "monthly", "quarterly", "quarterly", "half-year", "half-yearly", "annual", "annual");

    @Override
    public String lang() {
        return "en";
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }

    private static String value(BigDecimal value, Wording.Figures f) {
        return f.plain(value) + (f.percent() ? "%" : f.unit() == null ? "" : " " + f.unit());
    }

    private static String diff(BigDecimal value, Wording.Figures f) {
        return value.abs().toPlainString() + (f.percent() ? " points" : f.unit() == null ? "" : " " + f.unit());
    }

    private static String upDown(BigDecimal change) {
        return change.signum() >= 0 ? "up " : "down ";
    }

    @Override
    public String title(Briefing briefing, String scopeWord) {
        return briefing.scopeName() + ": progress on targets, " + CADENCE.get(briefing.cadence()) + " briefing";
    }

    @Override
    public String periodLine(Briefing briefing) {
        Period period = briefing.period();
        return period.from().equals(period.to()) ? "As of " + FULL_DAY.format(period.to())
                : "Period: " + day(period.from()) + " to " + FULL_DAY.format(period.to());
    }

    @Override
    public String overviewHeading() {
        return "1. Overview";
    }

    @Override
    public String rankingsHeading() {
        return "2. Progress and rankings";
    }

    @Override
    public String remindHeading() {
        return "3. Units to remind";
    }

    @Override
    public String chartCaption() {
        return "Chart: value per unit (dashed line: average; red line: milestone)";
    }

    @Override
    public String headline(LocalDate date, String scopeWord, String parentName, Briefing.Headline head,
            Wording.Figures f) {
        if (head.value() == null) {
            return "As of " + day(date) + ", " + head.name() + " in " + scopeWord + ": no data.";
        }
        List<String> parts = new ArrayList<>();
        parts.add("As of " + day(date) + ", " + head.name() + " in " + scopeWord + " stood at " + value(head.value(), f));
        if (head.yoyChange() != null) {
            parts.add(head.measure() == Measure.CUMULATIVE
                    ? upDown(head.yoyChange()) + head.yoyChange().abs().toPlainString() + "% on a year earlier"
                    : upDown(head.yoyChange()) + diff(head.yoyChange(), f) + " on a year earlier");
        }
        if (head.change() != null) {
            parts.add(upDown(head.change()) + diff(head.change(), f) + " since " + day(head.previousDate()));
        }
        List<String> rest = new ArrayList<>();
        if (head.targetKind() == TargetKind.VALUE && head.expected() != null && head.gapToExpected() != null) {
            BigDecimal gap = head.gapToExpected();
            rest.add("expected by now: " + value(head.expected(), f) + " ("
                    + (gap.signum() > 0 ? diff(gap, f) + " behind" : gap.signum() < 0 ? diff(gap, f) + " ahead" : "on it")
                    + ")");
        }
        if (head.targetKind() == TargetKind.VALUE && head.milestone() != null && head.gapToMilestone() != null) {
            String target = "the " + day(head.milestone().due()) + " milestone of " + value(head.milestone().value(), f);
            rest.add(head.gapToMilestone().signum() > 0 ? diff(head.gapToMilestone(), f) + " short of " + target
                    : target + " is reached");
        }
        if (head.rank() != null && head.of() != null && parentName != null) {
            rest.add("ranked " + head.rank() + " of " + head.of() + " in " + parentName);
        }
        return String.join(", ", parts) + (rest.isEmpty() ? "" : "; " + String.join("; ", rest)) + ".";
    }

    @Override
    public String sectionHeading(Briefing.Headline head) {
        return head.name() + (head.unit() == null ? "" : " (" + head.unit() + ")");
    }

    @Override
    public List<String> tableHeader(Briefing.Headline head) {
        return List.of("Rank", "Unit", "Value", head.measure() == Measure.CUMULATIVE ? "YoY growth (%)" : "YoY",
                "Expected", "Gap to average", "Status");
    }

    @Override
    public String status(Status status) {
        return switch (status) {
            case AHEAD -> "ahead";
            case ON_TRACK -> "on track";
            case BEHIND -> "behind";
            case NO_TARGET -> "no target";
            case NO_DATA -> "no data";
        };
    }

    @Override
    public String average(String scopeWord, BigDecimal parentValue, Wording.Figures f) {
        return parentValue == null ? null : "the average of " + scopeWord + " (" + value(parentValue, f) + ")";
    }

    private static <T> String list(List<T> entries, Function<T, String> item) {
        String named = entries.stream().limit(NAMED).map(item).collect(Collectors.joining(", "));
        return entries.size() <= NAMED ? named : named + " and " + (entries.size() - NAMED) + " more";
    }

    /** How many units a list sentence names before "and N more". */
    private static final int NAMED = 20;

    @Override
    public String moreUnits(int count) {
        return count + " more units (the JSON format lists them all)";
    }

    @Override
    public String top(List<RankCut.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() ? null
                : "Commended, at the top: " + list(entries, e -> e.name() + " (#" + e.rank() + ", " + value(e.value(), f) + ")")
                        + ".";
    }

    @Override
    public String belowAverage(String average, List<BelowAverage.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() || average == null ? null
                : "Below " + average + ": " + list(entries,
                        e -> e.name() + " (" + value(e.value(), f) + ", " + diff(e.gapToAverage(), f) + " short)") + ".";
    }

    @Override
    public String bottom(List<RankCut.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() ? null
                : "At the bottom: " + list(entries, e -> e.name() + " (#" + e.rank() + ", " + value(e.value(), f) + ")")
                        + ".";
    }

    @Override
    public String mostImproved(LocalDate since, List<MostImproved.Entry> entries, Wording.Figures f, Measure measure) {
        return entries.isEmpty() ? null
                : "Most improved since " + day(since) + ": " + list(entries, e -> e.name() + " ("
                        + (measure == Measure.CUMULATIVE ? upDown(e.change()) + e.change().abs().toPlainString() + "%"
                                : upDown(e.change()) + diff(e.change(), f))
                        + ")") + ".";
    }

    @Override
    public String behindMilestone(List<BehindMilestone.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() ? null
                : "Short of their milestone: " + list(entries, e -> e.name() + " (" + diff(e.gapToMilestone(), f)
                        + " short of " + value(e.milestoneValue(), f) + " due " + day(e.due())
                        + (e.neededPerDay() == null ? ", due today"
                                : ", " + e.daysLeft() + " days left, " + diff(e.neededPerDay(), f) + " needed per day")
                        + ")") + ".";
    }

    @Override
    public String projections(List<Projections.Entry> missing, Wording.Figures f) {
        return missing.isEmpty() ? null
                : "At their recent pace, will miss their milestone: " + list(missing, e -> e.name() + " (projected "
                        + value(e.projected(), f) + " on " + day(e.due()) + ", " + diff(e.projectedGap(), f) + " short)")
                        + ".";
    }

    @Override
    public String imbalance(Imbalance.IndicatorSpread spread) {
        return "Uneven progress: " + spread.strongestName() + " has reached " + spread.strongestAttainment().toPlainString()
                + "% of the expected value, " + spread.weakestName() + " only " + spread.weakestAttainment().toPlainString()
                + "%, " + spread.spread().toPlainString() + " points apart.";
    }

    @Override
    public String notReported(Period period, List<NotReported.Entry> entries) {
        return entries.isEmpty() ? null
                : "Sent no report in the period: " + list(entries, e -> e.name() + " ("
                        + (e.lastReportDate() == null ? "never reported" : "last report " + day(e.lastReportDate())) + ")")
                        + ".";
    }

    @Override
    public String reasonBelowAverage(String indicatorName, String average) {
        return indicatorName + " below average";
    }

    @Override
    public String reasonBehindMilestone(String indicatorName, BehindMilestone.Entry entry) {
        return indicatorName + " short of the " + day(entry.due()) + " milestone";
    }

    @Override
    public String reasonNotReported(String indicatorName) {
        return indicatorName + " not reported in the period";
    }

    @Override
    public String reminder(String unitName, List<String> reasons) {
        return unitName + ": " + String.join("; ", reasons) + ".";
    }

    @Override
    public String noReminders() {
        return "No unit needs a reminder in this period.";
    }

    @Override
    public String averageCaption(String value) {
        return "average " + value;
    }

    @Override
    public String milestoneCaption(LocalDate due, String value) {
        return "milestone " + day(due) + ": " + value;
    }
}
