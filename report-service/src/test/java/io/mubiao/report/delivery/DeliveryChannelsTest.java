package io.mubiao.report.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.mubiao.events.Topics;
import io.mubiao.report.SmtpTestResource;
import io.mubiao.testinfra.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Each channel's circular reaches a real receiver: an HTTP server, an SMTP server, the Kafka broker. */
@QuarkusTest
class DeliveryChannelsTest {

    @Inject
    ObjectMapper json;

    @Inject
    DeliveryDispatcher dispatcher;

    @BeforeEach
    void seed() {
        DeliveryData.seed(json);
    }

    @Test
    void webhookReceivesTheSignedCircular() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> subscription = DeliveryData.subscribe("webhook", receiver.url(), "markdown");
            String secret = (String) subscription.get("secret");
            String delivery = DeliveryData.run(subscription.get("id"));

            dispatcher.runOnce(Instant.now());

            assertEquals(1, receiver.received().size());
            WebhookReceiver.Received request = receiver.received().get(0);
            assertEquals("sha256=" + hmac(secret, request.body()), request.header("X-Mubiao-Signature"));
            assertEquals(delivery, request.header("X-Mubiao-Delivery"));
            assertEquals("text/markdown; charset=UTF-8", request.header("Content-Type"));
            assertTrue(request.text().contains("投递省目标任务进展情况通报"), request.text());
            assertTrue(request.text().contains("截至4月15日"), request.text());
            Map<String, Object> row = DeliveryData.onlyRow(subscription.get("id"));
            assertEquals("SENT", row.get("status"));
            assertEquals(1, ((Number) row.get("attempts")).intValue());
            assertEquals(Map.of("from", "2026-01-01", "to", "2026-04-15"), row.get("period"));
        }
    }

    @Test
    void emailArrivesAtTheSmtpServer() throws Exception {
        String address = "supervisor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, Object> subscription = DeliveryData.subscribe("email", address, "html");
        String delivery = DeliveryData.run(subscription.get("id"));

        dispatcher.runOnce(Instant.now());

        List<MimeMessage> mails = java.util.Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                .filter(mail -> delivery.equals(header(mail, "X-Mubiao-Delivery"))).toList();
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertEquals(address, mail.getAllRecipients()[0].toString());
        assertTrue(mail.getSubject().startsWith("投递省目标任务进展情况通报"), mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(mail.getContentType().startsWith("text/html"), mail.getContentType());
        assertTrue(body.contains("<svg") || body.contains("svg"), "the HTML circular with its charts");
        assertEquals("SENT", DeliveryData.onlyRow(subscription.get("id")).get("status"));
    }

    @Test
    void kafkaRecordIsPublishedWithTheScopeAsKey() throws Exception {
        Map<String, Object> subscription = DeliveryData.subscribe("kafka", null, "json");
        String delivery = DeliveryData.run(subscription.get("id"));

        dispatcher.runOnce(Instant.now());
        assertEquals("SENT", DeliveryData.onlyRow(subscription.get("id")).get("status"));

        List<ConsumerRecord<String, String>> ours = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.BRIEFINGS_PUBLISHED));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (delivery.equals(json.readTree(record.value()).path("deliveryId").asText())) {
                        ours.add(record);
                    }
                }
                return !ours.isEmpty();
            });
            // Whatever else is on the topic by now: still the one record of this delivery.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                try {
                    if (delivery.equals(json.readTree(record.value()).path("deliveryId").asText())) {
                        ours.add(record);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertEquals(1, ours.size());
        assertEquals(DeliveryData.PROVINCE, ours.get(0).key());
        JsonNode published = json.readTree(ours.get(0).value());
        assertEquals("annual", published.path("cadence").asText());
        assertEquals("2026-04-15", published.path("to").asText());
        assertEquals("application/json", published.path("contentType").asText());
        JsonNode briefing = json.readTree(published.path("content").asText());
        assertEquals(DeliveryData.PROVINCE, briefing.path("scope").asText());
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "delivery-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** The signature worked out here, independently of the service's code. */
    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
