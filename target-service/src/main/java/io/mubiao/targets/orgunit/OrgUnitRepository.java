package io.mubiao.targets.orgunit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Set-based SQL on the org-unit tree, where one statement or one JDBC batch replaces a query per unit:
 * loading the tree for an import, writing an import, moving a subtree.
 */
@ApplicationScoped
public class OrgUnitRepository {

    @Inject
    EntityManager em;

    /** Every stored unit by code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, OrgUnitState> loadTree() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, OrgUnitState> tree = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select code, name, parent, kind, level, path from org_unit");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OrgUnitState unit = read(rows);
                    tree.put(unit.code(), unit);
                }
            }
            return tree;
        });
    }

    /** Inserts in the order given, which must put parents before children (the parent key is checked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertAll(List<OrgUnitState> units, String changedBy, Instant now) {
        batch("""
                insert into org_unit (name, parent, kind, level, path, changed_at, changed_by, code)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", units, changedBy, now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updateAll(List<OrgUnitState> units, String changedBy, Instant now) {
        batch("""
                update org_unit set name = ?, parent = ?, kind = ?, level = ?, path = ?, changed_at = ?, changed_by = ?,
                       version = version + 1
                 where code = ?""", units, changedBy, now);
    }

    /** A unit's state with its version, as published. */
    public record Versioned(OrgUnitState state, long version) {
    }

    /** The stored version of each of the given units, by code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> versions(List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Long> versions = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select code, version from org_unit where code = any(?)")) {
                select.setArray(1, textArray(connection, codes));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        versions.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return versions;
        });
    }

    /**
     * Re-roots the descendants of {@code code} (not the unit itself) after it moved from level
     * {@code oldLevel} to {@code newPath}, and returns their new state and version. Their new path is a change by
     * whoever moved the unit, so each one's version goes up by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Versioned> moveDescendants(String code, int oldLevel, List<String> newPath, String changedBy,
            Instant now) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Versioned> moved = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement("""
                    update org_unit
                       set path = ? || path[cast(? as int) : cardinality(path)],
                           level = level + ?,
                           changed_at = ?,
                           changed_by = ?,
                           version = version + 1
                     where path @> array[cast(? as text)] and code <> ?
                    returning code, name, parent, kind, level, path, version""")) {
                update.setArray(1, textArray(connection, newPath));
                update.setInt(2, oldLevel + 1);
                update.setInt(3, newPath.size() - oldLevel);
                update.setTimestamp(4, Timestamp.from(now));
                update.setString(5, changedBy);
                update.setString(6, code);
                update.setString(7, code);
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        moved.add(new Versioned(read(rows), rows.getLong(7)));
                    }
                }
            }
            return moved;
        });
    }

    /** Locks the unit's row for a delete (waiting for writers of targets that refer to it); false when unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockUnit(String code) {
        return count("select count(*) from (select code from org_unit where code = ? for update) locked", code) > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long countChildren(String code) {
        return count("select count(*) from org_unit where parent = ?", code);
    }

    /** Targets of the unit, read straight from the target table (the goal package owns it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long countTargets(String code) {
        return count("select count(*) from target where org_unit = ?", code);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String code) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from org_unit where code = ?")) {
                delete.setString(1, code);
                delete.executeUpdate();
            }
        });
    }

    private long count(String sql, String code) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, code);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private void batch(String sql, List<OrgUnitState> units, String changedBy, Instant now) {
        if (units.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Timestamp changedAt = Timestamp.from(now);
                for (OrgUnitState unit : units) {
                    statement.setString(1, unit.name());
                    statement.setString(2, unit.parent());
                    statement.setString(3, unit.kind());
                    statement.setInt(4, unit.level());
                    statement.setArray(5, textArray(connection, unit.path()));
                    statement.setTimestamp(6, changedAt);
                    statement.setString(7, changedBy);
                    statement.setString(8, unit.code());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static OrgUnitState read(ResultSet row) throws SQLException {
        String[] path = (String[]) row.getArray(6).getArray();
        return new OrgUnitState(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                List.of(path));
    }
}
