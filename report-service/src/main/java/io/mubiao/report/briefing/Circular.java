package io.mubiao.report.briefing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.mubiao.events.Measure;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.calc.BehindMilestone;
import io.mubiao.report.calc.BelowAverage;
import io.mubiao.report.calc.Imbalance;
import io.mubiao.report.calc.NotReported;
import io.mubiao.report.calc.RankCut;
import io.mubiao.report.ranking.RankingEntry;
import io.mubiao.report.ranking.RankingResult;
import io.quarkus.qute.TemplateData;

/**
 * The circular as the Markdown and HTML templates lay it out: every sentence and cell already worded in
 * the language asked for ({@link Wording}), so that the templates hold layout only and both formats say
 * the same thing. Built from the JSON briefing alone.
 */
@TemplateData
public record Circular(String lang, String title, String periodLine, String overviewHeading, List<String> overview,
        String rankingsHeading, List<Section> sections, String remindHeading, List<String> reminders,
        String chartCaption) {

    /** One indicator: its ranking table, chart and list sentences. */
    @TemplateData
    public record Section(String heading, List<String> header, List<List<String>> rows, List<String> lines,
            Chart chart) {
    }

    /**
     * A text circular shows at most this many units from each end of a ranking table, chart and reminder list: a
     * national circular over 3,000 counties would otherwise be a book (and run out of memory); the JSON format
     * and {@code /api/rankings} keep every unit.
     */
    static final int SHOWN_AT_EACH_END = 50;

    public static Circular of(Briefing briefing, String scopeWord, String parentName, Wording words) {
        List<String> overview = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Map<String, Set<String>> reasons = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (int i = 0; i < briefing.headline().size(); i++) {
            Briefing.Headline head = briefing.headline().get(i);
            RankingResult ranking = briefing.rankings().get(i);
            String code = head.indicator();
            Wording.Figures f = new Wording.Figures(head.unit(), head.measure());
            overview.add(words.headline(briefing.period().to(), scopeWord, parentName, head, f));

            // A CUMULATIVE parent's value is a sum: no average to compare the units with.
            boolean cumulative = head.measure() == Measure.CUMULATIVE;
            List<List<String>> rows = new ArrayList<>();
            List<RankingEntry> entries = ranking.entries();
            for (int e = 0; e < entries.size(); e++) {
                if (entries.size() > 2 * SHOWN_AT_EACH_END && e == SHOWN_AT_EACH_END) {
                    rows.add(List.of("…", words.moreUnits(entries.size() - 2 * SHOWN_AT_EACH_END), "…", "…", "…",
                            "…", "…"));
                    e = entries.size() - SHOWN_AT_EACH_END;
                }
                RankingEntry entry = entries.get(e);
                rows.add(List.of(entry.rank() == null ? "—" : entry.rank().toString(), entry.name(),
                        f.plain(entry.value()), f.signed(entry.yoyChange()),
                        f.plain(entry.expected()),
                        cumulative ? "—" : f.signed(entry.gapToAverage()), words.status(entry.status())));
            }
            List<String> lines = new ArrayList<>();
            String average = cumulative ? null : words.average(scopeWord, ranking.parentValue(), f);
            // Commended are the leaders that are not below the average: with few units the top cut reaches them.
            List<String> belowAverage = briefing.belowAverage().get(code).stream().map(BelowAverage.Entry::orgUnit)
                    .toList();
            List<RankCut.Entry> commended = briefing.top().get(code).stream()
                    .filter(entry -> !belowAverage.contains(entry.orgUnit())).toList();
            addIf(lines, words.top(commended, f));
            addIf(lines, words.belowAverage(average, briefing.belowAverage().get(code), f));
            // A unit is not commended and criticised in one breath: with few units the two cuts overlap.
            List<String> commendedUnits = commended.stream().map(RankCut.Entry::orgUnit).toList();
            addIf(lines, words.bottom(briefing.bottom().get(code).stream()
                    .filter(entry -> !commendedUnits.contains(entry.orgUnit())).toList(), f));
            addIf(lines, words.mostImproved(head.previousDate(), briefing.mostImproved().get(code), f, head.measure()));
            addIf(lines, words.behindMilestone(briefing.behindMilestone().get(code), f));
            addIf(lines, words.projections(briefing.projections().get(code).stream()
                    .filter(entry -> !entry.willMeet()).toList(), f));
            for (Imbalance.IndicatorSpread spread : briefing.imbalance().get(code)) {
                lines.add(words.imbalance(spread));
            }
            addIf(lines, words.notReported(briefing.period(), briefing.notReported().get(code)));
            sections.add(new Section(words.sectionHeading(head), words.tableHeader(head), rows, lines,
                    Chart.of(ranking, head, words)));

            for (BelowAverage.Entry entry : briefing.belowAverage().get(code)) {
                remind(reasons, names, entry.orgUnit(), entry.name(), words.reasonBelowAverage(head.name(), average));
            }
            for (BehindMilestone.Entry entry : briefing.behindMilestone().get(code)) {
                remind(reasons, names, entry.orgUnit(), entry.name(), words.reasonBehindMilestone(head.name(), entry));
            }
            for (NotReported.Entry entry : briefing.notReported().get(code)) {
                remind(reasons, names, entry.orgUnit(), entry.name(), words.reasonNotReported(head.name()));
            }
        }
        List<String> reminders = new ArrayList<>();
        reasons.forEach((unit, why) -> {
            if (reminders.size() < 2 * SHOWN_AT_EACH_END) {
                reminders.add(words.reminder(names.get(unit), List.copyOf(why)));
            }
        });
        if (reasons.size() > 2 * SHOWN_AT_EACH_END) {
            reminders.add(words.moreUnits(reasons.size() - 2 * SHOWN_AT_EACH_END));
        }
        if (reminders.isEmpty()) {
            reminders.add(words.noReminders());
        }
        return new Circular(words.lang(), words.title(briefing, scopeWord), words.periodLine(briefing),
                words.overviewHeading(), overview, words.rankingsHeading(), sections, words.remindHeading(), reminders,
                words.chartCaption());
    }

    /** A unit named at the bottom of a county-level national circular gathers a reason from each indicator. */
    private static void remind(Map<String, Set<String>> reasons, Map<String, String> names, String unit, String name,
            String reason) {
        names.put(unit, name);
        reasons.computeIfAbsent(unit, u -> new LinkedHashSet<>()).add(reason);
    }

    private static void addIf(List<String> lines, String line) {
        if (line != null) {
            lines.add(line);
        }
    }

    /** An inline SVG bar chart of one ranking: a bar per unit with a value, the average and the milestone. */
    @TemplateData
    public record Chart(int width, int height, List<Bar> bars, Mark average, Mark milestone) {

        static final int LEFT = 150;
        static final int PLOT = 440;
        static final int ROW = 22;
        static final int TOP = 8;

        @TemplateData
        public record Bar(String label, int y, String x, String width, String valueX, String value, String labelY) {
        }

        /**
         * A vertical line at {@code x} across the plot, with its caption below the plot on the side
         * ({@code anchor} start or end) away from the other line.
         */
        @TemplateData
        public record Mark(String x, String caption, String anchor, String dx) {
        }

        static Chart of(RankingResult ranking, Briefing.Headline head, Wording words) {
            List<RankingEntry> valued = ranking.entries().stream().filter(entry -> entry.value() != null).toList();
            if (valued.size() > 2 * SHOWN_AT_EACH_END) {
                List<RankingEntry> ends = new ArrayList<>(valued.subList(0, SHOWN_AT_EACH_END));
                ends.addAll(valued.subList(valued.size() - SHOWN_AT_EACH_END, valued.size()));
                valued = ends;
            }
            BigDecimal milestoneValue = head.targetKind() == TargetKind.VALUE && head.milestone() != null
                    ? head.milestone().value() : null;
            double lo = 0;
            double hi = 0;
            for (RankingEntry entry : valued) {
                lo = Math.min(lo, entry.value().doubleValue());
                hi = Math.max(hi, entry.value().doubleValue());
            }
            BigDecimal averageValue = head.measure() == Measure.CUMULATIVE ? null : ranking.parentValue();
            for (BigDecimal mark : new BigDecimal[] { averageValue, milestoneValue }) {
                if (mark != null) {
                    lo = Math.min(lo, mark.doubleValue());
                    hi = Math.max(hi, mark.doubleValue());
                }
            }
            double span = hi - lo == 0 ? 1 : hi - lo;
            Wording.Figures f = new Wording.Figures(head.unit(), head.measure());
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < valued.size(); i++) {
                RankingEntry entry = valued.get(i);
                double zero = x(0, lo, span);
                double end = x(entry.value().doubleValue(), lo, span);
                int y = TOP + i * ROW;
                bars.add(new Bar(entry.name(), y, fmt(Math.min(zero, end)), fmt(Math.abs(end - zero)),
                        fmt(Math.max(zero, end) + 4), f.plain(entry.value()), Integer.toString(y + 14)));
            }
            int height = TOP * 2 + Math.max(1, valued.size()) * ROW + 16;
            // The line further left puts its caption to its left, the other to its right, so they never overlap.
            boolean averageLeft = averageValue == null || milestoneValue == null
                    || averageValue.compareTo(milestoneValue) <= 0;
            Mark average = averageValue == null ? null
                    : mark(x(averageValue.doubleValue(), lo, span), words.averageCaption(f.plain(averageValue)),
                            averageLeft);
            Mark milestone = milestoneValue == null ? null
                    : mark(x(milestoneValue.doubleValue(), lo, span),
                            words.milestoneCaption(head.milestone().due(), f.plain(milestoneValue)), !averageLeft);
            return new Chart(LEFT + PLOT + 80, height, bars, average, milestone);
        }

        private static Mark mark(double x, String caption, boolean captionLeft) {
            return new Mark(fmt(x), caption, captionLeft ? "end" : "start", captionLeft ? "-3" : "3");
        }

        private static double x(double value, double lo, double span) {
            return LEFT + (value - lo) / span * PLOT;
        }

        private static String fmt(double value) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }

        /** Where the plot area ends (for the lines' y2) */
        public int plotBottom() {
            return height - 16;
        }
    }
}
