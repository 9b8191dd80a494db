package io.mubiao.messaging.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = { "08000", "08001", "08003", "08006", "53300", "57P01", "57P02", "57P03", "40001", "40P01",
            "55P03", "57014", "25006", "58030" })
    void waitsOutFailuresOfTheConnectionOrTheServer(String state) {
        assertTrue(Failures.isTransient(wrapped(new SQLException("down", state))), state);
    }

    @ParameterizedTest
    @ValueSource(strings = { "22021", "22001", "22003", "23502", "23505", "42703", "XX000" })
    void blamesTheDataForFailuresOfTheStatement(String state) {
        assertFalse(Failures.isTransient(wrapped(new SQLException("bad", state))), state);
    }

    @Test
    void waitsOutTransientAndRecoverableExceptionsWhateverTheirState() {
        assertTrue(Failures.isTransient(wrapped(new SQLTransientConnectionException("pool exhausted"))));
        assertTrue(Failures.isTransient(new SQLException("Acquisition timeout", new TimeoutException())));
    }

    @Test
    void readsTheStateOfTheStatementBehindAFailedBatch() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        batch.setNextException(new SQLException("ERROR: terminating connection", "57P01"));
        assertTrue(Failures.isTransient(wrapped(batch)));
    }

    @Test
    void blamesNothingForAFailureWithoutSqlState() {
        assertFalse(Failures.isTransient(new IllegalStateException("bug")));
    }

    @Test
    void describesAFailedBatchByItsStatementsError() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into report was aborted", null,
                new int[0]);
        batch.setNextException(new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        assertEquals("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", Failures.describe(wrapped(batch)));
    }

    @Test
    void describesAFailureByItsDeepestMessage() {
        assertEquals("ERROR: value too long",
                Failures.describe(new RuntimeException("could not execute", new SQLException("ERROR: value too long"))));
        assertEquals("NullPointerException", Failures.describe(new NullPointerException()));
    }

    @Test
    void stopsWalkingAChainOfCausesThatNeverEnds() {
        RuntimeException looping = new RuntimeException("outer", null) {
            @Override
            public synchronized Throwable getCause() {
                return new RuntimeException("inner", this);
            }
        };
        assertFalse(Failures.isTransient(looping));
    }

    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("storing failed", new RuntimeException("JDBC", e));
    }
}
