package io.mubiao.report.ranking;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.mubiao.report.calc.Figure;
import io.mubiao.report.calc.Milestone;
import io.mubiao.report.calc.TargetPlan;

/**
 * Loads what rankings and briefings need, in a few statements whatever the size of the subtree: the units
 * under a parent, their own as-of reports on a date, the targets of the ranked units.
 */
@ApplicationScoped
public class RankingRepository {

    private static final TypeReference<List<Milestone>> MILESTONES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** The parent's subtree, the parent included, found through the GIN-indexed path. */
    public List<RankingCalculator.Unit> loadUnits(String parent) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select code, name, parent, kind, level from org_unit where path @> array[?]::text[]""")) {
                select.setString(1, parent);
                List<RankingCalculator.Unit> units = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        units.add(new RankingCalculator.Unit(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getInt(5)));
                    }
                }
                return units;
            }
        });
    }

    /** The subtree of a ranking: its units with their own as-of reports on the date and a year earlier. */
    public RankingCalculator.Subtree loadSubtree(String indicator, Measure measure, String parent, LocalDate date,
            LocalDate lastYearDate) {
        AsOf now = loadAsOf(indicator, measure, parent, date);
        return new RankingCalculator.Subtree(loadUnits(parent), now.figures(), loadAsOf(indicator, measure, parent,
                lastYearDate).figures(), now.dates());
    }

    /** Each unit's own as-of figure and the date of the report it comes from; units without one are absent. */
    public record AsOf(Map<String, Figure> figures, Map<String, LocalDate> dates) {
    }

    /**
     * The latest report on or before {@code date} of every unit of the parent's subtree that has one. Units
     * report daily, so most answers lie on the date or the day before: those come from one range scan of
     * {@code observation_by_date}; only units without a report on those two days cost an index descent each
     * ({@code observation_as_of}). A CUMULATIVE indicator is a running total for the year, so its reports are
     * not carried across 1 January.
     */
    public AsOf loadAsOf(String indicator, Measure measure, String parent, LocalDate date) {
        boolean withinYear = measure == Measure.CUMULATIVE;
        LocalDate yearStart = date.withDayOfYear(1);
        LocalDate recentFrom = withinYear && date.equals(yearStart) ? date : date.minusDays(1);
        // The CTEs are materialised so that the planner cannot turn the range scan back into one probe per unit.
        String sql = """
                with units as materialized (select code from org_unit where path @> array[?]::text[]),
                recent as materialized (
                    select o.org_unit, o.date, o.value, o.numerator, o.denominator
                    from observation o join units u on u.code = o.org_unit
                    where o.indicator = ? and o.date between ? and ?),
                latest as (select org_unit, max(date) as date from recent group by org_unit)
                select r.org_unit, r.date, r.value, r.numerator, r.denominator
                from recent r join latest l on l.org_unit = r.org_unit and l.date = r.date
                union all
                select u.code, p.date, p.value, p.numerator, p.denominator
                from units u cross join lateral (
                    select o.date, o.value, o.numerator, o.denominator from observation o
                    where o.indicator = ? and o.org_unit = u.code and o.date < ?%s
                    order by o.date desc limit 1) p
                where not exists (select 1 from recent r where r.org_unit = u.code)""".formatted(
                withinYear ? " and o.date >= ?" : "");
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, parent);
                select.setString(2, indicator);
                select.setDate(3, Date.valueOf(recentFrom));
                select.setDate(4, Date.valueOf(date));
                select.setString(5, indicator);
                select.setDate(6, Date.valueOf(recentFrom));
                if (withinYear) {
                    select.setDate(7, Date.valueOf(yearStart));
                }
                Map<String, Figure> figures = new HashMap<>();
                Map<String, LocalDate> dates = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String code = rows.getString(1);
                        Figure figure = figure(measure, rows.getBigDecimal(3), rows.getBigDecimal(4),
                                rows.getBigDecimal(5));
                        if (figure != null) {
                            figures.put(code, figure);
                            dates.put(code, rows.getDate(2).toLocalDate());
                        }
                    }
                }
                return new AsOf(figures, dates);
            }
        });
    }

    /** The targets of {@code orgUnits} for the indicator and year, with their defaults applied. */
    public Map<String, TargetPlan> loadTargets(String indicator, Measure measure, int year, Collection<String> orgUnits) {
        if (orgUnits.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select org_unit, kind, value, start, trajectory, milestones::text from target
                    where indicator = ? and year = ? and org_unit = any(?)""")) {
                select.setString(1, indicator);
                select.setInt(2, year);
                select.setArray(3, connection.createArrayOf("text", orgUnits.toArray()));
                Map<String, TargetPlan> targets = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String trajectory = rows.getString(5);
                        targets.put(rows.getString(1), TargetPlan.of(year, measure, TargetKind.valueOf(rows.getString(2)),
                                rows.getBigDecimal(3), rows.getBigDecimal(4),
                                trajectory == null ? null : Trajectory.valueOf(trajectory), milestones(rows.getString(6))));
                    }
                }
                return targets;
            }
        });
    }

    private static Figure figure(Measure measure, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        return measure == Measure.RATIO && numerator != null && denominator != null
                ? Figure.ratio(numerator, denominator)
                : value == null ? null : Figure.of(value);
    }

    private List<Milestone> milestones(String text) throws SQLException {
        try {
            return json.readValue(text, MILESTONES);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored milestones are not readable: " + text, e);
        }
    }
}
