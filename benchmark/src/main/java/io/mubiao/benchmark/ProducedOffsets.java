package io.mubiao.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a producer's records landed: per partition the first and last offset acknowledged, filled in from the send
 * callbacks. A consumer that reads these ranges reads exactly those records again (the benchmark is the topic's
 * only producer while it runs), without a consumer group or a look at the topic's earlier contents.
 */
final class ProducedOffsets {

    private final String topic;
    private final AtomicLongArray first;
    private final AtomicLongArray last;

    ProducedOffsets(String topic, int partitions) {
        this.topic = topic;
        this.first = new AtomicLongArray(partitions);
        this.last = new AtomicLongArray(partitions);
        for (int p = 0; p < partitions; p++) {
            first.set(p, Long.MAX_VALUE);
            last.set(p, -1);
        }
    }

    /** Called from the producer's callbacks (its I/O thread). */
    void add(int partition, long offset) {
        first.accumulateAndGet(partition, offset, Math::min);
        last.accumulateAndGet(partition, offset, Math::max);
    }

    /** The first offset of each partition that received records. */
    Map<TopicPartition, Long> from() {
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        for (int p = 0; p < first.length(); p++) {
            if (last.get(p) >= 0) {
                from.put(new TopicPartition(topic, p), first.get(p));
            }
        }
        return from;
    }

    /** The offset after the last record of each partition that received records (exclusive end). */
    Map<TopicPartition, Long> until() {
        Map<TopicPartition, Long> until = new LinkedHashMap<>();
        for (int p = 0; p < last.length(); p++) {
            if (last.get(p) >= 0) {
                until.put(new TopicPartition(topic, p), last.get(p) + 1);
            }
        }
        return until;
    }

    /** Offsets the ranges cover: the records produced, when nothing else wrote to the topic meanwhile. */
    long span() {
        long span = 0;
        for (int p = 0; p < last.length(); p++) {
            if (last.get(p) >= 0) {
                span += last.get(p) + 1 - first.get(p);
            }
        }
        return span;
    }
}
