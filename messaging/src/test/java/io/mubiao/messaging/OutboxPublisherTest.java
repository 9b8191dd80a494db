package io.mubiao.messaging;

import static io.mubiao.messaging.OutboxFixture.drainAll;
import static io.mubiao.messaging.OutboxFixture.each;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.events.Topics;
import io.mubiao.testinfra.KafkaBroker;

/**
 * Crashes at each step of a drain, against a real broker and PostgreSQL; a read_committed consumer must see
 * every outbox record exactly once, plain rows and the records of bundles alike.
 */
class OutboxPublisherTest {

    private static final String READ_COMMITTED = "read_committed";

    private static KafkaBroker broker;
    private OutboxFixture outbox;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void createOutbox() throws Exception {
        outbox = new OutboxFixture(broker);
    }

    @AfterEach
    void dropOutbox() throws Exception {
        outbox.close();
    }

    @Test
    void publishesRowsStoredWhileNoRelayRanExactlyOnce() throws Exception {
        outbox.insert(25);

        drainAll(outbox.publisher(10));

        assertEquals(each(25, 1), outbox.countsById(READ_COMMITTED));
        assertEquals(0, outbox.outboxRows());
    }

    @Test
    void recoversRowsPublishedBeforeTheirDeleteCommitted() throws Exception {
        outbox.insert(15);
        crashAfterKafkaCommit(outbox.publisher(10));

        drainAll(outbox.publisher(10));

        assertEquals(each(15, 1), outbox.countsById(READ_COMMITTED));
        assertEquals(0, outbox.outboxRows());
    }

    /** The same crash as above with the recovery left out: proves that the test above can fail. */
    @Test
    void withoutRecoveryTheSameCrashPublishesTwice() throws Exception {
        outbox.insert(15);
        crashAfterKafkaCommit(outbox.publisher(10));

        drainWithoutRecovery(outbox.publisher(10));

        Map<String, Integer> expected = each(15, 1);
        expected.putAll(each(10, 2));
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
    }

    @Test
    void republishesWhatAnAbandonedTransactionSent() throws Exception {
        outbox.insert(8);
        OutboxPublisher abandoned = outbox.publisher(10);
        abandonAfterSending(abandoned);

        drainAll(outbox.publisher(10));

        assertEquals(each(8, 1), outbox.countsById(READ_COMMITTED));
        assertEquals(each(8, 2), outbox.countsById("read_uncommitted"), "the abandoned sends reached the log, aborted");
        assertThrows(KafkaException.class, abandoned::commit, "the new relay fenced the old one");
        assertEquals(0, outbox.outboxRows());
    }

    @Test
    void findsItsMarkerBehindOtherServicesMarkers() throws Exception {
        outbox.insert(6);
        crashAfterKafkaCommit(outbox.publisher(10));
        try (OutboxFixture otherService = new OutboxFixture(broker)) {
            otherService.insert(12);
            drainAll(otherService.publisher(1)); // twelve markers after ours
        }

        CommitMarkers smallChunks = new CommitMarkers(outbox.kafkaClient(), 5, Duration.ofSeconds(60));
        drainAll(outbox.publisher(10, smallChunks));

        assertEquals(each(6, 1), outbox.countsById(READ_COMMITTED));
    }

    @Test
    void abortsTheTransactionWhenASendFailsAndPublishesOnceAfterwards() throws Exception {
        outbox.insert(3);
        String missing = "outbox-test-missing-" + UUID.randomUUID(); // topics are never created automatically
        outbox.insert(missing, 1);
        OutboxPublisher relay = outbox.publisher(10);

        assertThrows(KafkaException.class, relay::drainOnce);
        OutboxFixture.createTopics(broker, missing);
        drainAll(relay);

        assertEquals(each(3, 1), outbox.countsById(READ_COMMITTED));
        assertEquals(each(3, 2), outbox.countsById("read_uncommitted"), "the first attempt reached the log, aborted");
        assertEquals(Map.of("4", 1), outbox.countsById(missing, READ_COMMITTED));
    }

