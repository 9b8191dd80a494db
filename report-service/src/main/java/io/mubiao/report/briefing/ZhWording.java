package io.mubiao.report.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/** The circular in Chinese, worded as the circulars in the speeches are. */
final class ZhWording implements Wording {

    private static final Map<String, String> CADENCE = Map.of("daily", "日报", "weekly", "周报",
            "dekad", "旬报", "monthly", "月报", "quarterly", "季报", "half-year", "半年报", "annual", "年报");

    @Override
    public String lang() {
        return "zh-CN";
    }

    static String day(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String fullDay(LocalDate date) {
        return date.getYear() + "年" + day(date);
    }

    private static String value(BigDecimal value, Wording.Figures f) {
        return f.plain(value) + f.unitSuffix();
    }

    /** A difference: points for a percentage, else the indicator's unit. */
    private static String diff(BigDecimal value, Wording.Figures f) {
        return value.abs().toPlainString() + (f.percent() ? "个百分点" : f.unitSuffix());
    }

    private static String rise(BigDecimal change, String up, String down) {
        return change.signum() >= 0 ? up : down;
    }

    @Override
    public String title(Briefing briefing, String scopeWord) {
        return briefing.scopeName() + "目标任务进展情况通报（" + CADENCE.get(briefing.cadence()) + "）";
    }

    @Override
    public String periodLine(Briefing briefing) {
        Period period = briefing.period();
        return period.from().equals(period.to()) ? "统计日期：" + fullDay(period.to())
                : "统计期间：" + fullDay(period.from()) + "至" + day(period.to());
    }

    @Override
    public String overviewHeading() {
        return "一、总体情况";
    }

    @Override
    public String rankingsHeading() {
        return "二、各地进展及排名";
    }

    @Override
    public String remindHeading() {
        return "三、需督促的单位";
    }

    @Override
    public String chartCaption() {
        return "图：各单位数值（虚线为平均水平，红线为阶段目标）";
    }

    @Override
    public String headline(LocalDate date, String scopeWord, String parentName, Briefing.Headline head,
            Wording.Figures f) {
        if (head.value() == null) {
            return "截至" + day(date) + "，" + scopeWord + head.name() + "暂无数据。";
        }
        List<String> first = new ArrayList<>();
        first.add("截至" + day(date) + "，" + scopeWord + head.name() + value(head.value(), f));
        if (head.yoyChange() != null) {
            BigDecimal yoy = head.yoyChange();
            if (yoy.signum() == 0) {
                first.add("与去年同期持平");
            } else if (head.measure() == Measure.CUMULATIVE) {
                first.add("同比" + rise(yoy, "增长", "下降") + yoy.abs().toPlainString() + "%");
            } else {
                first.add("比去年同期" + rise(yoy, "提高", "下降") + diff(yoy, f));
            }
        }
        if (head.change() != null) {
            BigDecimal change = head.change();
            String since = "比" + day(head.previousDate());
            first.add(change.signum() == 0 ? "与" + day(head.previousDate()) + "持平"
                    : since + (head.measure() == Measure.CUMULATIVE ? rise(change, "增加", "减少")
                            : rise(change, "提高", "下降")) + diff(change, f));
        }
        List<String> rest = new ArrayList<>();
        if (head.targetKind() == TargetKind.VALUE && head.expected() != null && head.gapToExpected() != null) {
            BigDecimal gap = head.gapToExpected();
            rest.add("按序时进度应达" + value(head.expected(), f) + "，"
                    + (gap.signum() > 0 ? "落后" + diff(gap, f) : gap.signum() < 0 ? "超出" + diff(gap, f) : "与序时进度持平"));
        }
        if (head.targetKind() == TargetKind.VALUE && head.milestone() != null && head.gapToMilestone() != null) {
            String target = day(head.milestone().due()) + value(head.milestone().value(), f) + "的目标";
            rest.add(head.gapToMilestone().signum() > 0 ? "距" + target + "还差" + diff(head.gapToMilestone(), f)
                    : "已达到" + target);
        }
        if (head.rank() != null && head.of() != null && parentName != null) {
            rest.add("在" + parentName + "所辖" + head.of() + "个单位中排第" + head.rank() + "位");
        }
        return String.join("，", first) + (rest.isEmpty() ? "" : "；" + String.join("；", rest)) + "。";
    }

    @Override
    public String sectionHeading(Briefing.Headline head) {
        return head.name() + (head.unit() == null ? "" : "（" + head.unit() + "）");
    }

    @Override
    public List<String> tableHeader(Briefing.Headline head) {
        return List.of("排名", "单位", "数值", head.measure() == Measure.CUMULATIVE ? "同比增长（%）" : "同比", "序时进度",
                "距平均", "状态");
    }

    @Override
    public String status(Status status) {
        return switch (status) {
            case AHEAD -> "超前";
            case ON_TRACK -> "正常";
            case BEHIND -> "滞后";
            case NO_TARGET -> "无目标";
            case NO_DATA -> "无数据";
        };
    }

    @Override
    public String average(String scopeWord, BigDecimal parentValue, Wording.Figures f) {
        return parentValue == null ? null : scopeWord + "平均水平（" + value(parentValue, f) + "）";
    }

    private static <T> String list(List<T> entries, Function<T, String> item) {
        String named = entries.stream().limit(NAMED).map(item).collect(Collectors.joining("、"));
        return entries.size() <= NAMED ? named : named + "等" + entries.size() + "个单位";
    }

    @Override
    public String moreUnits(int count) {
        return "另有" + count + "个单位（完整名单见JSON格式）";
    }

    @Override
    public String top(List<RankCut.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() ? null
                : "排名靠前的是：" + list(entries, e -> e.name() + "（第" + e.rank() + "位，" + value(e.value(), f) + "）")
                        + "，予以通报表扬。";
    }

    @Override
    public String belowAverage(String average, List<BelowAverage.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() || average == null ? null
                : "低于" + average + "的有：" + list(entries,
                        e -> e.name() + "（" + value(e.value(), f) + "，低" + diff(e.gapToAverage(), f) + "）") + "。";
    }

    @Override
    public String bottom(List<RankCut.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() ? null
                : "排名靠后的是：" + list(entries, e -> e.name() + "（第" + e.rank() + "位，" + value(e.value(), f) + "）")
                        + "。";
    }

    @Override
    public String mostImproved(LocalDate since, List<MostImproved.Entry> entries, Wording.Figures f, Measure measure) {
        return entries.isEmpty() ? null
                : "比" + day(since) + "进步最快的是：" + list(entries, e -> e.name() + "（"
                        + (measure == Measure.CUMULATIVE ? rise(e.change(), "增长", "下降") + e.change().abs().toPlainString() + "%"
                                : rise(e.change(), "提高", "下降") + diff(e.change(), f))
                        + "）") + "。";
    }

    @Override
    public String behindMilestone(List<BehindMilestone.Entry> entries, Wording.Figures f) {
        return entries.isEmpty() ? null
                : "未达到阶段目标的有：" + list(entries, e -> e.name() + "（距" + day(e.due()) + value(e.milestoneValue(), f)
                        + "的目标还差" + diff(e.gapToMilestone(), f)
                        + (e.neededPerDay() == null ? "，今日到期"
                                : "，剩余" + e.daysLeft() + "天，每天需" + (f.percent() ? "提高" : "增加")
                                        + diff(e.neededPerDay(), f))
                        + "）") + "。";
    }

    @Override
    public String projections(List<Projections.Entry> missing, Wording.Figures f) {
        return missing.isEmpty() ? null
                : "按近期进度测算，预计不能按期完成阶段目标的有：" + list(missing, e -> e.name() + "（预计" + day(e.due()) + "达到"
                        + value(e.projected(), f) + "，差" + diff(e.projectedGap(), f) + "）") + "。";
    }

    @Override
    public String imbalance(Imbalance.IndicatorSpread spread) {
        return "各地进度不平衡：" + spread.strongestName() + "完成序时进度的" + spread.strongestAttainment().toPlainString()
                + "%，" + spread.weakestName() + "仅完成" + spread.weakestAttainment().toPlainString() + "%，相差"
                + spread.spread().toPlainString() + "个百分点。";
    }

    @Override
    public String notReported(Period period, List<NotReported.Entry> entries) {
        return entries.isEmpty() ? null
                : "本期未报送数据的有：" + list(entries, e -> e.name() + "（"
                        + (e.lastReportDate() == null ? "从未报送" : "最近一次报送为" + day(e.lastReportDate())) + "）") + "。";
    }

    @Override
    public String reasonBelowAverage(String indicatorName, String average) {
        return indicatorName + "低于" + average.replaceAll("（.*）$", "");
    }

    @Override
    public String reasonBehindMilestone(String indicatorName, BehindMilestone.Entry entry) {
        return indicatorName + "未达到" + day(entry.due()) + "阶段目标";
    }

    @Override
    public String reasonNotReported(String indicatorName) {
        return indicatorName + "本期未报送";
    }

    @Override
    public String reminder(String unitName, List<String> reasons) {
        return unitName + "：" + String.join("，", reasons) + "，请加快工作进度。";
    }

    /** How many units a list sentence names before "等N个单位". */
    private static final int NAMED = 20;

    @Override
    public String noReminders() {
        return "本期无需督促的单位。";
    }

    @Override
    public String averageCaption(String value) {
        return "平均 " + value;
    }

    @Override
    public String milestoneCaption(LocalDate due, String value) {
        return day(due) + "目标 " + value;
    }
}
