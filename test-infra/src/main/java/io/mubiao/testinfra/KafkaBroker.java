package io.mubiao.testinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM.
 * Automatic topic creation is off, as in production: the services create their topics themselves.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteDataOnClose;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteDataOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    /** A broker on free ports with its data in a temporary folder, deleted on close. */
    public static KafkaBroker startTemporary() {
        try {
            return start(FreePort.find(), FreePort.find(), Files.createTempDirectory("mubiao-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker whose data stays in {@code dataDir}; a restart on the same folder keeps the topics. */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir, boolean deleteDataOnClose) {
        // A fatal broker error calls Exit, which would otherwise end the whole JVM (a test fork, say).
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka asked to exit with " + code + ": " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka asked to halt with " + code + ": " + message);
        });
        try {
            Path logDir = dataDir.resolve("log");
            Files.createDirectories(logDir);
            Properties props = brokerProperties(port, controllerPort, logDir);
            Path configFile = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "single-node KRaft broker");
            }
            format(configFile, clusterId(logDir));
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + port;
            awaitReady(bootstrap);
            return new KafkaBroker(server, bootstrap, dataDir, deleteDataOnClose);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties brokerProperties(int port, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("log.dirs", logDir.toString());
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return props;
    }

    /** The cluster id the folder was formatted with, so a restart keeps it; a new one for an empty folder. */
    private static String clusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties properties = new Properties();
            try (java.io.InputStream in = Files.newInputStream(meta)) {
                properties.load(in);
            }
            String id = properties.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // execute, not main: main calls System.exit.
            code = StorageTool.execute(new String[] { "format", "-t", clusterId, "-c",
                    configFile.toString(), "--ignore-formatted" }, out);
        } catch (Exception e) {
            throw new IllegalStateException("formatting the Kafka log folder failed", e);
        }
        if (code != 0) {
            throw new IllegalStateException("formatting the Kafka log folder failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void awaitReady(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker at " + bootstrap + " did not answer", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteDataOnClose) {
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
