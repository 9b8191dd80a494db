package io.mubiao.report.delivery;

import static io.mubiao.report.Auth.asAdmin;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.report.config.ReportConfig;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The schedule itself, without a run: an annual subscription made today is due at 08:00 next 1 January in the
 * service's zone, with the circular of the year that ended; the passes are run at instants of that day.
 */
@QuarkusTest
class ScheduledDeliveryTest {

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
    void theScheduleWritesTheRowOfThePeriodThatEndedAndSendsItOnce() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> subscription = DeliveryData.subscribe("webhook", receiver.url(), "markdown");
            ZoneId zone = config.timeZone();
            LocalDate newYear = LocalDate.now(zone).plusYears(1).withDayOfYear(1);

            dispatcher.runOnce(newYear.atTime(7, 59).atZone(zone).toInstant());
            asAdmin().queryParam("subscription", subscription.get("id")).when().get("/api/deliveries").then()
                    .statusCode(200).body("$", hasSize(0));

            Instant eight = newYear.atTime(8, 1).atZone(zone).toInstant();
            dispatcher.runOnce(eight);
            dispatcher.runOnce(eight.plus(Duration.ofHours(3)));

            assertEquals(1, receiver.received().size());
            Map<String, Object> row = DeliveryData.onlyRow(subscription.get("id"));
            assertEquals("SENT", row.get("status"));
            int year = newYear.getYear() - 1;
            assertEquals(Map.of("from", year + "-01-01", "to", year + "-12-31"), row.get("period"));
            assertEquals(year + "-01-01/" + year + "-12-31", receiver.received().get(0).header("X-Mubiao-Period"));
        }
    }
}
