package io.mubiao.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.mubiao.events.Topics;

/**
 * Kafka intake: produces a step's reports as JSON records to progress.reported (key = orgUnit, as other systems
 * would) and waits until progress-service has stored them all (its consumer group's committed offsets, then one
 * count of the stored rows). Two figures:
 * the produce phase alone (Kafka's own floor on this machine) and produce-to-stored (the intake rate).
 */
final class KafkaIntake {

    /** The reportedBy progress-service's consumer records on what it stores from the topic. */
    static final String REPORTED_BY = "kafka:" + Topics.PROGRESS_REPORTED;
    static final String STORED_STEP = "Kafka produce to stored";
    static final String STORED_METHOD = "to " + Topics.PROGRESS_REPORTED + ", consumed by progress-service";
    /** progress-service's consumer group for the topic (its application.properties). */
    static final String CONSUMER_GROUP = "progress-service.reported";
    private static final long POLL_MILLIS = 250;

    private final String bootstrap;
    private final Database db;
    private final Progress progress;
    private ProducedOffsets produced;

    KafkaIntake(String bootstrap, Database db, Progress progress) {
        this.bootstrap = bootstrap;
        this.db = db;
        this.progress = progress;
    }

    /** The produce measurement, then the produce-to-stored one. */
    List<Measurement> run(ReportPlan plan, int progressEvery, int stallSeconds) {
        progress.say(String.format("Kafka: %,d records to %s at %s, then waiting until progress-service has stored them"
                + " (eventIds %s…)", plan.size(), Topics.PROGRESS_REPORTED, bootstrap, plan.eventIdPrefix));
        long total = plan.size();
        AtomicReference<Exception> sendError = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        long start;
        long produced;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
            // Fetch the topic's metadata before the clock starts: a first send otherwise pays for it.
            ProducedOffsets offsets = new ProducedOffsets(Topics.PROGRESS_REPORTED,
                    producer.partitionsFor(Topics.PROGRESS_REPORTED).size());
            this.produced = offsets;
            start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                Report report = plan.report(i);
                producer.send(new ProducerRecord<>(Topics.PROGRESS_REPORTED, report.orgUnit(), ReportJson.one(report)),
                        (metadata, e) -> {
                            if (e != null) {
                                sendError.compareAndSet(null, e);
                            } else {
                                acked.incrementAndGet();
                                offsets.add(metadata.partition(), metadata.offset());
                            }
                        });
                if ((i + 1) % progressEvery == 0 || i + 1 == total) {
                    progress.line("Kafka produce", String.format("%s %,d/%,d sent", Progress.bar(i + 1, total), i + 1, total));
                }
            }
            producer.flush();
            produced = System.nanoTime();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new Failure("Kafka at " + bootstrap + ": " + e.getMessage()
                    + " (set KAFKA_BOOTSTRAP_SERVERS or --kafka; --skip-kafka leaves this step out)", e);
        }
        if (sendError.get() != null || acked.get() != total) {
            throw new Failure("Kafka at " + bootstrap + ": " + acked.get() + " of " + total + " records acknowledged"
                    + (sendError.get() == null ? "" : "; first error: " + sendError.get()));
        }
        List<Measurement> results = new ArrayList<>();
        Measurement produce = Measurement.measured("Kafka produce only", "to " + Topics.PROGRESS_REPORTED
                + ", acks=all, the floor of Kafka intake", total, produced - start, List.of());
        progress.say(String.format("Kafka produce: %,d records in %.2f s = %,.0f records/s", total, produce.seconds(),
                produce.rowsPerSecond()));
        results.add(produce);
        results.add(awaitStored(plan, total, start, stallSeconds));
        return results;
    }

    /** Where the last {@link #run}'s records landed, for {@link KafkaConsume} to read them again. */
    ProducedOffsets produced() {
        return produced;
    }

    /**
     * Waits until progress-service's consumer group has committed past every produced record, then counts the
     * stored rows once. The group commits a batch's offsets only after the batch is stored (its connector's
     * commit strategy), so the offsets say when the last report is in without a count over a growing table
     * every quarter of a second, which would take a good share of a core from the intake it measures.
     * Gives up when the offsets have not moved for {@code stallSeconds}.
     */
    private Measurement awaitStored(ReportPlan plan, long total, long start, int stallSeconds) {
        String step = STORED_STEP;
        String method = STORED_METHOD;
        Map<TopicPartition, Long> from = produced.from();
        Map<TopicPartition, Long> until = produced.until();
        long span = produced.span();
        long lastDone = -1;
        long lastChange = System.nanoTime();
        long lastNote = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long done = 0;
                for (Map.Entry<TopicPartition, Long> partition : until.entrySet()) {
                    OffsetAndMetadata offset = committed.get(partition.getKey());
                    long at = offset == null ? 0 : Math.min(offset.offset(), partition.getValue());
                    done += Math.max(0, at - from.get(partition.getKey()));
                }
                long now = System.nanoTime();
                if (done >= span) {
                    return stored(plan, total, now - start);
                }
                if (done != lastDone) {
                    lastDone = done;
                    lastChange = now;
                }
                if (now - lastChange > stallSeconds * 1_000_000_000L) {
                    String note = String.format("timed out: %s committed %,d of %,d offsets, none for %d s. Does "
                            + "progress-service consume %s? --skip-kafka leaves this step out", CONSUMER_GROUP, done,
                            span, stallSeconds, Topics.PROGRESS_REPORTED);
                    progress.say("Kafka: " + note);
                    return Measurement.notMeasured(step, method, Measurement.Status.TIMED_OUT, note);
                }
                // A line a second while offsets move, every ten seconds while they do not.
                if (now - lastNote > (now - lastChange < 2_000_000_000L ? 1_000_000_000L : 10_000_000_000L)) {
                    lastNote = now;
                    progress.line("Kafka stored", String.format("%s %,d/%,d  (%.0f s since the first send)",
                            Progress.bar(done, span), done, span, (now - start) / 1e9));
                }
                Progress.sleep(POLL_MILLIS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new Failure("Kafka at " + bootstrap + ": reading the offsets of " + CONSUMER_GROUP + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for " + CONSUMER_GROUP, e);
        }
    }

    /** The measurement once the offsets are committed, if every report is indeed stored (none dead-lettered). */
    private Measurement stored(ReportPlan plan, long total, long nanos) {
        long count = db.storedCount(plan.eventIdPrefix, REPORTED_BY);
        if (count != total) {
            throw new Failure(String.format("Kafka: %s committed every offset but %,d of %,d reports are stored"
                    + " (dead-lettered? see %s)", CONSUMER_GROUP, count, total, Topics.PROGRESS_REPORTED_DLQ));
        }
        Measurement m = Measurement.measured(STORED_STEP, STORED_METHOD, total, nanos, List.of());
        progress.say(String.format("Kafka: %,d reports stored %.2f s after the first send = %,.0f reports/s",
                total, m.seconds(), m.rowsPerSecond()));
        return m;
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Throughput settings an integrating system would use for a bulk feed: larger batches, a short linger.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "mubiao-benchmark");
        return p;
    }
}
