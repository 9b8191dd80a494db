package io.mubiao.progress.reference;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.Measure;
import io.mubiao.events.OrgUnitChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Reads and writes the local copy of the reference data with plain JDBC: upserts keyed by code, so that a
 * record delivered twice (Kafka delivers at least once) changes nothing, and set lookups for a whole batch
 * of reports in one query each.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReferenceRepository {

    /** Units without a kind are regions, as in target-service. */
    static final String DEFAULT_KIND = "region";

    @Inject
    EntityManager em;

    public void saveOrgUnits(Collection<OrgUnitChanged> units) {
        if (units.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into org_unit (code, name, parent, kind, level, path, changed_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, parent = excluded.parent,
                        kind = excluded.kind, level = excluded.level, path = excluded.path,
                        changed_at = excluded.changed_at""")) {
                for (OrgUnitChanged unit : units) {
                    List<String> path = unit.path() == null || unit.path().isEmpty() ? List.of(unit.code()) : unit.path();
                    upsert.setString(1, unit.code());
                    upsert.setString(2, unit.name());
                    upsert.setString(3, unit.parent());
                    upsert.setString(4, unit.kind() == null || unit.kind().isBlank() ? DEFAULT_KIND : unit.kind());
                    upsert.setInt(5, unit.level() > 0 ? unit.level() : path.size());
                    upsert.setArray(6, connection.createArrayOf("text", path.toArray()));
                    upsert.setTimestamp(7, unit.changedAt() == null ? null : Timestamp.from(unit.changedAt()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    public void saveIndicators(Collection<IndicatorChanged> indicators) {
        if (indicators.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into indicator (code, name, unit, measure, direction, decimals, changed_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, unit = excluded.unit,
                        measure = excluded.measure, direction = excluded.direction,
                        decimals = excluded.decimals, changed_at = excluded.changed_at""")) {
                for (IndicatorChanged indicator : indicators) {
                    upsert.setString(1, indicator.code());
                    upsert.setString(2, indicator.name());
                    upsert.setString(3, indicator.unit());
                    upsert.setString(4, indicator.measure().name());
                    upsert.setString(5, indicator.direction() == null ? null : indicator.direction().name());
                    upsert.setInt(6, indicator.decimals());
                    upsert.setTimestamp(7, indicator.changedAt() == null ? null : Timestamp.from(indicator.changedAt()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    public void deleteOrgUnits(Collection<String> codes) {
        delete("delete from org_unit where code = any(?)", codes);
    }

    public void deleteIndicators(Collection<String> codes) {
        delete("delete from indicator where code = any(?)", codes);
    }

    /** The path (codes from the root, the unit last) of each of {@code codes} that is a known org unit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<String>> orgUnitPaths(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<String, List<String>> paths = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select code, path from org_unit where code = any(?)")) {
                select.setArray(1, textArray(connection, codes));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Array path = rows.getArray(2);
                        paths.put(rows.getString(1), path == null ? List.of() : List.of((String[]) path.getArray()));
                    }
                }
            }
            return paths;
        });
    }

    /** The measure of each of {@code codes} that is a known indicator. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Measure> measures(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<String, Measure> measures = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select code, measure from indicator where code = any(?)")) {
                select.setArray(1, textArray(connection, codes));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        measures.put(rows.getString(1), Measure.valueOf(rows.getString(2)));
                    }
                }
            }
            return measures;
        });
    }

    private void delete(String sql, Collection<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setArray(1, textArray(connection, codes));
                delete.executeUpdate();
            }
        });
    }

    private static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
