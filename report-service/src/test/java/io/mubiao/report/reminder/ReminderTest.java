package io.mubiao.report.reminder;

import static io.mubiao.report.Auth.as;
import static io.mubiao.report.Auth.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.KafkaFeed;
import io.mubiao.report.SmtpTestResource;
import io.mubiao.report.delivery.DeliveryDispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;

/**
 * Reminders after the cut-off, to a real HTTP server and a real SMTP server, over a province of its own (codes
 * RMD*): a 50% milestone due 20 April; on 15 April city A reported 45% (5 points short, 5 days left), city B
 * last reported on the 14th at 30%, city C reported 60%. The passes are run at instants of 15 April (Shanghai).
 */
@QuarkusTest
class ReminderTest {

    private static final String RATE = "RMD.rate";
    /** 17:30 in Shanghai on 15 April 2026: past the cut-off. */
    private static final Instant AFTER_CUT_OFF = Instant.parse("2026-04-15T09:30:00Z");

    private static boolean seeded;

    @Inject
    ObjectMapper json;

    @Inject
    DeliveryDispatcher dispatcher;

    @BeforeAll
    static void problems() {
        RestAssured.registerParser("application/problem+json", Parser.JSON);
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        try (KafkaFeed feed = new KafkaFeed(json)) {
            feed.namedIndicator(RATE, "企业年报率", "%", Measure.RATIO, Direction.HIGHER_IS_BETTER, "reminder", 2);
            feed.namedUnit("提醒省", "RMD");
            feed.namedUnit("甲市", "RMD", "RMD-A");
            feed.namedUnit("乙市", "RMD", "RMD-B");
            feed.namedUnit("丙市", "RMD", "RMD-C");
            for (String unit : new String[] { "RMD", "RMD-A", "RMD-B", "RMD-C" }) {
                feed.target(RATE, unit, TargetKind.VALUE, "100", null, KafkaFeed.milestone("2026-04-20", "50"));
            }
            feed.ratio("RMD-A", RATE, "2026-04-15", 4500, 10000, 1);
            feed.ratio("RMD-B", RATE, "2026-04-14", 3000, 10000, 1);
            feed.ratio("RMD-C", RATE, "2026-04-15", 6000, 10000, 1);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> asAdmin()
                .queryParam("indicator", RATE).queryParam("parent", "RMD").queryParam("date", "2026-04-15")
                .when().get("/api/rankings").then().statusCode(200)
                .body("entries.findAll { it.value != null }", hasSize(3))
                .body("entries.findAll { it.milestone != null }", hasSize(3)));
        seeded = true;
    }

