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

    /** One running copy of a service: number 1 is started with the suite, further ones by {@link #startAnother}. */
    record Instance(Service service, int number) {

        String name() {
            return number == 1 ? service.module : service.module + "-" + number;
        }
    }

    /** The broker the services use: in this JVM, or a {@link BrokerProcess} that a test may kill. */
    private final AutoCloseable broker;
    private final String bootstrapServers;
    private final TestDatabase database;
    private final Path root;
    private final Map<Instance, Process> processes = new LinkedHashMap<>();
    /** How each instance was started (command, port, environment, log), so that it can be started again alike. */
    private final Map<Instance, ProcessBuilder> launches = new LinkedHashMap<>();
    private final Map<Instance, Integer> ports = new LinkedHashMap<>();
    private final Path logDir;
    private final JwtKeys keys;

    private RunningSuite(AutoCloseable broker, String bootstrapServers, TestDatabase database, Path root, Path logDir,
            JwtKeys keys) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.root = root;
        this.database = database;
        this.logDir = logDir;
        this.keys = keys;
    }

    static RunningSuite start() {
        return start(PostgresServer.findOrStartForTests());
    }

    /** The suite on a database of its own on {@code server}, which the caller starts and stops (and may stop meanwhile). */
    static RunningSuite start(PostgresServer server) {
        KafkaBroker broker = KafkaBroker.startTemporary();
        return start(server, broker, broker.bootstrapServers());
    }

    /** The suite with its broker in a process of its own, which {@link #killBroker()} can kill. */
    static RunningSuite startWithBrokerProcess() {
        Path target = root().resolve("e2e/target");
        BrokerProcess broker = BrokerProcess.start(root(), target.resolve("kafka"), target.resolve("service-logs/kafka.log"));
        return start(PostgresServer.findOrStartForTests(), broker, broker.bootstrapServers());
    }

    private static Path root() {
        return Path.of(System.getProperty("mubiao.root", "..")).toAbsolutePath().normalize();
    }

    private static RunningSuite start(PostgresServer server, AutoCloseable broker, String bootstrapServers) {
        Path root = root();
        TestDatabase database = TestDatabase.create(server, "mubiao_e2e");
        Path target = root.resolve("e2e/target");
        RunningSuite suite = new RunningSuite(broker, bootstrapServers, database, root, target.resolve("service-logs"),
                JwtKeys.inFolder(target.resolve("jwt-keys")));
        try {
            Files.createDirectories(suite.logDir);
            for (Service service : Service.values()) {
                suite.launch(new Instance(service, 1));
            }
            for (Service service : Service.values()) {
                suite.awaitReady(new Instance(service, 1), Duration.ofSeconds(120));
            }
            return suite;
        } catch (RuntimeException | IOException e) {
            suite.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * Starts one more instance of a service on a port of its own, sharing the broker and the database with the
     * others (the same consumer groups, the same schema), and waits until it is ready.
     */
    Instance startAnother(Service service) {
        int number = (int) processes.keySet().stream().filter(instance -> instance.service() == service).count() + 1;
        Instance instance = new Instance(service, number);
        try {
            launch(instance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(instance, Duration.ofSeconds(120));
        return instance;
    }

    private void launch(Instance instance) throws IOException {
        Service service = instance.service();
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the e2e tests through the reactor (mvn verify)");
        }
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(instance.name() + ".log").toFile());
        PostgresServer server = database.server();
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("PGHOST", server.host());
        env.put("PGPORT", String.valueOf(server.port()));
        env.put("PGDATABASE", database.name());
        env.put("PGUSER", server.user());
        env.put("PGPASSWORD", server.password());
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
        // Relay transactions of 100 records, not progress-service's 5,000: ProgressIntakeExactlyOnceIT stores
        // 10,000 reports as 100 outbox bundles of 100 and kills the service while they are being published, one
        // bundle per transaction (a bundle is never split, and two of 100 exceed 100).
        env.put("OUTBOX_BATCH_SIZE", "100");
        processes.put(instance, builder.start());
        launches.put(instance, builder);
        ports.put(instance, port);
    }

    /** Stops one service the way an operator would (SIGTERM, so its Kafka consumers leave their groups). */
    void stop(Service service) {
        Process process = processes.get(new Instance(service, 1));
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

    /** Kills an instance as a crash would (SIGKILL): no shutdown hook runs, nothing is flushed or committed. */
    void kill(Instance instance) {
        try {
            processes.get(instance).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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
        start(java.util.Arrays.stream(services).map(service -> new Instance(service, 1)).toArray(Instance[]::new));
    }

    /** Starts stopped or killed instances again, as {@link #start(Service...)} does. */
    void start(Instance... instances) {
        for (Instance instance : instances) {
            if (processes.get(instance).isAlive()) {
                throw new IllegalStateException(instance.name() + " is still running; stop it first");
            }
            ProcessBuilder builder = launches.get(instance);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(instance.name() + ".log").toFile()));
            try {
                processes.put(instance, builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Instance instance : instances) {
            awaitReady(instance, Duration.ofSeconds(120));
        }
    }

    /** The file a service's first instance writes its output to. */
    Path log(Service service) {
        return logDir.resolve(service.module + ".log");
    }

    /** The broker the suite's services use. */
    String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    /** Kills the broker (SIGKILL); only for a suite started {@link #startWithBrokerProcess() with a broker process}. */
    void killBroker() {
        brokerProcess().kill();
    }

    /** Starts the killed broker again on its ports and data folder and waits until it answers. */
    void startBroker() {
        brokerProcess().startAgain();
    }

    private BrokerProcess brokerProcess() {
        if (broker instanceof BrokerProcess process) {
            return process;
        }
        throw new IllegalStateException("this suite's broker runs inside the test JVM; use startWithBrokerProcess()");
    }

    /** A connection to the suite's database, in which each service owns a schema of its own name. */
    Connection connectToDatabase() throws SQLException {
        return database.server().connect(database.name());
    }

    private void awaitReady(Instance instance, Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        URI ready = URI.create(url(instance) + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(instance).isAlive()) {
                throw new IllegalStateException(instance.name() + " exited; see " + logDir.resolve(instance.name() + ".log"));
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
        throw new IllegalStateException(instance.name() + " not ready after " + timeout + "; see " + logDir);
    }

    String url(Service service) {
        return url(new Instance(service, 1));
    }

    String url(Instance instance) {
        return "http://127.0.0.1:" + ports.get(instance);
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
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the Kafka broker failed", e);
        } finally {
            database.close();
        }
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
