package io.mubiao.report.readmodel;

import static io.mubiao.report.Auth.asAdmin;
import static io.mubiao.testinfra.TopicReader.header;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.Topics;
import io.mubiao.messaging.deadletter.DeadLetter;
import io.mubiao.report.KafkaFeed;
import io.mubiao.testinfra.KafkaTestResource;
import io.mubiao.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.parsing.Parser;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/**
 * The consumers against the real broker: revisions only move forward, tombstones delete, and a bad record
 * goes to its topic's dead-letter topic without stopping the stream. Observed through the ranking, as a dashboard would.
 */
@QuarkusTest
class ReadModelConsumerTest {

    private static KafkaFeed feed;

    @Inject
    ObjectMapper json;

    private String parent;
    private String county;
    private String rate;

    @BeforeAll
    static void numbersAsDecimals() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        RestAssured.registerParser("application/problem+json", Parser.JSON);
    }

    @BeforeEach
    void unitWithOneCounty() {
        if (feed == null) {
            feed = new KafkaFeed(json);
        }
        parent = KafkaFeed.unique("P");
        county = parent + "-A";
        rate = KafkaFeed.unique("rate");
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(parent);
        feed.unit(parent, county);
    }

    @AfterAll
    static void disconnect() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private ValidatableResponse ranking(String date) {
        return asAdmin().queryParam("indicator", rate).queryParam("parent", parent).queryParam("date", date)
                .when().get("/api/rankings").then();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    /**
     * Publishes a report of the same unit (same key, so the same partition, behind everything sent before)
     * on an earlier date, and waits until it shows: then everything sent before it has been applied.
     */
    private void awaitApplied() {
        feed.ratio(county, rate, "2026-01-05", 1, 100, 1);
        eventually(() -> ranking("2026-01-05").body("entries[0].value", equalTo(new BigDecimal("1.00"))));
    }

    @Test
    void aHigherRevisionReplacesTheValue() {
        feed.ratio(county, rate, "2026-04-15", 30, 100, 1);
        eventually(() -> ranking("2026-04-15").body("entries[0].value", equalTo(new BigDecimal("30.00"))));
        feed.ratio(county, rate, "2026-04-15", 60, 100, 2);
        eventually(() -> ranking("2026-04-15").body("entries[0].value", equalTo(new BigDecimal("60.00")))
                .body("entries[0].numerator", equalTo(60)));
    }

    @Test
    void aLowerOrRepeatedRevisionChangesNothing() {
        feed.ratio(county, rate, "2026-04-15", 60, 100, 3);
        eventually(() -> ranking("2026-04-15").body("entries[0].value", equalTo(new BigDecimal("60.00"))));
        feed.ratio(county, rate, "2026-04-15", 10, 100, 2);
        feed.ratio(county, rate, "2026-04-15", 20, 100, 3);
        awaitApplied();
        ranking("2026-04-15").body("entries[0].value", equalTo(new BigDecimal("60.00")));
    }

    @Test
    void revisionsInOneBatchKeepTheHighest() {
        feed.ratio(county, rate, "2026-04-15", 70, 100, 2);
        feed.ratio(county, rate, "2026-04-15", 80, 100, 4);
        feed.ratio(county, rate, "2026-04-15", 75, 100, 3);
        awaitApplied();
        ranking("2026-04-15").body("entries[0].value", equalTo(new BigDecimal("80.00")));
    }

    @Test
    void aRecordItCannotReadOrStoreIsDeadLetteredWithTheReasonAndTheStreamGoesOn() {
        // Each of these stopped its channel for good before: a year 0 (which PostgreSQL has not) and a NUL failed
        // the batch's transaction, and the exception failed the channel; the others were skipped with a log line.
        // Now a NUL is refused when read and a year 0 by PostgreSQL; both are dead-lettered.
        Map<RecordMetadata, String> reasons = new LinkedHashMap<>();
        reasons.put(feed.sendRaw(Topics.PROGRESS_RECORDED, county, "{not json"), "malformed JSON: ");
        reasons.put(feed.sendRaw(Topics.PROGRESS_RECORDED, county, "{\"orgUnit\": \"" + county + "\"}"),
                "required fields missing: indicator, date, value (or numerator and denominator)");
        reasons.put(feed.sendRaw(Topics.PROGRESS_RECORDED, county, observation("0000-01-01", county)),
                "could not be stored: ERROR: date/time field value out of range");
        // a NUL is refused when read (StrictJsonInput), before PostgreSQL could refuse it
        reasons.put(feed.sendRaw(Topics.PROGRESS_RECORDED, county, observation("2026-04-14", county + "\\u0000")),
                "JSON of the wrong shape for ProgressRecorded: text must not contain the character U+0000");
        reasons.put(feed.sendRaw(Topics.PROGRESS_RECORDED, county, null), "the record has no value");
        reasons.put(feed.sendRaw(Topics.ORG_UNITS, county, "[]"), "JSON of the wrong shape for OrgUnitChanged: ");
        reasons.put(feed.sendRaw(Topics.TARGETS, "no-target-key", null), "a tombstone's key must be indicator|orgUnit|year");
        feed.ratio(county, rate, "2026-04-15", 42, 100, 1);
        eventually(() -> ranking("2026-04-15").body("entries[0].value", equalTo(new BigDecimal("42.00"))));

        eventually(() -> reasons.forEach((record, reason) -> {
            ConsumerRecord<byte[], byte[]> letter = TopicReader.readAll(KafkaTestResource.bootstrapServers(),
                    Topics.deadLetterTopicOf(record.topic())).stream()
                    .filter(each -> Long.toString(record.offset()).equals(header(each, DeadLetter.SOURCE_OFFSET))
                            && Integer.toString(record.partition()).equals(header(each, DeadLetter.SOURCE_PARTITION)))
                    .findFirst().orElse(null);
            assertNotNull(letter, reason);
            assertThat(header(letter, DeadLetter.REASON), startsWith(reason));
            assertEquals("report-service", header(letter, DeadLetter.CONSUMER));
        }));
    }

    /** A stored revision of {@code rate} as progress-service publishes it, with the date as given. */
    private String observation(String date, String orgUnit) {
        return "{\"eventId\": \"" + KafkaFeed.unique("ev") + "\", \"orgUnit\": \"" + orgUnit + "\", \"indicator\": \"" + rate
                + "\", \"date\": \"" + date + "\", \"value\": 5, \"numerator\": 5, \"denominator\": 100, \"revision\": 1}";
    }

    @Test
    void anOrgUnitTombstoneRemovesTheUnit() {
        String second = parent + "-B";
        feed.unit(parent, second);
        eventually(() -> ranking("2026-04-15").body("entries.orgUnit", contains(county, second)));
        feed.deleteUnit(second);
        eventually(() -> ranking("2026-04-15").body("entries.orgUnit", contains(county)));
    }

    @Test
    void anOrgUnitUpdateReplacesItsState() {
        feed.unit(parent, county);
        eventually(() -> ranking("2026-04-15").body("entries[0].name", equalTo("name of " + county)));
        feed.unitOfKind("department", parent, county);
        eventually(() -> asAdmin().queryParam("indicator", rate).queryParam("parent", parent)
                .queryParam("kind", "department").when().get("/api/rankings").then()
                .body("entries.orgUnit", contains(county)));
    }

    @Test
    void anIndicatorTombstoneMakesItUnknown() {
        eventually(() -> ranking("2026-04-15").statusCode(200));
        feed.deleteIndicator(rate);
        eventually(() -> ranking("2026-04-15").statusCode(404));
    }
}
