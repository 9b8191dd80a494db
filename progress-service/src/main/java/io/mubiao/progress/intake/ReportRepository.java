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
     * The highest stored revision of each key that has one; a key never reported is absent. Nothing is locked:
     * a concurrent writer that stores the same key's next revision first makes {@link #insert} fail on the
     * unique key (org_unit, indicator, date, revision), and the batch is planned again.
     */
    public Map<Content.Key, RevisionPlanner.Stored> latest(Collection<Content.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<Content.Key, RevisionPlanner.Stored> stored = new HashMap<>();
            // One backward descent of the unique index per key (a lateral join): a plain join over 10,000 keys
            // is planned as a hash join that reads the whole table.
            try (PreparedStatement select = connection.prepareStatement("""
                    select r.event_id, r.revision, r.org_unit, r.indicator, r.date, r.value, r.numerator,
                           r.denominator, r.note
                    from unnest(?::text[], ?::text[], ?::date[]) as k(org_unit, indicator, date)
                    cross join lateral (
                        select * from report r
                        where r.org_unit = k.org_unit and r.indicator = k.indicator and r.date = k.date
                        order by r.revision desc limit 1) r""")) {
                KeyArrays.of(connection, keys).bind(select, 1);
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

    /**
     * Makes this transaction wait until no other retrying one runs (a transaction-scoped advisory lock).
     * Writers that collided retry one at a time, each planning on what the one before committed, so that
     * many requests racing for one key all get through in a few attempts instead of colliding again.
     */
    public void takeRetryTurn() {
        session().doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext(current_schema() || '.report-retry'))")) {
                lock.execute();
            }
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
     * Inserts the accepted revisions in one COPY. A client's eventId already stored, or a revision number
     * another transaction stored first, makes it fail with a unique violation: {@link IntakeService} then plans
     * again, with the stored eventIds looked up.
     */
    public void insert(List<RevisionPlanner.Accepted> accepted, String reportedBy, Instant recordedAt) {
        if (accepted.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            String at = recordedAt.atOffset(ZoneOffset.UTC).toString();
            CopyIn reports = new CopyIn("report (event_id, org_unit, indicator, date, revision, value, numerator, "
                    + "denominator, note, reported_by, recorded_at)");
            // In key order (a stable sort keeps a key's revisions in order): two batches reporting the same keys
            // then wait for each other on their first common key, never in a cycle.
            List<RevisionPlanner.Accepted> byKey = new ArrayList<>(accepted);
            byKey.sort(Comparator.comparing(report -> report.report().content().key()));
            for (RevisionPlanner.Accepted report : byKey) {
                Content content = report.report().content();
                reports.add(report.eventId()).add(content.orgUnit()).add(content.indicator()).add(content.date())
                        .add(report.revision()).add(plain(content.value())).add(plain(content.numerator()))
                        .add(plain(content.denominator())).add(content.note()).add(reportedBy).add(at).endRow();
            }
            copyExpectingCollisions(reports, connection);
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
