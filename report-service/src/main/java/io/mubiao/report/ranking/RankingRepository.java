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
 * Loads what a ranking needs in two statements, whatever the size of the subtree: the units under the
 * parent with their own as-of reports (now and a year ago), then the targets of the ranked units.
 */
@ApplicationScoped
public class RankingRepository {

    private static final TypeReference<List<Milestone>> MILESTONES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * The parent's subtree (parent included, found through the GIN-indexed path) with, per unit, the latest
     * report on or before {@code date} and on or before {@code lastYearDate}: one backward index step each.
     * A CUMULATIVE indicator is a running total for the year, so its reports are not carried across 1 January.
     */
    public RankingCalculator.Subtree loadSubtree(String indicator, Measure measure, String parent, LocalDate date,
            LocalDate lastYearDate) {
        boolean withinYear = measure == Measure.CUMULATIVE;
        String asOf = """
                select o.value, o.numerator, o.denominator from observation o
                where o.indicator = ? and o.org_unit = u.code and o.date <= ?%s
                order by o.date desc limit 1""".formatted(withinYear ? " and o.date >= ?" : "");
        String sql = """
                select u.code, u.name, u.parent, u.kind, u.level,
                       cur.value, cur.numerator, cur.denominator, prev.value, prev.numerator, prev.denominator
                from org_unit u
                left join lateral (%s) cur on true
                left join lateral (%s) prev on true
                where u.path @> array[?]::text[]""".formatted(asOf, asOf);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                for (LocalDate day : List.of(date, lastYearDate)) {
                    select.setString(p++, indicator);
                    select.setDate(p++, Date.valueOf(day));
                    if (withinYear) {
                        select.setDate(p++, Date.valueOf(day.withDayOfYear(1)));
                    }
                }
                select.setString(p, parent);
                List<RankingCalculator.Unit> units = new ArrayList<>();
                Map<String, Figure> now = new HashMap<>();
                Map<String, Figure> lastYear = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String code = rows.getString(1);
                        units.add(new RankingCalculator.Unit(code, rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getInt(5)));
                        putFigure(now, code, measure, rows, 6);
                        putFigure(lastYear, code, measure, rows, 9);
                    }
                }
                return new RankingCalculator.Subtree(units, now, lastYear);
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

    private static void putFigure(Map<String, Figure> figures, String code, Measure measure, ResultSet rows, int column)
            throws SQLException {
        BigDecimal value = rows.getBigDecimal(column);
        BigDecimal numerator = rows.getBigDecimal(column + 1);
        BigDecimal denominator = rows.getBigDecimal(column + 2);
        Figure figure = measure == Measure.RATIO && numerator != null && denominator != null
                ? Figure.ratio(numerator, denominator)
                : value == null ? null : Figure.of(value);
        if (figure != null) {
            figures.put(code, figure);
        }
    }

    private List<Milestone> milestones(String text) throws SQLException {
        try {
            return json.readValue(text, MILESTONES);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored milestones are not readable: " + text, e);
        }
    }
}
