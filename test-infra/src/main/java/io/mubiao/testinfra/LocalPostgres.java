package io.mubiao.testinfra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Embedded PostgreSQL for the local run on a machine where none runs: port {@code PGPORT} (5432), data in
 * the folder given as the first argument, kept across restarts; creates the database {@code PGDATABASE}
 * (test) when missing. Stops on SIGTERM.
 */
public final class LocalPostgres {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LocalPostgres <data-folder>");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
        String database = System.getenv().getOrDefault("PGDATABASE", "test");
        PostgresServer server = PostgresServer.startEmbedded(port, Path.of(args[0]));
        try (var connection = server.connect("postgres");
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "postgres-stop"));
        System.out.println("postgres ready at 127.0.0.1:" + port);
        stopped.await();
    }

    private LocalPostgres() {
    }
}
