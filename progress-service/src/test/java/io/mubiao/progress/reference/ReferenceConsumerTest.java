package io.mubiao.progress.reference;

import static io.mubiao.progress.DeadLetters.letterOf;
import static io.mubiao.progress.ReferenceData.awaitAccepted;
import static io.mubiao.progress.ReferenceData.awaitDryRunStatus;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.publishDeletion;
import static io.mubiao.progress.ReferenceData.publishIndicator;
import static io.mubiao.progress.ReferenceData.publishOrgUnit;
import static io.mubiao.progress.ReferenceData.publishRaw;
import static io.mubiao.progress.ReferenceData.seed;
import static io.mubiao.progress.ReferenceData.today;
import static io.mubiao.testinfra.TopicReader.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.mubiao.events.Measure;
import io.mubiao.events.Topics;
import io.mubiao.messaging.deadletter.DeadLetter;
import io.mubiao.progress.DeadLetters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The local copy follows target-service's compacted topics: upserts, changes and tombstones; what it cannot
 * read or store goes to the topic's dead-letter topic.
 */
@QuarkusTest
class ReferenceConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void keepsOrgUnitWithItsPlaceInTheTree() {
        String parent = code("FZ");
        String unit = code("GL");
        String rate = code("rate");
        publishOrgUnit(parent, null);
        publishOrgUnit(unit, parent);
        publishIndicator(rate, Measure.RATIO);
        awaitAccepted(ratio(unit, rate));

        OrgUnit stored = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findById(unit));
        assertEquals(parent, stored.parent);
        assertEquals(List.of(parent, unit), stored.path);
        assertEquals("region", stored.kind);
    }

    @Test
    void forgetsOrgUnitDeletedByTombstone() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        publishDeletion(Topics.ORG_UNITS, unit);

        awaitDryRunStatus(ratio(unit, rate), 422);
    }

    @Test
    void followsAChangeOfMeasure() {
        String unit = code("GL");
        String indicator = code("rate");
        seed(unit, indicator, Measure.CUMULATIVE);

        publishIndicator(indicator, Measure.RATIO);

        awaitAccepted(ratio(unit, indicator));
    }

    @Test
    void deadLettersWhatItCannotReadOrStoreWithTheReasonAndKeepsConsuming() {
        String unit = code("GL");
        String rate = code("rate");
        // JSON null and a code PostgreSQL cannot hold used to fail the whole channel, for good
        Map<RecordMetadata, String> reasons = new LinkedHashMap<>();
        reasons.put(publishRaw(Topics.INDICATORS, rate, "{not json"), "malformed JSON: ");
        reasons.put(publishRaw(Topics.INDICATORS, rate, "null"), "the value is JSON null");
        reasons.put(publishRaw(Topics.INDICATORS, rate, "{\"code\": \"" + rate + "\"}"), "required fields missing: measure");
        reasons.put(publishRaw(Topics.INDICATORS, rate, "{\"code\": \"" + rate + "\", \"measure\": \"SIDEWAYS\"}"),
                "JSON of the wrong shape for IndicatorChanged: Cannot deserialize value of type "
                        + "`io.mubiao.events.Measure` from String \"SIDEWAYS\"");
        // U+0000 is refused when read (StrictJsonInput), before PostgreSQL could refuse it
        reasons.put(publishRaw(Topics.INDICATORS, rate, "{\"code\": \"" + rate + "\\u0000\", \"measure\": \"RATIO\"}"),
                "JSON of the wrong shape for IndicatorChanged: text must not contain the character U+0000");
        // a code too long for the primary key's index, even compressed, is refused by PostgreSQL only
        String tooLong = java.util.stream.Stream.generate(() -> java.util.UUID.randomUUID().toString()).limit(300)
                .collect(java.util.stream.Collectors.joining());
        reasons.put(publishRaw(Topics.INDICATORS, rate, "{\"code\": \"" + tooLong + "\", \"measure\": \"RATIO\"}"),
                "could not be stored: ");
        reasons.put(publishRaw(Topics.ORG_UNITS, unit, "[]"),
                "JSON of the wrong shape for OrgUnitChanged: Cannot deserialize value of type "
                        + "`io.mubiao.events.OrgUnitChanged` from Array value");

        seed(unit, rate, Measure.RATIO);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> reasons.forEach((record, reason) -> {
            ConsumerRecord<byte[], byte[]> letter = letterOf(DeadLetters.of(record.topic()), record);
            assertNotNull(letter, reason);
            assertTrue(header(letter, DeadLetter.REASON).startsWith(reason), header(letter, DeadLetter.REASON));
            assertEquals("progress-service", header(letter, DeadLetter.CONSUMER));
        }));
    }

    @Test
    void aConnectionKilledWhileStoringIsWaitedOutAndDeadLettersNothing() throws Exception {
        String unit = code("GL");
        String rate = code("rate");
        publishOrgUnit(unit, null);
        RecordMetadata sent;
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table indicator in access exclusive mode");
            sent = publishIndicator(rate, Measure.RATIO);
            // The consumer waits for the lock; its connection is then killed, as a failover or an operator would:
            // the failure may say no more than that the connection is closed (BatchApplier tries once more).
            await().atMost(Duration.ofSeconds(60)).until(() -> terminateLockWaiters(statement) > 0);
            blocker.rollback();
        }

        awaitAccepted(ratio(unit, rate));
        assertNull(letterOf(DeadLetters.of(Topics.INDICATORS), sent), "a good record was dead-lettered in an outage");
    }

    /** Ends the sessions of this database that wait for a lock, as pg_terminate_backend does for an operator. */
    private static int terminateLockWaiters(Statement statement) throws Exception {
        try (ResultSet killed = statement.executeQuery("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()""")) {
            killed.next();
            return killed.getInt(1);
        }
    }

    private static Map<String, Object> ratio(String unit, String indicator) {
        return Map.of("orgUnit", unit, "indicator", indicator, "date", today().toString(), "numerator", 1,
                "denominator", 2);
    }
}
