package io.mubiao.targets.goal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;

/**
 * Every version of every target, in {@code target_version}: each change writes the target's new state there
 * in the same transaction, so the history always ends with the current version.
 */
@ApplicationScoped
public class TargetHistory {

    private static final TypeReference<List<TargetResponse.Milestone>> MILESTONES = new TypeReference<>() {
    };

    /** The same copy as the V3 migration's, which recorded the targets stored before it as their version 1. */
    private static final String RECORD = """
            insert into target_version (indicator, org_unit, year, version, kind, value, start_value, trajectory,
                                        milestones, changed_by, changed_at)
            select t.indicator, t.org_unit, t.year, t.version, t.kind, t.value, t.start_value, t.trajectory,
                   coalesce((select jsonb_agg(jsonb_build_object('due', m.due, 'value', m.value) order by m.seq)
                               from target_milestone m
                              where m.target_id = t.id), '[]'::jsonb),
                   t.changed_by, t.changed_at
              from target t
             where t.id = ?""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Records the target's state as written in this transaction as its version {@code target.version}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(Target target) {
        // The milestones reach their table at flush; the copy reads them from there.
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
                insert.setLong(1, target.id);
                insert.executeUpdate();
            }
        });
    }

    /** The versions of one target, oldest first; empty when it has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<TargetVersionResponse> versions(String indicator, String orgUnit, int year) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<TargetVersionResponse> versions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select version, kind, value, start_value, trajectory, milestones::text, changed_by, changed_at
                      from target_version
                     where indicator = ? and org_unit = ? and year = ?
                     order by version""")) {
                select.setString(1, indicator);
                select.setString(2, orgUnit);
                select.setInt(3, year);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        versions.add(new TargetVersionResponse(rows.getInt(1), TargetKind.valueOf(rows.getString(2)),
                                rows.getBigDecimal(3), rows.getBigDecimal(4), Trajectory.valueOf(rows.getString(5)),
                                milestones(rows.getString(6)), rows.getString(7),
                                rows.getObject(8, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return versions;
        });
    }

    private List<TargetResponse.Milestone> milestones(String array) {
        try {
            return json.readValue(array, MILESTONES);
        } catch (IOException e) {
            throw new UncheckedIOException("target_version.milestones is not an array of {due, value}", e);
        }
    }
}
