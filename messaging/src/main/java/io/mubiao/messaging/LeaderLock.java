package io.mubiao.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes one relay per outbox table the leader: a session-level advisory lock, named after the schema, held on
 * a connection kept for as long as the leadership lasts. PostgreSQL drops the lock with the session, so a
 * crashed leader's lock goes as soon as its connection does. The leader also reads and deletes outbox rows on
 * this connection, so that a lost connection stops it from working as well.
 */
final class LeaderLock implements AutoCloseable {

    /** Where the connection comes from: a pool's {@code getConnection}, or a driver in the tests. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    private final ConnectionSource source;
    private Connection connection;
    private String schema;

    LeaderLock(ConnectionSource source) {
        this.source = source;
    }

    /** Takes the lock if no other session holds it; true when this relay now leads. */
    boolean tryAcquire() throws SQLException {
        if (connection != null) {
            return true;
        }
        Connection candidate = source.connect();
        try {
            candidate.setAutoCommit(true);
            try (Statement statement = candidate.createStatement();
                    // The same key as the transaction-scoped lock of earlier versions, which it therefore excludes.
                    ResultSet row = statement.executeQuery(
                            "select pg_try_advisory_lock(hashtext(current_schema() || '.outbox')), current_schema()")) {
                row.next();
                if (!row.getBoolean(1)) {
                    candidate.close();
                    return false;
                }
                schema = row.getString(2);
            }
        } catch (SQLException | RuntimeException e) {
            candidate.close();
            throw e;
        }
        connection = candidate;
        return true;
    }

    boolean held() {
        return connection != null;
    }

    /** The leader's connection, in auto-commit mode; only while {@link #held()}. */
    Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("not the outbox leader");
        }
        return connection;
    }

    /** The schema whose outbox this relay leads. */
    String schema() {
        connection();
        return schema;
    }

    /** False when the leader's session is gone (and with it the lock). */
    boolean alive() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Unlocks before closing: a pooled connection goes back to the pool with its session, and would keep the
     * lock there. If the unlock fails the session is almost certainly dead, which releases the lock anyway.
     */
    void release() {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock_all()");
        } catch (SQLException e) {
            // see above
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to do with it
        }
        connection = null;
        schema = null;
    }

    @Override
    public void close() {
        release();
    }
}
