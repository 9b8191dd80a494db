package io.mubiao.progress.intake.kafka;

import static io.mubiao.progress.Auth.asAdmin;
import static io.mubiao.progress.DeadLetters.letterOf;
import static io.mubiao.progress.RecordedTopic.consumeFor;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.seed;
import static io.mubiao.progress.ReferenceData.today;
import static io.mubiao.progress.intake.kafka.ReportedTopic.committedPast;
import static io.mubiao.progress.intake.kafka.ReportedTopic.produce;
import static io.mubiao.progress.intake.kafka.ReportedTopic.utf8;
import static io.mubiao.testinfra.TopicReader.header;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.Measure;
import io.mubiao.events.Topics;
import io.mubiao.messaging.deadletter.DeadLetter;
import io.mubiao.progress.DeadLetters;
import io.mubiao.progress.intake.kafka.ReportedTopic.Raw;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * progress.reported against the real broker and database: good records stored and published, bad ones on
 * progress.reported.dlq exactly as they came with the reason and their origin in headers.
 */
@QuarkusTest
class KafkaIntakeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REPORTED_BY = "kafka:" + Topics.PROGRESS_REPORTED;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void storesGoodRecordsAndDeadLettersEveryBadOneWithItsOriginalBytesAndWhy() throws Exception {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        String first = code("ev");
        String second = code("ev");
        LocalDate yesterday = today().minusDays(1);
        LocalDate dayBefore = today().minusDays(2);
        String nowhere = code("nowhere");
        RecordHeader gateway = new RecordHeader("source-system", utf8("county-gateway"));

        // what is expected in dlq-reason, by the record's name; the good ones have none
        Map<String, Raw> records = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        records.put("first", Raw.of(unit, report(first, unit, rate, yesterday, 40, 100), gateway));
        records.put("not JSON", new Raw(utf8(unit), new byte[] { (byte) 0xc3, 0x28, 'n', 'o', 't' }, List.of(gateway)));
        reasons.put("not JSON", "malformed JSON");
        records.put("truncated", Raw.of(unit, "{\"eventId\": \"" + code("ev") + "\", \"orgUnit\": \"" + unit
                + "\", \"indicator\":"));
        reasons.put("truncated", "malformed JSON: ");
        records.put("array", Raw.of(unit, "[" + report(code("ev"), unit, rate, yesterday, 1, 2) + "]"));
        reasons.put("array", "a report must be a JSON object, not an array");
        records.put("wrong types", Raw.of(unit, "{\"orgUnit\": 42, \"indicator\": \"" + rate
                + "\", \"date\": true, \"numerator\": \"five\", \"denominator\": 100}"));
        reasons.put("wrong types", "orgUnit: orgUnit must be a string, not a number; "
                + "date: date must be a date written YYYY-MM-DD, not a boolean; "
                + "numerator: numerator must be a number, not the string 'five'");
        records.put("unknown unit", Raw.of(nowhere, report(code("ev"), nowhere, rate, yesterday, 1, 2)));
        reasons.put("unknown unit", "orgUnit: unknown org unit " + nowhere);
        records.put("above", Raw.of(unit, report(code("ev"), unit, rate, yesterday, 120, 100)));
        reasons.put("above", "numerator: numerator 120 is above denominator 100");
        records.put("future", Raw.of(unit, report(code("ev"), unit, rate, today().plusDays(2), 1, 2)));
        reasons.put("future", "date: date " + today().plusDays(2) + " is in the future");
        records.put("reused", Raw.of(unit, report(first, unit, rate, yesterday, 41, 100)));
        reasons.put("reused", "eventId: eventId " + first + " was already used for a different report");
        records.put("duplicate keys", Raw.of(unit, "{\"orgUnit\": \"" + unit + "\", \"orgUnit\": \"" + nowhere
                + "\", \"indicator\": \"" + rate + "\", \"date\": \"" + yesterday + "\", \"numerator\": 1, \"denominator\": 2}"));
        reasons.put("duplicate keys", "malformed JSON: Duplicate field 'orgUnit'");
        records.put("tombstone", Raw.of(unit, null));
        reasons.put("tombstone", "the record has no value");
        records.put("second", Raw.of(unit, report(second, unit, rate, dayBefore, 50, 100)));

