package io.mubiao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.mubiao.testinfra.FreePort;

/**
 * A Kafka broker in a process of its own (test-infra's LocalKafka, as deploy/run-local.sh runs it), so that a
 * test can kill it as a crash would and start it again on the same ports and data folder.
 */
final class BrokerProcess implements AutoCloseable {

    private final Path root;
    private final Path dataDir;
    private final Path log;
    private final int port = FreePort.find();
    private final int controllerPort = FreePort.find();
    private Process process;

    private BrokerProcess(Path root, Path dataDir, Path log) {
        this.root = root;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts a broker with a new data folder under {@code workDir}; its output goes to {@code log}. */
    static BrokerProcess start(Path root, Path workDir, Path log) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            BrokerProcess broker = new BrokerProcess(root, Files.createTempDirectory(workDir, "kafka-"), log);
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL: the broker gets no chance to flush, close its logs or tell anyone. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker on its former ports and data folder and waits until it answers. */
    void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        try {
            String classpath = Files.readString(root.resolve("test-infra/target/classpath.txt")).trim()
                    + ":" + root.resolve("test-infra/target/classes");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath,
                    "io.mubiao.testinfra.LocalKafka", dataDir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("KAFKA_PORT", String.valueOf(port));
            builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(90));
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited; see " + log);
            }
            if (!FreePort.answers("127.0.0.1", port)) {
                sleep();
                continue;
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                // not listening yet
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + timeout + "; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover folder under target/ does no harm
        }
    }
}
