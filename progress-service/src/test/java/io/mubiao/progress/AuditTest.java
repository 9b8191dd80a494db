package io.mubiao.progress;

import static io.mubiao.progress.Auth.asReporter;
import static io.mubiao.progress.Auth.asSupervisor;
import static io.mubiao.progress.RecordedTopic.consumeFor;
import static io.mubiao.progress.ReferenceData.today;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Every stored revision says who reported it and when, in the history and on progress.recorded. */
@QuarkusTest
class AuditTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void historyOfACorrectedReportNamesBothReporters() throws Exception {
        OrgTree tree = OrgTree.seed();
        LocalDate day = today().minusDays(1);
        Map<String, Object> first = Map.of("eventId", ReferenceData.code("ev"), "orgUnit", tree.county(),
                "indicator", tree.rate(), "date", day.toString(), "numerator", 40, "denominator", 100);
        Map<String, Object> correction = Map.of("eventId", ReferenceData.code("ev"), "orgUnit", tree.county(),
                "indicator", tree.rate(), "date", day.toString(), "numerator", 45, "denominator", 100,
                "note", "recount");

        asReporter(tree.city(), "zhang.wei").contentType(ContentType.JSON).body(first).post("/api/progress")
                .then().statusCode(200);
        asReporter(tree.city(), "li.na").contentType(ContentType.JSON).body(correction).post("/api/progress")
                .then().statusCode(200);

        JsonPath history = asSupervisor(tree.city()).queryParam("orgUnit", tree.county())
                .queryParam("indicator", tree.rate()).queryParam("date", day.toString())
                .get("/api/progress/history").then().statusCode(200)
                .body("revisions.revision", contains(1, 2))
                .body("revisions.numerator", contains(40, 45))
                .body("revisions.reportedBy", contains("zhang.wei", "li.na"))
                .extract().jsonPath();
        Instant firstAt = Instant.parse(history.getString("revisions[0].recordedAt"));
        Instant correctedAt = Instant.parse(history.getString("revisions[1].recordedAt"));
        assertFalse(correctedAt.isBefore(firstAt), firstAt + " then " + correctedAt);

        List<ConsumerRecord<String, String>> records = consumeFor(tree.county(), 2);
        JsonNode recordedFirst = json.readTree(records.get(0).value());
        JsonNode recordedCorrection = json.readTree(records.get(1).value());
        assertEquals(1, recordedFirst.get("revision").asInt());
        assertEquals("zhang.wei", recordedFirst.get("reportedBy").asText());
        assertEquals(firstAt, Instant.parse(recordedFirst.get("recordedAt").asText()));
        assertEquals(2, recordedCorrection.get("revision").asInt());
        assertEquals("li.na", recordedCorrection.get("reportedBy").asText());
        assertEquals(correctedAt, Instant.parse(recordedCorrection.get("recordedAt").asText()));
    }
}
