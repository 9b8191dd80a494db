package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ProducedOffsetsTest {

    @Test
    void coversFromTheFirstToAfterTheLastAcknowledgedOffsetOfEachPartitionThatGotRecords() {
        ProducedOffsets offsets = new ProducedOffsets("t", 3);
        // callbacks of different batches may come in any order
        offsets.add(0, 12);
        offsets.add(0, 10);
        offsets.add(0, 11);
        offsets.add(2, 500);
        assertEquals(Map.of(new TopicPartition("t", 0), 10L, new TopicPartition("t", 2), 500L), offsets.from());
        assertEquals(Map.of(new TopicPartition("t", 0), 13L, new TopicPartition("t", 2), 501L), offsets.until());
        assertEquals(4, offsets.span());
    }

    @Test
    void nothingProducedIsAnEmptyRange() {
        ProducedOffsets offsets = new ProducedOffsets("t", 2);
        assertEquals(Map.of(), offsets.from());
        assertEquals(0, offsets.span());
    }
}
