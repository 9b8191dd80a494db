package io.mubiao.report.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.report.config.ReportConfig;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One delivery per subscription and period, whatever happens between writing the row and sending it. The
 * dispatcher keeps nothing in memory between passes (the claim and its lease are in the table), so a pass
 * after the crash stands for the restarted service, or for another instance.
 */
@QuarkusTest
class DeliveryCrashTest {

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
    void aWorkerKilledAfterTheRowIsWrittenAndBeforeSendingLeavesExactlyOneDelivery() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> subscription = DeliveryData.subscribe("webhook", receiver.url(), "markdown");
            String delivery = DeliveryData.run(subscription.get("id"));
            CrashBeforeSending.arm(UUID.fromString(delivery));
            Instant crash = Instant.now();

            RuntimeException killed = assertThrows(RuntimeException.class, () -> dispatcher.runOnce(crash));
            assertEquals("worker killed before sending delivery " + delivery, killed.getMessage());
            assertEquals(0, receiver.received().size());
            Map<String, Object> row = DeliveryData.onlyRow(subscription.get("id"));
            assertEquals("PENDING", row.get("status"));
            assertEquals(0, ((Number) row.get("attempts")).intValue());

            // Restarted within the lease: the row still belongs to the dead worker, nothing is sent.
            dispatcher.runOnce(crash.plus(Duration.ofMinutes(1)));
            assertEquals(0, receiver.received().size());

            // Once the lease has run out the row is taken up again and sent, once.
            Instant afterLease = crash.plus(config.delivery().lease()).plusSeconds(1);
            dispatcher.runOnce(afterLease);
            assertEquals(1, receiver.received().size());
            assertEquals(delivery, receiver.received().get(0).header("X-Mubiao-Delivery"));

            // Later passes and a second run for the same period find the row SENT.
            dispatcher.runOnce(afterLease.plus(Duration.ofMinutes(10)));
            assertEquals(delivery, DeliveryData.run(subscription.get("id")));
            dispatcher.runOnce(afterLease.plus(Duration.ofMinutes(20)));
            assertEquals(1, receiver.received().size());
            row = DeliveryData.onlyRow(subscription.get("id"));
            assertEquals("SENT", row.get("status"));
            assertEquals(1, ((Number) row.get("attempts")).intValue());
        }
    }

    @Test
    void twoWorkersPassingAtOnceSendOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> subscription = DeliveryData.subscribe("webhook", receiver.url(), "json");
            DeliveryData.run(subscription.get("id"));
            Instant now = Instant.now();
            CyclicBarrier start = new CyclicBarrier(2);
            Runnable pass = () -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                dispatcher.runOnce(now);
            };
            CompletableFuture.allOf(CompletableFuture.runAsync(pass), CompletableFuture.runAsync(pass)).get();

            assertEquals(1, receiver.received().size());
            assertEquals("SENT", DeliveryData.onlyRow(subscription.get("id")).get("status"));
        }
    }
}
