package io.mubiao.progress.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The report tables through plain JDBC: a batch of reports costs a handful of statements whatever its size
 * (arrays bound as parameters, JDBC batches for the inserts), never one statement per report.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReportRepository {

    @Inject
    EntityManager em;

    /**
     * Locks the latest-revision row of each key until the transaction ends, creating a placeholder (revision
     * 0) for a key never reported, and returns the latest revision of each. Keys are locked in one order in
     * every transaction, so two overlapping batches wait for each other instead of deadlocking.
     */
    public Map<Content.Key, Integer> lockLatest(Collection<Content.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            KeyArrays arrays = KeyArrays.of(connection, keys);
            try (PreparedStatement placeholders = connection.prepareStatement("""
                    insert into report_latest (org_unit, indicator, date, revision)
                    select k.org_unit, k.indicator, k.date, 0
                    from unnest(?::text[], ?::text[], ?::date[]) as k(org_unit, indicator, date)
                    order by k.org_unit, k.indicator, k.date
                    on conflict do nothing""")) {
                arrays.bind(placeholders, 1);
                placeholders.executeUpdate();
            }
            Map<Content.Key, Integer> revisions = new HashMap<>();
            try (PreparedStatement lock = connection.prepareStatement("""
                    select l.org_unit, l.indicator, l.date, l.revision
                    from report_latest l
                    join unnest(?::text[], ?::text[], ?::date[]) as k(org_unit, indicator, date)
                      on l.org_unit = k.org_unit and l.indicator = k.indicator and l.date = k.date
                    order by l.org_unit, l.indicator, l.date
                    for update of l""")) {
                arrays.bind(lock, 1);
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        revisions.put(new Content.Key(rows.getString(1), rows.getString(2),
                                rows.getObject(3, LocalDate.class)), rows.getInt(4));
                    }
                }
            }
            return revisions;
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

    /** Inserts the accepted revisions and moves each key's latest-revision row to its highest new revision. */
    public void insert(List<RevisionPlanner.Accepted> accepted, String reportedBy, Instant recordedAt) {
        if (accepted.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            OffsetDateTime at = recordedAt.atOffset(ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into report (event_id, org_unit, indicator, date, revision, value, numerator, denominator,
                        note, reported_by, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (RevisionPlanner.Accepted report : accepted) {
                    Content content = report.report().content();
                    insert.setString(1, report.eventId());
                    insert.setString(2, content.orgUnit());
                    insert.setString(3, content.indicator());
                    insert.setObject(4, content.date());
                    insert.setInt(5, report.revision());
                    insert.setBigDecimal(6, content.value());
                    insert.setBigDecimal(7, content.numerator());
                    insert.setBigDecimal(8, content.denominator());
                    insert.setString(9, content.note());
                    insert.setString(10, reportedBy);
                    insert.setObject(11, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<Content.Key, Integer> highest = new HashMap<>();
            accepted.forEach(report -> highest.merge(report.report().content().key(), report.revision(), Math::max));
            List<Content.Key> keys = List.copyOf(highest.keySet());
            try (PreparedStatement update = connection.prepareStatement("""
                    update report_latest l set revision = k.revision
                    from unnest(?::text[], ?::text[], ?::date[], ?::integer[]) as k(org_unit, indicator, date, revision)
                    where l.org_unit = k.org_unit and l.indicator = k.indicator and l.date = k.date""")) {
                KeyArrays.of(connection, keys).bind(update, 1);
                update.setArray(4, connection.createArrayOf("integer", keys.stream().map(highest::get).toArray()));
                update.executeUpdate();
            }
        });
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
