package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    EntityManager em;

    /**
     * Locks the latest-revision row of each key that has one until the transaction ends, and returns its
     * revision; a key without a row (never reported) is absent. Rows are locked in one order in every
     * transaction, so two overlapping batches wait for each other instead of deadlocking. A key never reported
     * is not locked: its row is created by {@link #insert}, and a transaction that created it first makes
     * that insert fail on the primary key, after which {@link IntakeService} starts again and finds the row.
     */
    public Map<Content.Key, Integer> lockLatest(Collection<Content.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<Content.Key, Integer> latest = new HashMap<>();
            // One primary-key descent per key, in key order (a lateral join): a plain join over 10,000 keys
            // is planned as a hash join that reads the whole table, a second for a table of a million keys.
            try (PreparedStatement lock = connection.prepareStatement("""
                    select l.org_unit, l.indicator, l.date, l.revision
                    from (select * from unnest(?::text[], ?::text[], ?::date[]) as k(org_unit, indicator, date)
                          order by 1, 2, 3) k
                    cross join lateral (
                        select * from report_latest l
                        where l.org_unit = k.org_unit and l.indicator = k.indicator and l.date = k.date
                        for update) l""")) {
                KeyArrays.of(connection, keys).bind(lock, 1);
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        latest.put(key(rows), rows.getInt(4));
                    }
                }
            }
            return latest;
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
                    from unnest(?::text[], ?::text[], ?::date[], ?::integer[]) as k(org_unit, indicator, date, revision)
                    cross join lateral (
                        select * from report r
                        where r.org_unit = k.org_unit and r.indicator = k.indicator and r.date = k.date
                          and r.revision = k.revision) r""")) {
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
                    select r.event_id, r.org_unit, r.indicator, r.date, r.value, r.numerator, r.denominator, r.note
                    from unnest(?::text[]) as e(event_id)
                    cross join lateral (select * from report r where r.event_id = e.event_id) r""")) {
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
     * Inserts the accepted revisions and moves each key's latest-revision row to its highest new revision,
     * creating the rows of keys never reported: COPYs for the new rows, one statement for the moved ones.
     * A client's eventId already stored, or a key another transaction reported first, makes a COPY fail with a
     * unique violation: {@link IntakeService} then plans again, with the stored eventIds looked up.
     *
     * @param latest the locked keys' revisions, as {@link #lockLatest} returned them
     */
    public void insert(List<RevisionPlanner.Accepted> accepted, String reportedBy, Instant recordedAt,
            Map<Content.Key, Integer> latest) {
        if (accepted.isEmpty()) {
            return;
        }
        Map<Content.Key, Integer> highest = new TreeMap<>();
        accepted.forEach(report -> highest.merge(report.report().content().key(), report.revision(), Math::max));
        session().doWork(connection -> {
            String at = recordedAt.atOffset(ZoneOffset.UTC).toString();
            CopyIn reports = new CopyIn("report (event_id, org_unit, indicator, date, revision, value, numerator, "
                    + "denominator, note, reported_by, recorded_at)");
            // in key order (a stable sort keeps a key's revisions in order), as the new latest-revision rows
            // below: two batches reporting the same new keys then collide on their first key, never in a cycle
            List<RevisionPlanner.Accepted> byKey = new ArrayList<>(accepted);
            byKey.sort(Comparator.comparing(report -> report.report().content().key()));
            for (RevisionPlanner.Accepted report : byKey) {
                Content content = report.report().content();
                reports.add(report.eventId()).add(content.orgUnit()).add(content.indicator()).add(content.date())
                        .add(report.revision()).add(plain(content.value())).add(plain(content.numerator()))
                        .add(plain(content.denominator())).add(content.note()).add(reportedBy).add(at).endRow();
            }
            copyExpectingCollisions(reports, connection);

            CopyIn created = new CopyIn("report_latest (org_unit, indicator, date, revision)");
            List<Content.Key> moved = new ArrayList<>();
            highest.forEach((key, revision) -> {
                if (latest.containsKey(key)) {
                    moved.add(key);
                } else {
                    created.add(key.orgUnit()).add(key.indicator()).add(key.date()).add(revision).endRow();
                }
            });
            copyExpectingCollisions(created, connection);
            if (moved.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    update report_latest l set revision = k.revision
                    from unnest(?::text[], ?::text[], ?::date[], ?::integer[]) as k(org_unit, indicator, date, revision)
                    where l.org_unit = k.org_unit and l.indicator = k.indicator and l.date = k.date""")) {
                KeyArrays.of(connection, moved).bind(update, 1);
                update.setArray(4, connection.createArrayOf("integer", moved.stream().map(highest::get).toArray()));
                update.executeUpdate();
            }
        });
    }

    /**
     * A unique violation here is the expected end of an optimistic attempt (see {@link #insert}): it leaves as
     * {@link Collision}, which Hibernate passes on as it is, instead of an SQLException that it would log as a
     * warning on its way.
     */
    private static void copyExpectingCollisions(CopyIn rows, Connection connection) throws SQLException {
        try {
            rows.copy(connection);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new Collision(e);
            }
            throw e;
        }
    }

    /** A new row collided with a stored one; its cause carries the SQL state that {@link IntakeService} retries. */
    static final class Collision extends RuntimeException {

        Collision(SQLException cause) {
            super(cause.getMessage(), cause);
        }
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
