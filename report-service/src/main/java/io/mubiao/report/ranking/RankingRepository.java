package io.mubiao.report.ranking;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.mubiao.report.calc.Figure;
import io.mubiao.report.calc.Milestone;
import io.mubiao.report.calc.TargetPlan;
import io.mubiao.report.config.ReportConfig;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * Loads what rankings and briefings need, in a few statements whatever the size of the subtree: the units
 * under a parent, their own as-of reports on a date, the targets of the ranked units. Each method takes a
 * connection of its own from the pool, so that a briefing can load its indicators side by side; reads need
 * no transaction.
 */
@ApplicationScoped
public class RankingRepository {

    /** The days before the date (the date included) that {@link #loadAsOf} may read by range scan. */
    private static final int RANGE_SCAN_DAYS = 2;

    private static final TypeReference<List<Milestone>> MILESTONES = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    ReportConfig config;

    /** The parent's subtree, the parent included, found through the GIN-indexed path. */
    public List<RankingCalculator.Unit> loadUnits(String parent) {
        return read(connection -> units(connection, parent));
    }

    private static List<RankingCalculator.Unit> units(Connection connection, String parent) throws SQLException {
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
    }

    /**
     * The subtree of a ranking: its units with their own as-of reports on the date and a year earlier, on one
     * connection.
     */
    public RankingCalculator.Subtree loadSubtree(String indicator, Measure measure, String parent, LocalDate date,
            LocalDate lastYearDate) {
        return read(connection -> subtree(connection, indicator, measure, units(connection, parent), date,
                lastYearDate));
    }

    /** As {@link #loadSubtree}, of units known already (the subtree as loaded by {@link #loadUnits}). */
    public RankingCalculator.Subtree loadSubtree(String indicator, Measure measure, List<RankingCalculator.Unit> units,
            LocalDate date, LocalDate lastYearDate) {
        return read(connection -> subtree(connection, indicator, measure, units, date, lastYearDate));
    }

    private RankingCalculator.Subtree subtree(Connection connection, String indicator, Measure measure,
            List<RankingCalculator.Unit> units, LocalDate date, LocalDate lastYearDate) throws SQLException {
        List<String> codes = units.stream().map(RankingCalculator.Unit::code).toList();
        AsOf now = asOf(connection, indicator, measure, codes, date);
        return new RankingCalculator.Subtree(units, now.figures(),
                asOf(connection, indicator, measure, codes, lastYearDate).figures(), now.dates());
    }

