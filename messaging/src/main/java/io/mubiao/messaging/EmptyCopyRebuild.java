package io.mubiao.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rebuilds a service's copy when it is empty although the consumer groups kept their offsets (a new database,
 * a restored backup, a dropped schema): when a channel's partitions are assigned and the table that channel
 * fills holds no row, the partitions are read again from their beginning. The reference topics are
 * compacted, so that is their whole current state; other topics give back what their retention still holds.
 * Applying a record twice changes nothing, so the replay is harmless even when the table was empty for
 * another reason.
 * <p>
 * Named {@value #NAME} and attached to the channels with
 * {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name}; each service says which table
 * each topic fills with {@code empty-copy-rebuild.tables=topic=table,…}.
 */
@ApplicationScoped
@Identifier(EmptyCopyRebuild.NAME)
public class EmptyCopyRebuild implements KafkaConsumerRebalanceListener {

    public static final String NAME = "empty-copy-rebuild";

    private static final Logger LOG = Logger.getLogger(EmptyCopyRebuild.class);

    @Inject
    AgroalDataSource dataSource;

    /** The table each consumed topic fills, as {@code topic=table} pairs; none in a service that consumes none. */
    @ConfigProperty(name = "empty-copy-rebuild.tables")
    Optional<List<String>> tables;

    private Map<String, String> tableByTopic;

    /** Table names go into SQL as they are, so only plain identifiers are accepted. */
    private Map<String, String> tableByTopic() {
        if (tableByTopic == null) {
            tableByTopic = tables.orElse(List.of()).stream().map(pair -> pair.split("=", 2)).peek(pair -> {
                if (pair.length != 2 || !pair[1].matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalStateException("empty-copy-rebuild.tables: expected topic=table, not " + String.join("=", pair));
                }
            }).collect(Collectors.toMap(pair -> pair[0].trim(), pair -> pair[1]));
        }
        return tableByTopic;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<String, List<TopicPartition>> byTopic = partitions.stream()
                .collect(Collectors.groupingBy(TopicPartition::topic, TreeMap::new, Collectors.toList()));
        byTopic.forEach((topic, assigned) -> {
            String table = tableByTopic().get(topic);
            if (table != null && isEmpty(table)) {
                consumer.seekToBeginning(assigned);
                LOG.infof("Table %s is empty: rebuilding the copy from the beginning of topic %s (partitions %s)",
                        table, topic, assigned.stream().map(TopicPartition::partition).sorted().toList());
            }
        });
    }

    private boolean isEmpty(String table) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select exists (select 1 from " + table + ")")) {
            return result.next() && !result.getBoolean(1);
        } catch (SQLException e) {
            // Not knowing is no reason to replay: the committed offsets stay where they are.
            LOG.warnf("Could not tell whether table %s is empty; consuming from the committed offsets: %s", table,
                    e.getMessage());
            return false;
        }
    }
}