    @Test
    void keepsGoingAfterTheDatabaseWasAway() throws Exception {
        outbox.insert(12);
        AtomicInteger refusals = new AtomicInteger(3);
        try (OutboxPublisher relay = new OutboxPublisher(() -> {
            if (refusals.getAndDecrement() > 0) {
                throw new SQLException("connection refused", "08001");
            }
            return outbox.connect();
        }, outbox.kafkaClient(), 5, outbox.service)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThrows(SQLException.class, relay::drainOnce);
                assertFalse(relay.leading());
            }
            drainAll(relay);
        }

        assertEquals(each(12, 1), outbox.countsById(READ_COMMITTED));
        assertEquals(0, outbox.outboxRows());
    }

    /**
     * Another relay's transaction, open on the marker topic before this relay's last marker, holds the
     * read_committed end below that marker; recovery must wait for it rather than miss the marker.
     */
    @Test
    void waitsForAnotherRelaysOpenTransactionBeforeReadingMarkers() throws Exception {
        outbox.insert(5);
        try (KafkaProducer<String, String> other = new KafkaProducer<>(transactional("other-" + UUID.randomUUID()))) {
            other.initTransactions();
            other.beginTransaction();
            other.send(new ProducerRecord<>(Topics.OUTBOX_COMMITS, "other", "{}")).get();
            OutboxPublisher crashed = outbox.publisher(10);
            assertTrue(crashed.lead());
            crashed.publish(crashed.nextBatch());
            outbox.cutConnections();

            OutboxPublisher next = outbox.publisher(10);
            Thread committer = new Thread(() -> {
                sleep(1_000);
                other.commitTransaction();
            });
            committer.start();
            drainAll(next);
            committer.join();
        }

        assertEquals(each(5, 1), outbox.countsById(READ_COMMITTED));
    }

    @Test
    void twoRelaysOnOneTablePublishEachRowOnceThroughATakeOver() throws Exception {
        List<Worker> relays = List.of(new Worker(outbox.publisher(7)), new Worker(outbox.publisher(7)));
        Worker victim = killTheLeaderWhileInserting(relays, round -> outbox.insert(10));

        assertEquals(0, outbox.outboxRows());
        assertEquals(each(100, 1), outbox.countsById(READ_COMMITTED));
        // The dead relay's own view of itself is stale (a crash tells it nothing): only the survivor counts.
        Worker survivor = relays.get(0) == victim ? relays.get(1) : relays.get(0);
        assertTrue(survivor.relay.leading(), "the other relay took over");
        relays.forEach(worker -> assertTrue(worker.unexpected.isEmpty(), () -> "relay thread failed: " + worker.unexpected));
    }

    // Bundles: one outbox row holding several records of one topic (Outbox.appendAll).

    @Test
    void appendAllWritesOneRowPerTopicAndOneBundlePerTopicWithSeveralMessages() throws Exception {
        String other = "outbox-test-" + UUID.randomUUID();
        List<Outbox.Message> messages = List.of(
                new Outbox.Message(other, "b-0", Map.of("n", 0)),
                new Outbox.Message(outbox.topic, "a-0", Map.of("n", 1)),
                new Outbox.Message(other, "b-1", null),
                new Outbox.Message(outbox.topic, "a-1", Map.of("n", 3)),
                new Outbox.Message(outbox.topic, "a-2", Map.of("n", 4)));
        outbox.append(messages);
        outbox.append(List.of(new Outbox.Message(outbox.topic, "single", Map.of("n", 5))));
        outbox.append(List.of(new Outbox.Message(outbox.topic, "gone", null)));

        assertEquals(List.of(
                        List.of("1", other, "null", "2", "\"b-0\"\n{\"n\":0}\n\"b-1\"\nnull"),
                        List.of("2", outbox.topic, "null", "3", "\"a-0\"\n{\"n\":1}\n\"a-1\"\n{\"n\":3}\n\"a-2\"\n{\"n\":4}"),
                        List.of("3", outbox.topic, "single", "null", "{\"n\":5}"),
                        List.of("4", outbox.topic, "gone", "null", "null")),
                outbox.rows());
    }

    @Test
    void publishesBundlesAndPlainRowsExactlyOnceInOrder() throws Exception {
        outbox.insert(3); // rows 1 to 3
        outbox.appendBundle(30); // row 4
        outbox.insert(2); // rows 5 and 6
        outbox.appendBundle(12); // row 7

        drainAll(outbox.publisher(20));

        Map<String, Integer> expected = each(3, 1);
        expected.putAll(OutboxFixture.bundle(4, 30, 1));
        expected.putAll(each(5, 6, 1));
        expected.putAll(OutboxFixture.bundle(7, 12, 1));
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
        assertEquals(0, outbox.outboxRows());
        // Per partition, the records in the order they were appended: by row, then by index in the bundle.
        List<ConsumerRecord<String, String>> records = outbox.read(outbox.topic, READ_COMMITTED);
        for (int partition = 0; partition < 2; partition++) {
            int p = partition;
            List<String> ids = records.stream().filter(r -> r.partition() == p).map(OutboxFixture::outboxId).toList();
            List<String> sorted = ids.stream().sorted(Comparator.comparingDouble(id -> rank(id))).toList();
            assertEquals(sorted, ids, "partition " + p + " in order");
        }
        // The values are the messages': key-(n % 5) → {"n":n}.
        for (ConsumerRecord<String, String> record : records) {
            String id = OutboxFixture.outboxId(record);
            if (id.contains(".")) {
                int n = Integer.parseInt(id.substring(id.indexOf('.') + 1));
                assertEquals("key-" + (n % 5), record.key(), id);
                assertEquals("{\"n\":" + n + "}", record.value(), id);
            }
        }
    }

    /** "7" → 7, "7.12" → 7 + 12/100000: rows in id order, a bundle's records in index order. */
    private static double rank(String outboxId) {
        int dot = outboxId.indexOf('.');
        return dot < 0 ? Long.parseLong(outboxId)
                : Long.parseLong(outboxId.substring(0, dot)) + Integer.parseInt(outboxId.substring(dot + 1)) / 100_000.0;
    }

    @Test
    void aBundleLargerThanTheBatchSizeGoesOutWholeInOneTransaction() throws Exception {
        outbox.insert(3); // rows 1 to 3
        outbox.appendBundle(25); // row 4
        outbox.insert(2); // rows 5 and 6
        OutboxPublisher relay = outbox.publisher(10);
        assertTrue(relay.lead());
        relay.recover();

        OutboxPublisher.Batch plain = relay.nextBatch();
        assertEquals(List.of(1L, 2L, 3L), plain.marker().ids(), "the bundle would take it past 10 records");
        assertTrue(plain.more());
        relay.publish(plain);
        relay.delete(plain.marker());

        OutboxPublisher.Batch bundle = relay.nextBatch();
        assertEquals(List.of(4L), bundle.marker().ids());
        assertEquals(25, bundle.records());
        // Sent but not committed: none of its records may be visible, all of them are in the log.
        relay.send(bundle);
        assertEquals(each(3, 1), outbox.countsById(READ_COMMITTED));
        Map<String, Integer> sent = each(3, 1);
        sent.putAll(OutboxFixture.bundle(4, 25, 1));
        assertEquals(sent, outbox.countsById("read_uncommitted"));
        relay.commit();
        relay.delete(bundle.marker());

        assertEquals(2, relay.drainOnce());
        assertFalse(relay.moreWaiting());
        Map<String, Integer> expected = new TreeMap<>(sent);
        expected.putAll(each(5, 6, 1));
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
        assertEquals(0, outbox.outboxRows());
    }

    @Test
    void mixedPlainRowsAndBundlesRespectTheBatchSize() throws Exception {
        outbox.insert(1); // 1
        outbox.appendBundle(4); // 2
        outbox.insert(1); // 3
        outbox.appendBundle(6); // 4
        outbox.appendBundle(3); // 5
        outbox.insert(3); // 6, 7, 8
        OutboxPublisher relay = outbox.publisher(10);

        List<Integer> published = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        for (int records = relay.drainOnce(); records > 0; records = relay.drainOnce()) {
            published.add(records);
            more.add(relay.moreWaiting());
        }

        // [1, 2, 3] = 6 records (row 4 would make 12), [4, 5, 6] = 10, [7, 8] = 2.
        assertEquals(List.of(6, 10, 2), published);
        assertEquals(List.of(true, true, false), more);
        Map<String, Integer> expected = each(1, 1);
        expected.putAll(OutboxFixture.bundle(2, 4, 1));
        expected.putAll(each(3, 3, 1));
        expected.putAll(OutboxFixture.bundle(4, 6, 1));
        expected.putAll(OutboxFixture.bundle(5, 3, 1));
        expected.putAll(each(6, 8, 1));
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
    }

    @Test
    void recoversBundlesPublishedBeforeTheirDeleteCommitted() throws Exception {
        outbox.appendBundle(15); // row 1
        outbox.appendBundle(15); // row 2
        outbox.insert(2); // rows 3 and 4
        crashAfterKafkaCommit(outbox.publisher(20)); // row 1 alone: row 2 would make 30

        drainAll(outbox.publisher(20));

        Map<String, Integer> expected = OutboxFixture.bundle(1, 15, 1);
        expected.putAll(OutboxFixture.bundle(2, 15, 1));
        expected.putAll(each(3, 4, 1));
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
        assertEquals(0, outbox.outboxRows());
    }

    /** The same crash as above with the recovery left out: the bundle goes out twice, which the counts show. */
    @Test
    void withoutRecoveryABundleIsPublishedTwice() throws Exception {
        outbox.appendBundle(15);
        outbox.appendBundle(15);
        crashAfterKafkaCommit(outbox.publisher(20));

        drainWithoutRecovery(outbox.publisher(20));

        Map<String, Integer> expected = OutboxFixture.bundle(1, 15, 2);
        expected.putAll(OutboxFixture.bundle(2, 15, 1));
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
    }

    @Test
    void republishesABundleThatAnAbandonedTransactionSent() throws Exception {
        outbox.appendBundle(12);
        OutboxPublisher abandoned = outbox.publisher(5);
        abandonAfterSending(abandoned);

        drainAll(outbox.publisher(5));

        assertEquals(OutboxFixture.bundle(1, 12, 1), outbox.countsById(READ_COMMITTED));
        assertEquals(OutboxFixture.bundle(1, 12, 2), outbox.countsById("read_uncommitted"), "the abandoned sends reached the log, aborted");
        assertEquals(0, outbox.outboxRows());
    }

    @Test
    void bundleKeysAndValuesRoundTripTombstonesIncluded() throws Exception {
        List<String> keys = List.of("plain", "ünïcødé 目标 😀", "quote \" and back\\slash", "new\nline", "tab\there",
                "cr\rhere", "", "null", "\"quoted\"", "\\n not a newline", "\u0000 nul \u001f");
        List<Outbox.Message> messages = new ArrayList<>();
        // More than one CopyIn chunk (64 Ki characters): a chunk may end between two records.
        for (int i = 0; i < 1_500; i++) {
            String key = keys.get(i % keys.size()) + " #" + i;
            Object value = i % 7 == 3 ? null
                    : Map.of("text", "line one\nline two\ttabbed \"quoted\" 😀 \\ " + i, "n", i);
            messages.add(new Outbox.Message(outbox.topic, key, value));
        }
        outbox.append(messages);
        assertEquals(1, outbox.outboxRows());

        drainAll(outbox.publisher(2_000));

        List<ConsumerRecord<String, String>> records = outbox.read(outbox.topic, READ_COMMITTED);
        assertEquals(messages.size(), records.size());
        Map<String, ConsumerRecord<String, String>> byId = new TreeMap<>();
        records.forEach(record -> byId.put(OutboxFixture.outboxId(record), record));
        for (int i = 0; i < messages.size(); i++) {
            Outbox.Message message = messages.get(i);
            ConsumerRecord<String, String> record = byId.get("1." + i);
            assertEquals(message.key(), record.key(), "key of record " + i);
            if (message.payload() == null) {
                assertNull(record.value(), "record " + i + " is a tombstone");
            } else {
                assertEquals(OutboxFixture.JSON.readTree(OutboxFixture.JSON.writeValueAsString(message.payload())),
                        OutboxFixture.JSON.readTree(record.value()), "value of record " + i);
            }
        }
    }

    @Test
    void twoRelaysOnOneTablePublishEachBundleOnceThroughATakeOver() throws Exception {
        List<Worker> relays = List.of(new Worker(outbox.publisher(7)), new Worker(outbox.publisher(7)));
        Map<String, Integer> expected = new TreeMap<>();
        killTheLeaderWhileInserting(relays, round -> {
            // Row ids 1 to 20: odd ones bundles of 5 records, even ones plain; a batch of 7 records holds at most one bundle.
            outbox.appendBundle(5);
            expected.putAll(OutboxFixture.bundle(2 * round + 1, 5, 1));
            outbox.insert(1);
            expected.putAll(each(2 * round + 2, 2 * round + 2, 1));
        });

        assertEquals(0, outbox.outboxRows());
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
        relays.forEach(worker -> assertTrue(worker.unexpected.isEmpty(), () -> "relay thread failed: " + worker.unexpected));
    }

    /** One round of rows written while the relays run. */
    @FunctionalInterface
    private interface Round {
        void write(int round) throws Exception;
    }

    /**
     * Starts the relays and runs ten rounds 50 ms apart; after the fifth the leader dies, whatever step it is at,
     * and the other one must take over. Waits (up to a minute) until the outbox is empty, stops the relays and
     * answers the one that died.
     */
    private Worker killTheLeaderWhileInserting(List<Worker> relays, Round round) throws Exception {
        relays.forEach(Worker::start);
        Worker victim = null;
        for (int i = 0; i < 10; i++) {
            round.write(i);
            Thread.sleep(50);
            if (i == 4) {
                // On a loaded machine the first leader may still be starting its producer: wait for it.
                victim = awaitLeader(relays);
                victim.running = false;
                outbox.cutConnections();
            }
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (outbox.outboxRows() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        for (Worker worker : relays) {
            worker.finish();
        }
        return victim;
    }

    private static Worker awaitLeader(List<Worker> relays) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (Worker worker : relays) {
                if (worker.relay.leading()) {
                    return worker;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no relay took the lead within 30 s");
    }

    /** A relay thread as OutboxRelay runs it, with a switch to stop it as a crash would. */
    private static final class Worker extends Thread {
        final OutboxPublisher relay;
        final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        volatile boolean running = true;

        Worker(OutboxPublisher relay) {
            this.relay = relay;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    relay.drainOnce();
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // cut connections and fencing: the relay retries
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join(30_000);
        }
    }

    private Properties transactional(String transactionalId) {
        Properties config = outbox.kafkaClient();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes one batch, then stops as a crash would: the Kafka transaction committed, the delete never ran. */
    /** Sends a batch in a Kafka transaction, then the process is gone: no commit, no abort, the lock is free. */
    private void abandonAfterSending(OutboxPublisher relay) throws Exception {
        assertTrue(relay.lead());
        relay.recover();
        relay.send(relay.nextBatch());
        outbox.cutConnections();
    }

    /** Publishes and deletes batch after batch without ever reading the last marker, as a relay without recovery would. */
    private static void drainWithoutRecovery(OutboxPublisher relay) throws Exception {
        assertTrue(relay.lead());
        for (OutboxPublisher.Batch batch = relay.nextBatch(); !batch.rows().isEmpty(); batch = relay.nextBatch()) {
            relay.publish(batch);
            relay.delete(batch.marker());
        }
    }

    private void crashAfterKafkaCommit(OutboxPublisher relay) throws Exception {
        assertTrue(relay.lead());
        relay.recover();
        relay.publish(relay.nextBatch());
        outbox.cutConnections();
    }
}
