package io.mubiao.testinfra;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A database of its own for one test run, created on a {@link PostgresServer} and dropped afterwards. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestDatabase create(PostgresServer server, String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        execute(server, "create database " + name);
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public PostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        execute(server, "drop database if exists " + name + " with (force)");
    }

    private static void execute(PostgresServer server, String sql) {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
