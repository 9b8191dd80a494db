package io.mubiao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.mubiao.testinfra.FreePort;
import io.mubiao.testinfra.JwtKeys;
import io.mubiao.testinfra.KafkaBroker;
import io.mubiao.testinfra.PostgresServer;
import io.mubiao.testinfra.TestDatabase;
import io.mubiao.testinfra.Tokens;

/**
 * The whole suite as it runs in production: the three packaged services ({@code quarkus-run.jar}) as
 * separate processes on free ports, a real Kafka broker, a database of their own on a real PostgreSQL and a
 * key pair that signs the callers' tokens. Everything it starts it stops on {@link #close()}.
 */
final class RunningSuite implements AutoCloseable {

    enum Service {
        TARGET("target-service"), PROGRESS("progress-service"), REPORT("report-service");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    private final KafkaBroker broker;
    private final TestDatabase database;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    /** How each service was started (command, port, environment, log), so that it can be started again alike. */
    private final Map<Service, ProcessBuilder> launches = new LinkedHashMap<>();
    private final Map<Service, Integer> ports = new LinkedHashMap<>();
    private final Path logDir;
    private final JwtKeys keys;

    private RunningSuite(KafkaBroker broker, TestDatabase database, Path logDir, JwtKeys keys) {
        this.broker = broker;
        this.database = database;
        this.logDir = logDir;
        this.keys = keys;
    }

    static RunningSuite start() {
        Path root = Path.of(System.getProperty("mubiao.root", "..")).toAbsolutePath().normalize();
        KafkaBroker broker = KafkaBroker.startTemporary();
        TestDatabase database = TestDatabase.create(PostgresServer.findOrStartForTests(), "mubiao_e2e");
        Path target = root.resolve("e2e/target");
        RunningSuite suite = new RunningSuite(broker, database, target.resolve("service-logs"),
                JwtKeys.inFolder(target.resolve("jwt-keys")));
        try {
            Files.createDirectories(suite.logDir);
            for (Service service : Service.values()) {
                suite.launch(root, service);
            }
            for (Service service : Service.values()) {
                suite.awaitReady(service, Duration.ofSeconds(120));
            }
            return suite;
        } catch (RuntimeException | IOException e) {
            suite.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void launch(Path root, Service service) throws IOException {
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the e2e tests through the reactor (mvn verify)");
        }
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(service.module + ".log").toFile());
        PostgresServer server = database.server();
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("PGHOST", server.host());
        env.put("PGPORT", String.valueOf(server.port()));
        env.put("PGDATABASE", database.name());
        env.put("PGUSER", server.user());
        env.put("PGPASSWORD", server.password());
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
        processes.put(service, builder.start());
        launches.put(service, builder);
        ports.put(service, port);
    }

    /** Stops one service the way an operator would (SIGTERM, so its Kafka consumers leave their groups). */
    void stop(Service service) {
        Process process = processes.get(service);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts stopped services again, each on its former port with its former environment, its output appended
     * to its log, and waits until all of them are ready.
     */
    void start(Service... services) {
        for (Service service : services) {
            if (processes.get(service).isAlive()) {
                throw new IllegalStateException(service.module + " is still running; stop it first");
            }
            ProcessBuilder builder = launches.get(service);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
            try {
                processes.put(service, builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Service service : services) {
            awaitReady(service, Duration.ofSeconds(120));
        }
    }

    /** The file a service's output goes to. */
    Path log(Service service) {
        return logDir.resolve(service.module + ".log");
    }

    /** A connection to the suite's database, in which each service owns a schema of its own name. */
    Connection connectToDatabase() throws SQLException {
        return database.server().connect(database.name());
    }

    private void awaitReady(Service service, Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        URI ready = URI.create(url(service) + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service.module + " exited; see " + logDir.resolve(service.module + ".log"));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.module + " not ready after " + timeout + "; see " + logDir);
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Signs tokens the running services trust. */
    Tokens tokens() {
        return new Tokens(keys);
    }

    @Override
    public void close() {
        for (Process process : processes.values()) {
            process.destroy();
        }
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        broker.close();
        database.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