        List<String> names = List.copyOf(records.keySet());
        List<RecordMetadata> sent = produce(List.copyOf(records.values()));
        Map<String, RecordMetadata> where = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            where.put(names.get(i), sent.get(i));
        }
        await().atMost(PATIENCE).until(() -> sent.stream().allMatch(ReportedTopic::committedPast));

        List<ConsumerRecord<byte[], byte[]>> letters = DeadLetters.of(Topics.PROGRESS_REPORTED);
        for (String name : names) {
            ConsumerRecord<byte[], byte[]> letter = letterOf(letters, where.get(name));
            if (!reasons.containsKey(name)) {
                assertNull(letter, name + " is good, yet dead-lettered: " + (letter == null ? "" : header(letter, "dlq-reason")));
                continue;
            }
            assertNotNull(letter, name + " is not in " + Topics.PROGRESS_REPORTED_DLQ);
            Raw original = records.get(name);
            assertArrayEquals(original.key(), letter.key(), name + ": key");
            assertArrayEquals(original.value(), letter.value(), name + ": value");
            String reason = header(letter, DeadLetter.REASON);
            assertTrue(reason.startsWith(reasons.get(name)), name + ": dlq-reason was " + reason);
            for (var header : original.headers()) {
                assertArrayEquals(header.value(), letter.headers().lastHeader(header.key()).value(), name + ": header");
            }
        }
        for (String name : reasons.keySet()) {
            RecordMetadata source = where.get(name);
            assertEquals(1, letters.stream().filter(letter -> letterOf(List.of(letter), source) != null).count(),
                    name + " dead-lettered once");
        }

        history(unit, rate, yesterday).body("revisions", hasSize(1))
                .body("revisions[0].eventId", equalTo(first))
                .body("revisions[0].numerator", equalTo(40))
                .body("revisions[0].reportedBy", equalTo(REPORTED_BY));
        history(unit, rate, dayBefore).body("revisions", hasSize(1))
                .body("revisions[0].eventId", equalTo(second))
                .body("revisions[0].reportedBy", equalTo(REPORTED_BY));
        List<ConsumerRecord<String, String>> recorded = consumeFor(unit, 2);
        Set<String> published = new HashSet<>();
        for (ConsumerRecord<String, String> record : recorded) {
            published.add(json.readTree(record.value()).get("eventId").asText());
            assertEquals(REPORTED_BY, json.readTree(record.value()).get("reportedBy").asText());
        }
        assertEquals(Set.of(first, second), published);
    }

    @Test
    void aPoisonRecordDoesNotStopTheRecordsAfterItInItsPartition() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        String before = code("ev");
        String poison = code("ev");
        String after = code("ev");
        // A record the consumer can make nothing of, between two good ones of the same key. (A record that passes
        // every check and still fails in the database is stored one by one: ReportedBatchTest scripts that case,
        // since validation now refuses what PostgreSQL cannot hold, such as a NUL character.)
        String truncated = "{\"eventId\": \"" + poison + "\", \"orgUnit\": \"" + unit + "\", \"indic";
        List<RecordMetadata> sent = produce(List.of(
                Raw.of(unit, report(before, unit, rate, today().minusDays(1), 1, 4)),
                Raw.of(unit, truncated),
                Raw.of(unit, report(after, unit, rate, today().minusDays(3), 3, 4))));
        assertEquals(Set.of(sent.get(0).partition()), sent.stream().map(RecordMetadata::partition).collect(Collectors.toSet()),
                "one key, one partition");
        await().atMost(PATIENCE).until(() -> committedPast(sent.get(2)));

        history(unit, rate, today().minusDays(1)).body("revisions", hasSize(1)).body("revisions[0].eventId", equalTo(before));
        history(unit, rate, today().minusDays(3)).body("revisions", hasSize(1)).body("revisions[0].eventId", equalTo(after));
        history(unit, rate, today().minusDays(2)).body("revisions", hasSize(0));
        ConsumerRecord<byte[], byte[]> letter = letterOf(DeadLetters.of(Topics.PROGRESS_REPORTED), sent.get(1));
        assertNotNull(letter, "the poison record is dead-lettered");
        assertArrayEquals(utf8(truncated), letter.value());
        String reason = header(letter, DeadLetter.REASON);
        assertTrue(reason.startsWith("malformed JSON: "), reason);
        assertNull(letterOf(DeadLetters.of(Topics.PROGRESS_REPORTED), sent.get(0)));
        assertNull(letterOf(DeadLetters.of(Topics.PROGRESS_REPORTED), sent.get(2)));
    }

    @Test
    void aRecordAsLargeAsTheBrokerTakesIsDeadLetteredAndTheNextOneStored() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        String after = code("ev");
        // The largest value a producer with default settings sends (1 MiB a request, less the overhead): its dead
        // letter, being the record plus headers, is larger than the broker's default limit, and was refused by
        // the broker again and again, holding up its partition.
        String start = "{\"eventId\": \"" + code("ev") + "\", \"orgUnit\": \"" + unit + "\", \"indicator\": \"" + rate
                + "\", \"date\": \"" + today().minusDays(1) + "\", \"numerator\": 1, \"denominator\": 2, \"note\": \"";
        String largest = start + "x".repeat(1_048_400 - start.length() - 2) + "\"}";
        List<RecordMetadata> sent = produce(List.of(Raw.of(unit, largest),
                Raw.of(unit, report(after, unit, rate, today().minusDays(2), 1, 2))));
        await().atMost(PATIENCE).until(() -> committedPast(sent.get(1)));

        ConsumerRecord<byte[], byte[]> letter = letterOf(DeadLetters.of(Topics.PROGRESS_REPORTED), sent.get(0));
        assertNotNull(letter, "the largest record is not in " + Topics.PROGRESS_REPORTED_DLQ);
        assertArrayEquals(utf8(largest), letter.value());
        assertEquals("note: note is longer than 1000 characters", header(letter, DeadLetter.REASON));
        assertEquals("progress-service", header(letter, DeadLetter.CONSUMER));
        history(unit, rate, today().minusDays(2)).body("revisions", hasSize(1)).body("revisions[0].eventId", equalTo(after));
    }

    @Test
    void aRedeliveredRecordIsADuplicateNeitherStoredTwiceNorDeadLettered() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        String eventId = code("ev");
        String report = report(eventId, unit, rate, today().minusDays(1), 7, 10);

        List<RecordMetadata> sent = new ArrayList<>(produce(List.of(Raw.of(unit, report))));
        await().atMost(PATIENCE).until(() -> committedPast(sent.get(0)));
        // the same record again, once alone and once in a batch behind itself
        sent.addAll(produce(List.of(Raw.of(unit, report))));
        sent.addAll(produce(List.of(Raw.of(unit, report), Raw.of(unit, report))));
        await().atMost(PATIENCE).until(() -> committedPast(sent.get(sent.size() - 1)));

        history(unit, rate, today().minusDays(1)).body("revisions", hasSize(1))
                .body("revisions[0].eventId", equalTo(eventId));
        List<ConsumerRecord<byte[], byte[]>> letters = DeadLetters.of(Topics.PROGRESS_REPORTED);
        for (RecordMetadata each : sent) {
            assertNull(letterOf(letters, each), "offset " + each.offset() + " dead-lettered");
        }
    }

    private static String report(String eventId, String orgUnit, String indicator, LocalDate date, int numerator,
            int denominator) {
        return "{\"eventId\": \"" + eventId + "\", \"orgUnit\": \"" + orgUnit + "\", \"indicator\": \"" + indicator
                + "\", \"date\": \"" + date + "\", \"numerator\": " + numerator + ", \"denominator\": " + denominator
                + "}";
    }

    private static ValidatableResponse history(String orgUnit, String indicator, LocalDate date) {
        return asAdmin().queryParam("orgUnit", orgUnit).queryParam("indicator", indicator)
                .queryParam("date", date.toString()).get("/api/progress/history").then().statusCode(200);
    }
}