    @Test
    void unitsBehindOrSilentAfterTheCutOffAreRemindedOnce() throws Exception {
        try (var receiverA = new io.mubiao.report.delivery.WebhookReceiver();
                var receiverC = new io.mubiao.report.delivery.WebhookReceiver()) {
            String secretA = asAdmin().contentType(ContentType.JSON)
                    .body(List.of(Map.of("channel", "webhook", "address", receiverA.url())))
                    .when().put("/api/units/RMD-A/contacts").then().statusCode(200)
                    .body("[0].secret", matchesPattern("[0-9a-f]{64}")).extract().path("[0].secret");
            asAdmin().contentType(ContentType.JSON)
                    .body(List.of(Map.of("channel", "email", "address", "rmd-b@example.org", "lang", "zh-CN")))
                    .when().put("/api/units/RMD-B/contacts").then().statusCode(200);
            asAdmin().contentType(ContentType.JSON)
                    .body(List.of(Map.of("channel", "webhook", "address", receiverC.url())))
                    .when().put("/api/units/RMD-C/contacts").then().statusCode(200);

            // Before the cut-off (16:59 in Shanghai) nobody is reminded.
            dispatcher.runOnce(Instant.parse("2026-04-15T08:59:00Z"));
            assertEquals(0, receiverA.received().size());

            dispatcher.runOnce(AFTER_CUT_OFF);
            dispatcher.runOnce(AFTER_CUT_OFF.plus(Duration.ofMinutes(30)));

            assertEquals(1, receiverA.received().size());
            var toA = receiverA.received().get(0);
            assertEquals("甲市：\n- 企业年报率：距4月20日50%的阶段目标还差5.00个百分点，剩余5天。\n请抓紧报送数据、加快工作进度。\n",
                    toA.text());
            assertEquals("reminder", toA.header("X-Mubiao-Kind"));
            assertEquals("RMD-A", toA.header("X-Mubiao-Unit"));
            assertEquals("sha256=" + hmac(secretA, toA.body()), toA.header("X-Mubiao-Signature"));
            assertEquals(0, receiverC.received().size(), "city C reported and is ahead");

            List<MimeMessage> toB = Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                    .filter(mail -> {
                        try {
                            return "rmd-b@example.org".equals(mail.getAllRecipients()[0].toString());
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertEquals(1, toB.size());
            assertEquals("【督促提醒】乙市 4月15日", toB.get(0).getSubject());
            String body = ((String) toB.get(0).getContent()).replace("\r\n", "\n");
            assertTrue(body.contains("截至4月15日17:00未报送当日数据（最近一次报送为4月14日）"), body);
            assertTrue(body.contains("还差20.00个百分点，剩余5天"), body);

            asAdmin().queryParam("orgUnit", "RMD-A").when().get("/api/deliveries").then().statusCode(200)
                    .body("kind", contains("REMINDER"))
                    .body("status", contains("SENT"))
                    .body("[0].orgUnit", equalTo("RMD-A"))
                    .body("[0].subscription", nullValue())
                    .body("[0].period.to", equalTo("2026-04-15"))
                    .body("[0].attempts", equalTo(1));
            asAdmin().queryParam("orgUnit", "RMD-C").when().get("/api/deliveries").then().statusCode(200)
                    .body("$", hasSize(0));
        } finally {
            for (String unit : new String[] { "RMD-A", "RMD-B", "RMD-C" }) {
                asAdmin().contentType(ContentType.JSON).body("[]").when().put("/api/units/" + unit + "/contacts")
                        .then().statusCode(200);
            }
        }
    }

    @Test
    void contactsAreReplacedAsAWholeAndChecked() {
        int id = asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("channel", "email", "address", "one@example.org")))
                .when().put("/api/units/RMD/contacts").then().statusCode(200)
                .body("[0].lang", equalTo("zh-CN")).body("[0].secret", nullValue())
                .extract().path("[0].id");
        as(Roles.SUPERVISOR, "RMD").contentType(ContentType.JSON)
                .body(List.of(Map.of("channel", "email", "address", "one@example.org", "lang", "en"),
                        Map.of("channel", "email", "address", "two@example.org")))
                .when().put("/api/units/RMD/contacts").then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].lang", equalTo("en"))
                .body("address", contains("one@example.org", "two@example.org"));
        asAdmin().when().get("/api/units/RMD/contacts").then().statusCode(200)
                .body("address", contains("one@example.org", "two@example.org"));

        asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("channel", "kafka", "address", "x"), Map.of("channel", "webhook", "address", "nope"),
                        Map.of("channel", "email", "address", "a@example.org", "lang", "fr")))
                .when().put("/api/units/RMD/contacts").then().statusCode(422)
                .body("errors.index", contains(0, 1, 2))
                .body("errors.field", contains("channel", "address", "lang"));
        asAdmin().when().get("/api/units/RMD/contacts").then().statusCode(200).body("$", hasSize(2));
        asAdmin().contentType(ContentType.JSON).body("{}").when().put("/api/units/RMD/contacts").then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body("[]").when().put("/api/units/NO-SUCH/contacts").then()
                .statusCode(404);
        // a code that cannot exist is unknown without a look-up: U+0000 made PostgreSQL fail it as a 500
        asAdmin().contentType(ContentType.JSON).body("[]").when().put("/api/units/{unit}/contacts", "RMD\0")
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body("[{\"channel\":\"email\",\"address\":\"a\\u0000b@example.org\"}]")
                .when().put("/api/units/RMD/contacts").then().statusCode(400)
                .body("detail", containsString("U+0000"));
        as(Roles.SUPERVISOR, "RMD-A").contentType(ContentType.JSON).body("[]").when().put("/api/units/RMD/contacts")
                .then().statusCode(403).body("detail", containsString("outside your area"));
        as(Roles.REPORTER, "RMD").when().get("/api/units/RMD/contacts").then().statusCode(403);
        asAdmin().when().get("/api/deliveries").then().statusCode(400);
        asAdmin().queryParam("orgUnit", "RMD").queryParam("subscription", "1").when().get("/api/deliveries").then()
                .statusCode(400);

        asAdmin().contentType(ContentType.JSON).body("[]").when().put("/api/units/RMD/contacts").then()
                .statusCode(200).body("$", hasSize(0));
        asAdmin().when().get("/api/units/RMD/contacts").then().statusCode(200).body("$", hasSize(0));
    }

    /** Replaces of one unit at once wait for each other: both used to insert the new contact, the second as a 500. */
    @Test
    void concurrentReplacesOfAUnitsContactsAllSucceed() throws Exception {
        String body = "[{\"channel\":\"email\",\"address\":\"race@example.org\"}]";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> asAdmin().contentType(ContentType.JSON).body(body)
                        .when().put("/api/units/RMD-C/contacts").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        asAdmin().when().get("/api/units/RMD-C/contacts").then().statusCode(200).body("$", hasSize(1));
        asAdmin().contentType(ContentType.JSON).body("[]").when().put("/api/units/RMD-C/contacts").then().statusCode(200);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
