package io.mubiao.progress.intake.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PartitionGroupsTest {

    @Test
    void keepsEachPartitionWholeAndInOffsetOrderAndBalancesTheParts() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        int[] sizes = { 5, 1, 3, 3 }; // partitions 0 to 3, interleaved as a poll returns them
        int[] offsets = new int[sizes.length];
        for (int round = 0; round < 5; round++) {
            for (int partition = 0; partition < sizes.length; partition++) {
                if (offsets[partition] < sizes[partition]) {
                    records.add(new ConsumerRecord<>("t", partition, offsets[partition]++, "k", "v"));
                }
            }
        }

        List<List<ConsumerRecord<String, String>>> parts = PartitionGroups.split(records, 2);

        assertEquals(2, parts.size());
        assertEquals(List.of(6, 6), parts.stream().map(List::size).toList()); // 5 + 1 and 3 + 3
        for (List<ConsumerRecord<String, String>> part : parts) {
            for (int partition = 0; partition < sizes.length; partition++) {
                int p = partition;
                List<Long> inPart = part.stream().filter(r -> r.partition() == p).map(ConsumerRecord::offset).toList();
                List<Long> all = records.stream().filter(r -> r.partition() == p).map(ConsumerRecord::offset).toList();
                if (!inPart.isEmpty()) {
                    assertEquals(all, inPart, "partition " + p + " whole and in order");
                }
            }
        }
        assertEquals(records.size(), parts.stream().mapToInt(List::size).sum());
    }

    @Test
    void oneMorePartThanPartitionsIsNeverMade() {
        List<ConsumerRecord<String, String>> records = List.of(new ConsumerRecord<>("t", 2, 0, "k", "v"),
                new ConsumerRecord<>("t", 2, 1, "k", "v"));

        assertEquals(List.of(records), PartitionGroups.split(records, 2));
    }
}
