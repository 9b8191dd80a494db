package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.Session;

import io.mubiao.messaging.CopyIn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The report tables through plain JDBC: a batch of reports costs a handful of statements whatever its size
 * (arrays bound as parameters, COPY for the new revisions), never one statement per report.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReportRepository {

    @Inject
    EntityManager em;

    /**
     * The keys of a batch, locked until the transaction ends: the latest stored revision of each (0 for a key
     * never reported) and the keys whose {@code report_latest} row this transaction created.
     */
    public record LockedKeys(Map<Content.Key, Integer> latest, Set<Content.Key> created) {

        /** What the key's row holds now: a created row holds revision 1 until {@link #insert} settles it. */
        int rowRevision(Content.Key key) {
            return created.contains(key) ? 1 : latest.get(key);
        }
    }

    /**
     * Locks the latest-revision row of each key until the transaction ends. A key never reported gets its row
     * now, with revision 1, which its first report will almost always be: a batch of new keys then costs one
     * statement here and none in {@link #insert}. Keys are inserted and locked in one order in every
     * transaction, so two overlapping batches wait for each other instead of deadlocking (or fail with a
     * deadlock that {@link IntakeService} retries).
     */
    public LockedKeys lockLatest(Collection<Content.Key> keys) {
        if (keys.isEmpty()) {
            return new LockedKeys(Map.of(), Set.of());
        }
        return session().doReturningWork(connection -> {
            Map<Content.Key, Integer> latest = new HashMap<>();
            Set<Content.Key> created = new HashSet<>();
            try (PreparedStatement claim = connection.prepareStatement("""
                    insert into report_latest (org_unit, indicator, date, revision)
                    select k.org_unit, k.indicator, k.date, 1
                    from unnest(?::text[], ?::text[], ?::date[]) as k(org_unit, indicator, date)
                    order by k.org_unit, k.indicator, k.date
                    on conflict do nothing
                    returning org_unit, indicator, date""")) {
                KeyArrays.of(connection, keys).bind(claim, 1);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        Content.Key key = key(rows);
                        created.add(key);
                        latest.put(key, 0);
                    }
                }
            }
            List<Content.Key> existing = keys.stream().filter(key -> !created.contains(key)).toList();
            if (!existing.isEmpty()) {
                try (PreparedStatement lock = connection.prepareStatement("""
                        select l.org_unit, l.indicator, l.date, l.revision
                        from report_latest l
                        join unnest(?::text[], ?::text[], ?::date[]) as k(org_unit, indicator, date)
                          on l.org_unit = k.org_unit and l.indicator = k.indicator and l.date = k.date
                        order by l.org_unit, l.indicator, l.date
                        for update of l""")) {
                    KeyArrays.of(connection, existing).bind(lock, 1);
                    try (ResultSet rows = lock.executeQuery()) {
                        while (rows.next()) {
                            latest.put(key(rows), rows.getInt(4));
                        }
                    }
                }
            }
            return new LockedKeys(latest, created);
        });
    }

    /** The stored revision of each key at the given revision number. */
    public Map<Content.Key, RevisionPlanner.Stored> revisions(Map<Content.Key, Integer> revisions) {
        if (revisions.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            List<Content.Key> keys = List.copyOf(revisions.keySet());
            KeyArrays arrays = KeyArrays.of(connection, keys);
            Map<Content.Key, RevisionPlanner.Stored> stored = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select r.event_id, r.revision, r.org_unit, r.indicator, r.date, r.value, r.numerator,
                           r.denominator, r.note
                    from report r
                    join unnest(?::text[], ?::text[], ?::date[], ?::integer[]) as k(org_unit, indicator, date, revision)
                      on r.org_unit = k.org_unit and r.indicator = k.indicator and r.date = k.date
                     and r.revision = k.revision""")) {
                arrays.bind(select, 1);
                select.setArray(4, connection.createArrayOf("integer", keys.stream().map(revisions::get).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Content content = content(rows, 3);
                        stored.put(content.key(), new RevisionPlanner.Stored(rows.getString(1), rows.getInt(2), content));
                    }
                }
            }
            return stored;
        });
    }

    /** The content stored under each of {@code eventIds} that is in use. */
    public Map<String, Content> contentByEventId(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<String, Content> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select event_id, org_unit, indicator, date, value, numerator, denominator, note
                    from report where event_id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), content(rows, 2));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Inserts the accepted revisions (one COPY) and settles each locked key's latest-revision row: its highest
     * new revision, or 0 for a created row whose key got none. A client's eventId already stored makes the COPY
     * fail with a unique violation: {@link IntakeService} then plans again with the stored eventIds looked up.
     */
    public void insert(List<RevisionPlanner.Accepted> accepted, String reportedBy, Instant recordedAt,
            LockedKeys locked) {
        Map<Content.Key, Integer> settled = new HashMap<>();
        locked.created().forEach(key -> settled.put(key, 0));
        accepted.forEach(report -> settled.merge(report.report().content().key(), report.revision(), Math::max));
        settled.entrySet().removeIf(entry -> entry.getValue() == locked.rowRevision(entry.getKey()));
        session().doWork(connection -> {
            if (!accepted.isEmpty()) {
                String at = recordedAt.atOffset(ZoneOffset.UTC).toString();
                CopyIn rows = new CopyIn("report (event_id, org_unit, indicator, date, revision, value, numerator, "
                        + "denominator, note, reported_by, recorded_at)");
                for (RevisionPlanner.Accepted report : accepted) {
                    Content content = report.report().content();
                    rows.add(report.eventId()).add(content.orgUnit()).add(content.indicator()).add(content.date())
                            .add(report.revision()).add(plain(content.value())).add(plain(content.numerator()))
                            .add(plain(content.denominator())).add(content.note()).add(reportedBy).add(at).endRow();
                }
                rows.copy(connection);
            }
            if (settled.isEmpty()) {
                return;
            }
            List<Content.Key> keys = List.copyOf(settled.keySet());
            try (PreparedStatement update = connection.prepareStatement("""
                    update report_latest l set revision = k.revision
                    from unnest(?::text[], ?::text[], ?::date[], ?::integer[]) as k(org_unit, indicator, date, revision)
                    where l.org_unit = k.org_unit and l.indicator = k.indicator and l.date = k.date""")) {
                KeyArrays.of(connection, keys).bind(update, 1);
                update.setArray(4, connection.createArrayOf("integer", keys.stream().map(settled::get).toArray()));
                update.executeUpdate();
            }
        });
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private static Content.Key key(ResultSet rows) throws SQLException {
        return new Content.Key(rows.getString(1), rows.getString(2), rows.getObject(3, LocalDate.class));
    }

    private static Content content(ResultSet rows, int first) throws SQLException {
        return new Content(rows.getString(first), rows.getString(first + 1), rows.getObject(first + 2, LocalDate.class),
                rows.getBigDecimal(first + 3), rows.getBigDecimal(first + 4), rows.getBigDecimal(first + 5),
                rows.getString(first + 6));
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    /** Keys as three parallel SQL arrays, for {@code unnest}. Dates travel as ISO text and are cast. */
    private record KeyArrays(java.sql.Array orgUnits, java.sql.Array indicators, java.sql.Array dates) {

        static KeyArrays of(Connection connection, Collection<Content.Key> keys) throws SQLException {
            return new KeyArrays(
                    connection.createArrayOf("text", keys.stream().map(Content.Key::orgUnit).toArray()),
                    connection.createArrayOf("text", keys.stream().map(Content.Key::indicator).toArray()),
                    connection.createArrayOf("text", keys.stream().map(key -> key.date().toString()).toArray()));
        }

        void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setArray(first, orgUnits);
            statement.setArray(first + 1, indicators);
            statement.setArray(first + 2, dates);
        }
    }
}