    /** The indicator as in the read model, or null; not attached to any persistence context. */
    public Indicator loadIndicator(String code) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select code, name, unit, measure, direction, indicator_group, decimals from indicator
                    where code = ?""")) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    Indicator indicator = new Indicator();
                    indicator.code = row.getString(1);
                    indicator.name = row.getString(2);
                    indicator.unit = row.getString(3);
                    indicator.measure = Measure.valueOf(row.getString(4));
                    indicator.direction = Direction.valueOf(row.getString(5));
                    indicator.group = row.getString(6);
                    indicator.decimals = row.getInt(7);
                    return indicator;
                }
            }
        });
    }

    /** The unit as in the read model, or null; not attached to any persistence context. */
    public OrgUnit loadUnit(String code) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select code, name, parent, kind, level, path from org_unit where code = ?""")) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    OrgUnit unit = new OrgUnit();
                    unit.code = row.getString(1);
                    unit.name = row.getString(2);
                    unit.parent = row.getString(3);
                    unit.kind = row.getString(4);
                    unit.level = row.getInt(5);
                    unit.path = (String[]) row.getArray(6).getArray();
                    return unit;
                }
            }
        });
    }

    /** Each unit's own as-of figure and the date of the report it comes from; units without one are absent. */
    public record AsOf(Map<String, Figure> figures, Map<String, LocalDate> dates) {
    }

    /**
     * The latest report on or before {@code date} of each of {@code units} that has one. For many units (a
     * national circular asks for 3,300 units × 50 indicators × 4 dates) one index descent per unit is too
     * slow; units report daily, so most answers lie on the date or the day before: the reports of the date,
     * then those of the day before, each come from one range scan of {@code observation_by_date}, as long as
     * many units are still without a figure. The rest, and every unit of a small subtree, cost a descent of
     * {@code observation_as_of} each. Each statement reads one table, so that no join order chosen on stale
     * statistics can make it slow. A CUMULATIVE indicator is a running total for the year, so its reports are
     * not carried across 1 January.
     */
    public AsOf loadAsOf(String indicator, Measure measure, Collection<String> units, LocalDate date) {
        return read(connection -> asOf(connection, indicator, measure, units, date));
    }

    private AsOf asOf(Connection connection, String indicator, Measure measure, Collection<String> units,
            LocalDate date) throws SQLException {
        LocalDate yearStart = measure == Measure.CUMULATIVE ? date.withDayOfYear(1) : null;
        Map<String, Row> latest = new HashMap<>();
        Set<String> missing = new HashSet<>(units);
        LocalDate probeBefore = date.plusDays(1);
        for (int back = 0; back < RANGE_SCAN_DAYS && missing.size() >= config.asOf().rangeScanFrom(); back++) {
            LocalDate day = date.minusDays(back);
            if (yearStart != null && day.isBefore(yearStart)) {
                break;
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    select org_unit, date, value, numerator, denominator from observation
                    where indicator = ? and date = ?""")) {
                select.setString(1, indicator);
                select.setObject(2, day);
                readRows(select, missing, latest);
            }
            probeBefore = day;
        }
        if (!missing.isEmpty()) {
            // The exists is worked out once, first: in an indicator's first year (every comparison with last
            // year) nobody reported before the date, and no unit is probed for nothing.
            try (PreparedStatement select = connection.prepareStatement("""
                    select u.code, p.date, p.value, p.numerator, p.denominator
                    from unnest(?::text[]) as u(code) cross join lateral (
                        select o.date, o.value, o.numerator, o.denominator from observation o
                        where o.indicator = ? and o.org_unit = u.code and o.date < ? and o.date >= ?
                        order by o.date desc limit 1) p
                    where exists (select 1 from observation e where e.indicator = ? and e.date < ? and e.date >= ?)""")) {
                LocalDate from = yearStart != null ? yearStart : LocalDate.of(1, 1, 1);
                select.setArray(1, connection.createArrayOf("text", missing.toArray()));
                for (int p = 2; p <= 5; p += 3) {
                    select.setString(p, indicator);
                    select.setObject(p + 1, probeBefore);
                    select.setObject(p + 2, from);
                }
                readRows(select, missing, latest);
            }
        }
        Map<String, Figure> figures = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        latest.forEach((code, row) -> {
            Figure figure = measure == Measure.RATIO && row.numerator() != null && row.denominator() != null
                    ? Figure.ratio(row.numerator(), row.denominator())
                    : row.value() == null ? null : Figure.of(row.value());
            if (figure != null) {
                figures.put(code, figure);
                dates.put(code, row.date());
            }
        });
        return new AsOf(figures, dates);
    }

    private record Row(LocalDate date, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    /**
     * Takes the row of each unit still {@code missing} (each unit appears at most once in a statement's rows),
     * which is then no longer missing.
     */
    private static void readRows(PreparedStatement select, Set<String> missing, Map<String, Row> latest)
            throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String code = rows.getString(1);
                if (missing.remove(code)) {
                    latest.put(code, new Row(rows.getObject(2, LocalDate.class), rows.getBigDecimal(3),
                            rows.getBigDecimal(4), rows.getBigDecimal(5)));
                }
            }
        }
    }

    /** The targets of {@code orgUnits} for the indicator and year, with their defaults applied. */
    public Map<String, TargetPlan> loadTargets(String indicator, Measure measure, int year, Collection<String> orgUnits) {
        if (orgUnits.isEmpty()) {
            return Map.of();
        }
        return read(connection -> {
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

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new PersistenceException("could not read the read model", e);
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
