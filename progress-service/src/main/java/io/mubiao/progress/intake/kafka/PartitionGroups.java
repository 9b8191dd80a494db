package io.mubiao.progress.intake.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Splits a batch into at most {@code groups} parts by partition, so that the parts can be stored side by side:
 * a partition's records stay together and in offset order (a unit's reports, keyed by unit, never overtake
 * each other), and the parts get about as many records each (largest partitions first, each to the part that
 * has the fewest so far). Pure.
 */
final class PartitionGroups {

    private PartitionGroups() {
    }

    static <K, V> List<List<ConsumerRecord<K, V>>> split(List<ConsumerRecord<K, V>> records, int groups) {
        Map<Integer, List<ConsumerRecord<K, V>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : records) {
            byPartition.computeIfAbsent(record.partition(), partition -> new ArrayList<>()).add(record);
        }
        int parts = Math.max(1, Math.min(groups, byPartition.size()));
        List<List<ConsumerRecord<K, V>>> split = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            split.add(new ArrayList<>());
        }
        byPartition.values().stream()
                .sorted(Comparator.comparingInt((List<ConsumerRecord<K, V>> partition) -> partition.size()).reversed())
                .forEach(partition -> split.stream().min(Comparator.comparingInt(List::size)).orElseThrow()
                        .addAll(partition));
        return split;
    }
}
