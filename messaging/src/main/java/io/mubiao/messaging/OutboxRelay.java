package io.mubiao.messaging;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the {@link OutboxPublisher} on its own thread, woken after each commit that wrote to the outbox and at
 * least every {@code outbox.poll-interval-ms}, retrying with a growing pause while the broker or the database
 * is away. Consumers reading with {@code isolation.level=read_committed} see each outbox record once, in id
 * order (a bundle's records in their order) per key; one instance of a service leads and publishes, the
 * others take over when it goes.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /** Records per Kafka transaction (a bundle counts as its records, and is never split: see OutboxPublisher). */
    @ConfigProperty(name = "outbox.batch-size", defaultValue = "1000")
    int batchSize;

    @ConfigProperty(name = "outbox.poll-interval-ms", defaultValue = "500")
    long pollIntervalMs;

    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread worker;
    private OutboxPublisher publisher;

    void start(@Observes StartupEvent event) {
        Properties kafkaClient = new Properties();
        kafkaClient.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        publisher = new OutboxPublisher(dataSource::getConnection, kafkaClient, batchSize, applicationName);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }

    /** Asks the relay to drain now rather than at its next poll. */
    public void wakeUp() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                do {
                    publisher.drainOnce();
                } while (publisher.moreWaiting() && running);
                failures = 0;
                awaitWakeUp(pollIntervalMs);
            } catch (Exception e) {
                failures++;
                // Log the first failure of an outage and then every 30th, not every retry.
                if (failures == 1 || failures % 30 == 0) {
                    LOG.warnf("outbox relay cannot publish (attempt %d), retrying: %s", failures, e.getMessage());
                }
                awaitWakeUp(Math.min(5_000, 200 * failures));
            }
        }
    }

    private void awaitWakeUp(long millis) {
        synchronized (signal) {
            if (!wakeRequested && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }
}
