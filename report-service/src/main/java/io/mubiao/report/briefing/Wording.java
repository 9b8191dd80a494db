package io.mubiao.report.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.mubiao.events.Measure;
import io.mubiao.report.calc.BehindMilestone;
import io.mubiao.report.calc.BelowAverage;
import io.mubiao.report.calc.Imbalance;
import io.mubiao.report.calc.MostImproved;
import io.mubiao.report.calc.NotReported;
import io.mubiao.report.calc.Period;
import io.mubiao.report.calc.Projections;
import io.mubiao.report.calc.RankCut;
import io.mubiao.report.calc.Status;

/**
 * The sentences of a circular in one language. A list sentence is null when its list is empty, so the
 * circular says nothing rather than "none". Figures are shown as the JSON has them (already rounded).
 */
public interface Wording {

    /** The languages a circular is written in, by their {@code lang} parameter. */
    static Optional<Wording> forLang(String lang) {
        return switch (lang) {
            case "zh-CN" -> Optional.of(new ZhWording());
            case "en" -> Optional.of(new EnWording());
            default -> Optional.empty();
        };
    }

    /** How to show the figures of one indicator: "%" values take points for differences. */
    record Figures(String unit, Measure measure) {

        public boolean percent() {
            return "%".equals(unit);
        }

        public String plain(BigDecimal value) {
            return value == null ? "—" : value.toPlainString();
        }

        public String signed(BigDecimal value) {
            return value == null ? "—" : value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
        }

        public String unitSuffix() {
            return unit == null ? "" : unit;
        }
    }

    String lang();

    String title(Briefing briefing, String scopeWord);

    String periodLine(Briefing briefing);

    String overviewHeading();

    String rankingsHeading();

    String remindHeading();

    String chartCaption();

    String headline(LocalDate date, String scopeWord, String parentName, Briefing.Headline head, Figures f);

    String sectionHeading(Briefing.Headline head);

    List<String> tableHeader(Briefing.Headline head);

    String status(Status status);

    /** "the province's average (41.20%)", or the like; null without a parent value. */
    String average(String scopeWord, BigDecimal parentValue, Figures f);

    String top(List<RankCut.Entry> entries, Figures f);

    String belowAverage(String average, List<BelowAverage.Entry> entries, Figures f);

    String bottom(List<RankCut.Entry> entries, Figures f);

    String mostImproved(LocalDate since, List<MostImproved.Entry> entries, Figures f, Measure measure);

    String behindMilestone(List<BehindMilestone.Entry> entries, Figures f);

    String projections(List<Projections.Entry> missing, Figures f);

    String imbalance(Imbalance.IndicatorSpread spread);

    String notReported(Period period, List<NotReported.Entry> entries);

    String reasonBelowAverage(String indicatorName, String average);

    String reasonBehindMilestone(String indicatorName, BehindMilestone.Entry entry);

    String reasonNotReported(String indicatorName);

    String reminder(String unitName, List<String> reasons);

    String noReminders();

    /** Stands for the units a text circular leaves out of a long table or list. */
    String moreUnits(int count);

    String averageCaption(String value);

    String milestoneCaption(LocalDate due, String value);
}
