package io.mubiao.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void answersADatabaseThatRefusesConnections503WithRetryAfter() {
        Response response = mappers.unexpected(new IllegalStateException("could not read the read model",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));

        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("5", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals(503, problem.status());
        assertEquals("Service Unavailable", problem.title());
    }

    @Test
    void answersADatabaseShuttingDownAndAPoolWithoutConnections503() {
        assertEquals(503, mappers.unexpected(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))).getStatus());
        assertEquals(503, mappers.unexpected(new RuntimeException(
                new SQLException("FATAL: the database system is starting up", "57P03"))).getStatus());
        assertEquals(503, mappers.unexpected(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))).getStatus());
    }

    @Test
    void answersAFailureOfTheStatementItself500WithoutRetryAfter() {
        Response response = mappers.unexpected(new RuntimeException(
                new SQLException("ERROR: column \"x\" does not exist", "42703")));

        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
    }
}
