package io.mubiao.progress.intake;

import static io.mubiao.progress.Auth.asReporter;
import static io.mubiao.progress.RecordedTopic.consumeFor;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.seed;
import static io.mubiao.progress.ReferenceData.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.Measure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every stored revision reaches progress.recorded through the outbox, keyed by org unit. */
@QuarkusTest
class ProgressRecordedTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void publishesEveryStoredRevisionToProgressRecorded() throws Exception {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        String first = code("ev");
        String correction = code("ev");
        asReporter(unit, "zhang.wei").contentType(ContentType.JSON).body(List.of(
                Map.of("eventId", first, "orgUnit", unit, "indicator", rate, "date", today().toString(),
                        "numerator", 1, "denominator", 3),
                Map.of("eventId", correction, "orgUnit", unit, "indicator", rate, "date", today().toString(),
                        "numerator", 2, "denominator", 3)))
                .post("/api/progress").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = consumeFor(unit, 2);

        assertEquals(List.of(unit, unit), records.stream().map(ConsumerRecord::key).toList());
        JsonNode recorded = json.readTree(records.get(1).value());
        assertEquals(correction, recorded.get("eventId").asText());
        assertEquals(rate, recorded.get("indicator").asText());
        assertEquals(today().toString(), recorded.get("date").asText());
        assertEquals(2, recorded.get("revision").asInt());
        assertEquals(0, new BigDecimal("66.666667").compareTo(recorded.get("value").decimalValue()),
                "value = 100 × 2 / 3 at 6 decimals, was " + recorded.get("value"));
        assertEquals(2, recorded.get("numerator").asInt());
        assertEquals(3, recorded.get("denominator").asInt());
        assertEquals("zhang.wei", recorded.get("reportedBy").asText());
        assertNotNull(Instant.parse(recorded.get("recordedAt").asText()));
        assertEquals(1, json.readTree(records.get(0).value()).get("revision").asInt());
    }
}
