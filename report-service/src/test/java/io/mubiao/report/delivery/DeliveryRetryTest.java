package io.mubiao.report.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.report.config.ReportConfig;
import io.mubiao.testinfra.FreePort;
import io.quarkus.test.junit.QuarkusTest;

/** A webhook nobody answers: each attempt is logged, the pauses double, and the last leaves a FAILED row. */
@QuarkusTest
class DeliveryRetryTest {

    @Inject
    ObjectMapper json;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    ReportConfig config;

    @BeforeEach
    void seed() {
        DeliveryData.seed(json);
    }

    @Test
    void aDeadWebhookIsRetriedWithGrowingPausesThenFails() {
        String dead = "http://127.0.0.1:" + FreePort.find() + "/hook";
        Map<String, Object> subscription = DeliveryData.subscribe("webhook", dead, "markdown");
        DeliveryData.run(subscription.get("id"));
        int max = config.delivery().maxAttempts();
        // Whole milliseconds, so that the pauses read back from the log compare exactly.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Duration expectedPause = config.delivery().backoff();

        for (int attempt = 1; attempt < max; attempt++) {
            dispatcher.runOnce(now);
            Map<String, Object> row = DeliveryData.onlyRow(subscription.get("id"));
            assertEquals("RETRY", row.get("status"));
            assertEquals(attempt, ((Number) row.get("attempts")).intValue());
            assertTrue(((String) row.get("lastError")).contains("ConnectException"), (String) row.get("lastError"));
            Instant next = Instant.parse((String) row.get("nextAttemptAt"));
            assertEquals(expectedPause, Duration.between(now, next), "pause after attempt " + attempt);

            // Before the pause is over nothing is tried.
            dispatcher.runOnce(next.minusSeconds(1));
            assertEquals(attempt, ((Number) DeliveryData.onlyRow(subscription.get("id")).get("attempts")).intValue());

            now = next;
            expectedPause = expectedPause.multipliedBy(2);
        }
        dispatcher.runOnce(now);
        Map<String, Object> row = DeliveryData.onlyRow(subscription.get("id"));
        assertEquals("FAILED", row.get("status"));
        assertEquals(max, ((Number) row.get("attempts")).intValue());
        assertTrue(((String) row.get("lastError")).contains("ConnectException"), (String) row.get("lastError"));
        assertNull(row.get("nextAttemptAt"));
        assertNull(row.get("sentAt"));

        // It stays FAILED: later passes leave it alone.
        dispatcher.runOnce(now.plus(Duration.ofHours(2)));
        assertEquals(max, ((Number) DeliveryData.onlyRow(subscription.get("id")).get("attempts")).intValue());
        assertNotNull(row.get("updatedAt"));
    }
}
