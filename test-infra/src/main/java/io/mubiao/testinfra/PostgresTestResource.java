package io.mubiao.testinfra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a fresh database of its own on the machine's PostgreSQL (or an embedded
 * one where none answers), dropped when the tests end.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create(PostgresServer.findOrStartForTests(), "mubiao_test");
        PostgresServer server = database.server();
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
