package io.mubiao.testinfra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real in-JVM Kafka broker for a {@code @QuarkusTest} and points the application at it.
 * Use with {@code @QuarkusTestResource(KafkaTestResource.class)}; tests read the address from
 * {@link #bootstrapServers()} or the {@code kafka.bootstrap.servers} config.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    @Override
    public synchronized Map<String, String> start() {
        broker = KafkaBroker.startTemporary();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public static String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
