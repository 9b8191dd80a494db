package io.mubiao.messaging.deadletter;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that will pass by itself (the database or the network is away, a lock was contended) from
 * one that storing the same reports again would meet again. Only the second kind may send a record to the
 * dead-letter topic; the first is waited out.
 */
public final class Failures {

    /** SQL state classes of a failure of the connection or of the server, not of the statement. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "08", // connection exception
            "53", // insufficient resources: disk full, out of memory, too many connections
            "58"); // system error: I/O error on the server
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available
            "57014", // query_canceled (a statement timeout under load)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: the server is starting or in recovery
            "25006"); // read_only_sql_transaction: connected to a standby during a failover

    /** How deep a chain of causes is walked, in case one loops. */
    private static final int MAX_DEPTH = 32;

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_DEPTH; cause = next(cause)) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    String state = each.getSQLState();
                    if (state != null && state.length() == 5
                            && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * What went wrong, in the words of the deepest cause that has any: for a failed JDBC batch, the
     * statement's own error ({@code ERROR: …}) rather than "Batch entry 0 … was aborted".
     */
    public static String describe(Throwable failure) {
        String message = null;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_DEPTH; cause = next(cause)) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql.getNextException(); each != null; each = each.getNextException()) {
                    if (each.getMessage() != null) {
                        return each.getMessage();
                    }
                }
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
