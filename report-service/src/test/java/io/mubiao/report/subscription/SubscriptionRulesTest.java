package io.mubiao.report.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.problem.Problem;
import io.mubiao.report.calc.Cadence;

class SubscriptionRulesTest {

    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    private static List<String> faults(SubscriptionRequest request) {
        return SubscriptionRules.check(request, EIGHT).errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void defaultsLanguageFormatAndTime() {
        SubscriptionRules.Checked checked = SubscriptionRules.check(
                new SubscriptionRequest("FJ", "dekad", null, " ", "kafka", null, null), EIGHT).checked();
        assertEquals(new SubscriptionRules.Checked("FJ", Cadence.DEKAD, "zh-CN", "markdown", Channel.KAFKA, null,
                EIGHT), checked);
    }

    @Test
    void acceptsEachChannelWithItsAddress() {
        assertEquals(List.of(), faults(new SubscriptionRequest("FJ", "daily", "en", "html", "webhook",
                "https://hooks.example.org/circulars?x=1", "17:45")));
        assertEquals(List.of(), faults(new SubscriptionRequest("FJ", "monthly", "zh-CN", "json", "email",
                "督查室@example.org", null)));
        assertEquals(LocalTime.of(17, 45), SubscriptionRules.check(new SubscriptionRequest("FJ", "daily", "en",
                "html", "webhook", "http://127.0.0.1:8080/hook", "17:45"), EIGHT).checked().time());
    }

    @Test
    void namesEveryFaultAtOnce() {
        assertEquals(List.of("scope", "cadence", "lang", "format", "channel", "time"), faults(new SubscriptionRequest(
                "F J", "hourly", "fr", "pdf", "fax", "x", "8 o'clock")));
    }

    @Test
    void anAddressMustFitItsChannel() {
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "webhook", null, null)));
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "webhook",
                "mailto:boss@example.org", null)));
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "webhook",
                "http:///nohost", null)));
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "email",
                "boss at example.org", null)));
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "email",
                "boss@localhost", null)));
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "kafka",
                "briefings.published", null)));
        assertNull(SubscriptionRules.check(new SubscriptionRequest("FJ", "daily", null, null, "email", null, null),
                EIGHT).checked());
    }

    /** The default resolver read 24:00 as midnight. */
    @Test
    void aTimeIsAClockTimeOfOneDay() {
        for (String time : List.of("24:00", "23:60", "7:30", "07:30:00")) {
            assertEquals(List.of("time"), faults(new SubscriptionRequest("FJ", "daily", null, null, "kafka", null, time)),
                    time);
        }
    }

    /** Longer ones passed, and a unit's contact that long failed the unique index's insert as a 500. */
    @Test
    void anAddressHasAtMost500Characters() {
        String local = "長".repeat(500 - "@example.org".length());
        assertEquals(List.of(), faults(new SubscriptionRequest("FJ", "daily", null, null, "email", local + "@example.org",
                null)));
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "email",
                local + "x@example.org", null)));
        assertEquals(List.of("address"), faults(new SubscriptionRequest("FJ", "daily", null, null, "webhook",
                "https://hooks.example.org/" + "x".repeat(500), null)));
    }
}
