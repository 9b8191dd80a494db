package io.mubiao.report.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.mubiao.report.ranking.RankingCalculator;
import io.mubiao.report.ranking.RankingEntry;
import io.mubiao.report.ranking.RankingRepository;
import io.mubiao.report.ranking.RankingService;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * Reads, for each indicator a unit has a target for in the day's year, what {@link ReminderSelection} needs:
 * the unit's figures as a ranking has them ({@code RankingService.figuresOf}) and its report dates, its own
 * or below it (the dates of their as-of reports, {@code RankingRepository.loadAsOf}).
 */
@ApplicationScoped
public class ReminderFacts {

    @Inject
    EntityManager em;

    @Inject
    RankingService rankings;

    @Inject
    RankingRepository repository;

    @SuppressWarnings("unchecked")
    public List<ReminderSelection.Facts> of(OrgUnit unit, LocalDate day) {
        List<Object[]> targets = em.createNativeQuery(
                "select indicator, kind from target where org_unit = :unit and year = :year order by indicator")
                .setParameter("unit", unit.code).setParameter("year", day.getYear()).getResultList();
        List<String> below = repository.loadUnits(unit.code).stream().map(RankingCalculator.Unit::code).toList();
        List<ReminderSelection.Facts> facts = new ArrayList<>();
        for (Object[] target : targets) {
            Indicator indicator = Indicator.findById((String) target[0]);
            if (indicator == null) {
                continue;
            }
            // The date of each unit's as-of report: today's when it reported today.
            Map<String, LocalDate> reportedOn = repository.loadAsOf(indicator.code, indicator.measure, below, day)
                    .dates();
            boolean reported = reportedOn.containsValue(day);
            LocalDate last = reportedOn.values().stream().max(Comparator.naturalOrder()).orElse(null);
            RankingEntry figures = rankings.figuresOf(indicator, unit, day);
            boolean valueTarget = "VALUE".equals(target[1]);
            facts.add(new ReminderSelection.Facts(indicator.code, indicator.name, indicator.unit, reported, last,
                    valueTarget ? figures.milestone() : null, valueTarget ? figures.gapToMilestone() : null));
        }
        return facts;
    }
}
