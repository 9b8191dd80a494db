package io.mubiao.progress.intake.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.messaging.Retry;
import io.mubiao.messaging.deadletter.DeadLetter;
import io.mubiao.problem.Failures;
import io.mubiao.problem.Problem.FieldError;
import io.mubiao.progress.intake.ImportSummary;
import io.mubiao.progress.intake.ReportReader.Parsed;

/** The batch logic against a scripted store and broker: what is retried, stored one by one, dead-lettered. */
class ReportedBatchTest {

    private static final String GOOD = "{\"orgUnit\": \"GL\", \"indicator\": \"rate\", \"date\": \"2026-04-15\", "
            + "\"numerator\": 1, \"denominator\": 2}";

    private final List<Long> pauses = new ArrayList<>();
    private final List<List<Integer>> storeCalls = new ArrayList<>();
    private final List<List<DeadLetter>> published = new ArrayList<>();
    private boolean stopping;
    private int publishFailures;

    @Test
    void waitsOutADatabaseOutageAndDeadLettersNothing() {
        int[] calls = { 0 };
        ReportedBatch batch = batch(items -> {
            if (++calls[0] <= 2) {
                throw new IllegalStateException(new SQLException("Connection refused", "08001"));
            }
            return accepted(items);
        });

        ReportedBatch.Outcome outcome = batch.process(List.of(record(0, GOOD), record(1, GOOD)));

        assertEquals(2, outcome.stored());
        assertEquals(List.of(), outcome.deadLetters());
        assertEquals(List.of(List.of(0, 1), List.of(0, 1), List.of(0, 1)), storeCalls);
        assertEquals(List.of(200L, 400L), pauses);
    }

