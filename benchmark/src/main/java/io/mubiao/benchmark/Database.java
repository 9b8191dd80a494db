package io.mubiao.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

/**
 * The suite's PostgreSQL, read from outside: progress-service's reference copy and stored reports. The
 * benchmark reads the tables directly because no API answers "how many of these are stored" cheaply.
 */
final class Database implements AutoCloseable {

    private final Settings settings;
    private final Connection connection;

    Database(Settings settings) {
        this.settings = settings;
        this.connection = connect(settings);
    }

    static Connection connect(Settings settings) {
        Properties props = new Properties();
        props.setProperty("user", settings.pgUser);
        props.setProperty("password", settings.pgPassword);
        props.setProperty("ApplicationName", "mubiao-benchmark");
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new Failure("cannot connect to PostgreSQL at " + settings.jdbcUrl() + " as " + settings.pgUser + ": "
                    + e.getMessage() + " (set PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD as for the suite)", e);
        }
    }

    String describe() {
        return settings.jdbcUrl();
    }

    String version() {
        return single("select current_setting('server_version')", String.class);
    }

    /** How many of these codes a table (keyed by {@code code}) holds. */
    long countOf(String table, List<String> codes) {
        try (PreparedStatement ps = connection.prepareStatement("select count(*) from " + table + " where code = any(?)")) {
            Array array = connection.createArrayOf("text", codes.toArray());
            ps.setArray(1, array);
            return longOf(ps);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // progress-service has not migrated its schema yet
            }
            throw failure("counting " + table, e);
        }
    }

    /** The earliest date a unit has reports for, or null when it has none. */
    LocalDate earliestDate(String orgUnit) {
        try (PreparedStatement ps = connection.prepareStatement("select min(date) from progress.report where org_unit = ?")) {
            ps.setString(1, orgUnit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, LocalDate.class);
            }
        } catch (SQLException e) {
            throw failure("reading the earliest report date", e);
        }
    }

    /** Stored reports whose eventId starts with the prefix, optionally only those reported by {@code reportedBy}. */
    long storedCount(String eventIdPrefix, String reportedBy) {
        String sql = "select count(*) from progress.report where event_id like ?"
                + (reportedBy == null ? "" : " and reported_by = ?");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, like(eventIdPrefix));
            if (reportedBy != null) {
                ps.setString(2, reportedBy);
            }
            return longOf(ps);
        } catch (SQLException e) {
            throw failure("counting stored reports", e);
        }
    }

    /** Records progress-service's outbox relay has not published yet (a bundle row counts as its records). */
    long outboxBacklog() {
        return countOrZero("select coalesce(sum(coalesce(records, 1)), 0) from progress.outbox", null);
    }

    /** Reports report-service's read model holds whose eventId starts with the prefix (0 without the schema). */
    long observedCount(String eventIdPrefix) {
        return countOrZero("select count(*) from report.observation where event_id like ?", eventIdPrefix);
    }

    private long countOrZero(String sql, String eventIdPrefix) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (eventIdPrefix != null) {
                ps.setString(1, like(eventIdPrefix));
            }
            return longOf(ps);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw failure(sql, e);
        }
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private <T> T single(String sql, Class<T> type) {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, type);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static long longOf(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Failure failure(String what, SQLException e) {
        return new Failure(what + " in " + describe() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at the end of the run; nothing left to do with it
        }
    }
}
