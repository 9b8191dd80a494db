package io.mubiao.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.mubiao.events.Topics;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the suite's topics, with the configuration {@link Topics} gives each (compacted, larger records), when
 * they are missing. Brokers run with automatic topic creation off, so a consumer can never create a reference
 * topic uncompacted. Topics that exist are left as they are.
 * Runs in the background and retries, so a service starts even while the broker is still coming up.
 */
@ApplicationScoped
public class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "kafka.topic-replication-factor", defaultValue = "1")
    short replicationFactor;

    void start(@Observes StartupEvent event) {
        Thread creator = new Thread(this::createWithRetries, "topic-creator");
        creator.setDaemon(true);
        creator.start();
    }

    private void createWithRetries() {
        for (int attempt = 1; attempt <= 60; attempt++) {
            try {
                create();
                return;
            } catch (Exception e) {
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("cannot create topics yet (attempt %d): %s", attempt, e.toString());
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.error("gave up creating topics; create them by hand or restart the service");
    }

    void create() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.configs()))
                    .toList();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", topic.name());
                } catch (java.util.concurrent.ExecutionException e) {
                    // Another service created it first.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