    @Test
    void storesRecordByRecordAfterAFailureValidationMissedAndDeadLettersOnlyThePoison() {
        ReportedBatch batch = batch(items -> {
            if (items.stream().anyMatch(item -> item.index() == 1)) {
                throw new IllegalStateException(
                        new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
            }
            return accepted(items);
        });

        ReportedBatch.Outcome outcome = batch.process(List.of(record(0, GOOD), record(1, GOOD), record(2, GOOD)));

        assertEquals(2, outcome.stored());
        assertEquals(List.of(List.of(0, 1, 2), List.of(0), List.of(1), List.of(2)), storeCalls);
        assertEquals(1, outcome.deadLetters().size());
        DeadLetter poison = outcome.deadLetters().get(0);
        assertEquals(101, poison.source().offset());
        assertEquals("could not be stored: ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", poison.reason());
        assertEquals(List.of(), pauses);
    }

    @Test
    void waitsOutAnOutageThatBeginsWhileStoringOneByOne() {
        int[] singles = { 0 };
        ReportedBatch batch = batch(items -> {
            if (items.size() > 1) {
                throw new IllegalStateException(new SQLException("ERROR: numeric field overflow", "22003"));
            }
            if (++singles[0] == 1) {
                throw new IllegalStateException(new SQLException("terminating connection", "57P01"));
            }
            return accepted(items);
        });

        ReportedBatch.Outcome outcome = batch.process(List.of(record(0, GOOD), record(1, GOOD)));

        assertEquals(2, outcome.stored());
        assertEquals(List.of(), outcome.deadLetters());
        assertEquals(List.of(200L), pauses);
    }

    @Test
    void deadLettersWhatIsNotJsonWithoutStoringIt() {
        ReportedBatch batch = batch(ReportedBatchTest::accepted);
        byte[] garbage = { (byte) 0xc3, 0x28, 0x41 }; // not UTF-8

        ReportedBatch.Outcome outcome = batch.process(List.of(record(0, "{\"orgUnit\": \"GL\","),
                new ConsumerRecord<>("progress.reported", 0, 101, "GL".getBytes(StandardCharsets.UTF_8), garbage),
                new ConsumerRecord<>("progress.reported", 0, 102, "GL".getBytes(StandardCharsets.UTF_8), null),
                record(3, GOOD + " trailing"),
                record(4, "{\"orgUnit\": \"GL\", \"value\": 1e9999999999}")));

        assertEquals(List.of(), storeCalls);
        assertEquals(5, outcome.deadLetters().size());
        assertTrue(outcome.deadLetters().get(0).reason().startsWith("malformed JSON: Unexpected end-of-input"),
                outcome.deadLetters().get(0).reason());
        assertTrue(outcome.deadLetters().get(1).reason().startsWith("malformed JSON"),
                outcome.deadLetters().get(1).reason());
        assertArrayEquals(garbage, outcome.deadLetters().get(1).source().value());
        assertEquals("the record has no value: expected one report as a JSON object",
                outcome.deadLetters().get(2).reason());
        assertTrue(outcome.deadLetters().get(3).reason().startsWith("malformed JSON"),
                outcome.deadLetters().get(3).reason());
        // a number no BigDecimal holds: a dead letter, not a failure that stops the batch
        assertTrue(outcome.deadLetters().get(4).reason().startsWith("malformed JSON"),
                outcome.deadLetters().get(4).reason());
        assertEquals(List.of(outcome.deadLetters()), published);
    }

    @Test
    void deadLettersARejectedReportWithEveryOneOfItsErrors() {
        ReportedBatch batch = batch(items -> new ImportSummary(items.size(), items.size() - 1, 0, 1, List.of(
                new FieldError(1, "ev-1", "numerator", "numerator 3 is above denominator 2"),
                new FieldError(1, "ev-1", "date", "date 2099-01-01 is in the future"))));

        ReportedBatch.Outcome outcome = batch.process(List.of(record(0, GOOD), record(1, GOOD), record(2, GOOD)));

        assertEquals(2, outcome.stored());
        assertEquals(1, outcome.deadLetters().size());
        assertEquals(101, outcome.deadLetters().get(0).source().offset());
        assertEquals("numerator: numerator 3 is above denominator 2; date: date 2099-01-01 is in the future",
                outcome.deadLetters().get(0).reason());
    }

    @Test
    void keepsSendingDeadLettersUntilTheBrokerTakesThem() {
        publishFailures = 3;
        ReportedBatch batch = batch(ReportedBatchTest::accepted);

        ReportedBatch.Outcome outcome = batch.process(List.of(record(0, "not json")));

        assertEquals(1, outcome.deadLetters().size());
        assertEquals(4, published.size());
        assertEquals(List.of(200L, 400L, 600L), pauses);
    }

    @Test
    void givesUpWithoutDeadLetteringWhenTheApplicationStops() {
        stopping = true;
        ReportedBatch batch = batch(items -> {
            throw new IllegalStateException(new SQLException("Connection refused", "08001"));
        });

        assertThrows(Retry.Abandoned.class, () -> batch.process(List.of(record(0, GOOD))));
        assertEquals(List.of(), published);
    }

    private ReportedBatch batch(Function<List<Parsed>, ImportSummary> store) {
        ReportedBatch.Store scripted = new ReportedBatch.Store() {
            @Override
            public ImportSummary store(List<Parsed> items) {
                storeCalls.add(items.stream().map(Parsed::index).toList());
                return store.apply(items);
            }

            @Override
            public boolean isTransient(Exception failure) {
                return Failures.isTransient(failure);
            }
        };
        ReportedBatch.Publisher broker = letters -> {
            published.add(letters);
            if (publishFailures > 0) {
                publishFailures--;
                throw new org.apache.kafka.common.errors.TimeoutException("broker away");
            }
        };
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        return new ReportedBatch(json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS), scripted, broker,
                new Retry(pauses::add, () -> stopping));
    }

    private static ImportSummary accepted(List<Parsed> items) {
        return new ImportSummary(items.size(), items.size(), 0, 0, List.of());
    }

    private static ConsumerRecord<byte[], byte[]> record(int index, String value) {
        return new ConsumerRecord<>("progress.reported", 0, 100 + index, "GL".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }
}
