package io.mubiao.testinfra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The broker of the local run (deploy/run-local.sh): {@code KAFKA_PORT} (9092), {@code KAFKA_CONTROLLER_PORT}
 * (9093) and a data folder given as the first argument, kept across restarts. Stops on SIGTERM.
 */
public final class LocalKafka {

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: LocalKafka <data-folder>");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(System.getenv().getOrDefault("KAFKA_CONTROLLER_PORT", "9093"));
        KafkaBroker broker = KafkaBroker.start(port, controllerPort, Path.of(args[0]), false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-stop"));
        System.out.println("kafka ready at " + broker.bootstrapServers());
        stopped.await();
    }

    private LocalKafka() {
    }
}
