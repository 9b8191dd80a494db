package io.mubiao.report.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.mubiao.report.briefing.ReportActivity;
import io.mubiao.report.ranking.RankingEntry;
import io.mubiao.report.ranking.RankingService;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * Reads, for each indicator a unit has a target for in the day's year, what {@link ReminderSelection} needs:
 * the unit's figures as a ranking has them ({@code RankingService.figuresOf}) and its report dates, its own
 * or below it ({@code ReportActivity}).
 */
@ApplicationScoped
public class ReminderFacts {

    @Inject
    EntityManager em;

    @Inject
    RankingService rankings;

    @Inject
    ReportActivity activity;

    @SuppressWarnings("unchecked")
    public List<ReminderSelection.Facts> of(OrgUnit unit, LocalDate day) {
        List<Object[]> targets = em.createNativeQuery(
                "select indicator, kind from target where org_unit = :unit and year = :year order by indicator")
                .setParameter("unit", unit.code).setParameter("year", day.getYear()).getResultList();
        List<ReminderSelection.Facts> facts = new ArrayList<>();
        for (Object[] target : targets) {
            Indicator indicator = Indicator.findById((String) target[0]);
            if (indicator == null) {
                continue;
            }
            Map<String, ReportActivity.Own> own = activity.own(indicator.code, unit.code, day, day);
            boolean reported = own.values().stream().anyMatch(ReportActivity.Own::reportedInPeriod);
            LocalDate last = own.values().stream().map(ReportActivity.Own::lastReportDate).filter(Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(null);
            RankingEntry figures = rankings.figuresOf(indicator, unit, day);
            boolean valueTarget = "VALUE".equals(target[1]);
            facts.add(new ReminderSelection.Facts(indicator.code, indicator.name, indicator.unit, reported, last,
                    valueTarget ? figures.milestone() : null, valueTarget ? figures.gapToMilestone() : null));
        }
        return facts;
    }
}
