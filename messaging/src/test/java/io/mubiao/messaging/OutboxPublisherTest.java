package io.mubiao.messaging;

import static io.mubiao.messaging.OutboxFixture.drainAll;
import static io.mubiao.messaging.OutboxFixture.each;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
 * every outbox row exactly once.
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

        OutboxPublisher next = outbox.publisher(10);
        assertTrue(next.lead());
        for (OutboxPublisher.Batch batch = next.nextBatch(); !batch.rows().isEmpty(); batch = next.nextBatch()) {
            next.publish(batch);
            next.delete(batch.marker());
        }

        Map<Long, Integer> expected = each(15, 1);
        expected.putAll(each(10, 2));
        assertEquals(expected, outbox.countsById(READ_COMMITTED));
    }

    @Test
    void republishesWhatAnAbandonedTransactionSent() throws Exception {
        outbox.insert(8);
        OutboxPublisher abandoned = outbox.publisher(10);
        assertTrue(abandoned.lead());
        abandoned.recover();
        abandoned.send(abandoned.nextBatch());
        outbox.cutConnections(); // the process is gone: no commit, no abort, the lock is free

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
        assertEquals(Map.of(4L, 1), outbox.countsById(missing, READ_COMMITTED));
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
        relays.forEach(Worker::start);
        Worker victim = null;

        for (int i = 0; i < 10; i++) {
            outbox.insert(10);
            Thread.sleep(50);
            if (i == 4) {
                // The leader dies mid-run, whatever step it is at; the other one must take over. On a loaded
                // machine the first leader may still be starting its producer: wait for it.
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

        assertEquals(0, outbox.outboxRows());
        assertEquals(each(100, 1), outbox.countsById(READ_COMMITTED));
        // The dead relay's own view of itself is stale (a crash tells it nothing): only the survivor counts.
        Worker survivor = relays.get(0) == victim ? relays.get(1) : relays.get(0);
        assertTrue(survivor.relay.leading(), "the other relay took over");
        relays.forEach(worker -> assertTrue(worker.unexpected.isEmpty(), () -> "relay thread failed: " + worker.unexpected));
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
    private void crashAfterKafkaCommit(OutboxPublisher relay) throws Exception {
        assertTrue(relay.lead());
        relay.recover();
        relay.publish(relay.nextBatch());
        outbox.cutConnections();
    }
}
