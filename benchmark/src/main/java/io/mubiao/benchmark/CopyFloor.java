package io.mubiao.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The floor: the same rows as a REST step, written by PostgreSQL's COPY straight into a scratch table shaped like
 * progress.report (same columns, checks, primary key and unique constraint: {@code like … including all}), in
 * the same batches, each committed. No validation, no revision lookup, no outbox: what the database alone costs.
 * The table lives in the scratch schema {@code bench} and is dropped afterwards.
 */
final class CopyFloor {

    static final String SCHEMA = "bench";
    private static final String COLUMNS = "event_id, org_unit, indicator, date, revision, value, numerator, denominator,"
            + " note, reported_by, recorded_at";

    private final Settings settings;
    private final Progress progress;

    CopyFloor(Settings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    Measurement run(ReportPlan plan, int batchSize, String runId) {
        String table = SCHEMA + ".report_" + runId.toLowerCase().replaceAll("[^a-z0-9]", "_");
        int batches = plan.batches(batchSize);
        progress.say(String.format("COPY: %,d rows in %d COPY statements of up to %,d into the scratch table %s (like"
                + " progress.report, including its constraints and indexes)", plan.size(), batches, batchSize, table));
        try (Connection connection = Database.connect(settings)) {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("create schema if not exists " + SCHEMA);
                s.execute("create table " + table + " (like progress.report including all)");
            }
            try {
                return copy(connection, plan, batchSize, batches, table);
            } finally {
                drop(connection, table);
            }
        } catch (SQLException e) {
            throw new Failure("COPY into " + table + " in " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private Measurement copy(Connection connection, ReportPlan plan, int batchSize, int batches, String table)
            throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "copy " + table + " (" + COLUMNS + ") from stdin (format csv)";
        String recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        List<Long> latencies = new ArrayList<>();
        long first = 0;
        long last = 0;
        long done = 0;
        for (int b = 0; b < batches; b++) {
            List<Report> batch = plan.batch(b, batchSize);
            byte[] csv = csv(batch, recordedAt);
            long t0 = System.nanoTime();
            if (b == 0) {
                first = t0;
            }
            try {
                copy.copyIn(sql, new ByteArrayInputStream(csv));
            } catch (IOException e) {
                throw new SQLException("COPY: " + e.getMessage(), e);
            }
            last = System.nanoTime();
            latencies.add(last - t0);
            done += batch.size();
            progress.line("COPY", String.format("%s %,d/%,d  batch %d/%d  %,d in %.2f s", Progress.bar(done, plan.size()),
                    done, plan.size(), b + 1, batches, batch.size(), (last - t0) / 1e9));
        }
        Measurement m = Measurement.measured("PostgreSQL COPY (floor)", "CopyManager into a scratch copy of"
                + " progress.report, batches of " + String.format("%,d", batchSize), plan.size(), last - first, latencies);
        progress.say(String.format("COPY: %,d rows in %.2f s = %,.0f rows/s (batch p50 %.0f ms, max %.0f ms)", m.rows(),
                m.seconds(), m.rowsPerSecond(), m.p50Millis(), m.maxMillis()));
        return m;
    }

    /** Rows as progress-service stores a first report: revision 1, value computed for a RATIO, no note. */
    static byte[] csv(List<Report> batch, String recordedAt) {
        StringBuilder sb = new StringBuilder(batch.size() * 150);
        for (Report r : batch) {
            sb.append(r.eventId()).append(',').append(r.orgUnit()).append(',').append(r.indicator()).append(',')
                    .append(r.date()).append(",1,").append(r.storedValue().toPlainString()).append(',');
            if (r.isRatio()) {
                sb.append(r.numerator()).append(',').append(r.denominator());
            } else {
                sb.append(',');
            }
            sb.append(",,benchmark,").append(recordedAt).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void drop(Connection connection, String table) {
        try (Statement s = connection.createStatement()) {
            s.execute("drop table if exists " + table);
        } catch (SQLException e) {
            progress.say("WARNING: could not drop " + table + ": " + e.getMessage());
            return;
        }
        try (Statement s = connection.createStatement()) {
            // Restrict: another run's scratch table in the schema keeps it.
            s.execute("drop schema if exists " + SCHEMA + " restrict");
        } catch (SQLException e) {
            progress.say("note: schema " + SCHEMA + " kept: " + e.getMessage());
        }
    }
}
