package io.mubiao.report.delivery;

import static io.mubiao.report.Auth.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.KafkaFeed;
import io.restassured.http.ContentType;

/**
 * A small province (codes DLV*, used by no other test) with one RATIO indicator reported up to 15 April 2026,
 * published once through the broker; and the subscribing the delivery tests share.
 */
public final class DeliveryData {

    public static final String PROVINCE = "DLV";
    static final String RATE = "DLV.rate";
    /** A run on this day delivers the circular as of 15 April. */
    static final String RUN_DATE = "2026-04-16";

    private static boolean seeded;

    public static synchronized void seed(ObjectMapper json) {
        if (seeded) {
            return;
        }
        try (KafkaFeed feed = new KafkaFeed(json)) {
            feed.namedIndicator(RATE, "企业年报率", "%", Measure.RATIO, Direction.HIGHER_IS_BETTER, "delivery", 2);
            feed.namedUnit("投递省", PROVINCE);
            feed.namedUnit("甲市", PROVINCE, "DLV-A");
            feed.namedUnit("乙市", PROVINCE, "DLV-B");
            for (String unit : new String[] { PROVINCE, "DLV-A", "DLV-B" }) {
                feed.target(RATE, unit, TargetKind.VALUE, "100", null, KafkaFeed.milestone("2026-04-30", "50"));
            }
            feed.ratio("DLV-A", RATE, "2026-04-15", 4500, 10000, 1);
            feed.ratio("DLV-B", RATE, "2026-04-14", 3000, 10000, 1);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> asAdmin()
                .queryParam("scope", PROVINCE).queryParam("date", "2026-04-15")
                .when().get("/api/briefings/daily").then().statusCode(200)
                .body("headline[0].value", notNullValue())
                .body("rankings[0].entries.size()", equalTo(2)));
        seeded = true;
    }

    /**
     * Subscribes as an admin; the answer of the POST (with the webhook secret). Annual: its schedule fires only
     * on 1 January, so the tests' passes of the dispatcher write no scheduled row beside the one a test runs.
     */
    static Map<String, Object> subscribe(String channel, String address, String format) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("scope", PROVINCE, "cadence", "annual",
                "lang", "zh-CN", "format", format, "channel", channel));
        if (address != null) {
            body.put("address", address);
        }
        return asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    /** {@code POST /api/subscriptions/{id}/run?date=2026-04-16}: the delivery's id. */
    static String run(Object subscription) {
        return asAdmin().queryParam("date", RUN_DATE).when().post("/api/subscriptions/" + subscription + "/run")
                .then().statusCode(202).extract().path("id");
    }

    /** The subscription's one log row. */
    static Map<String, Object> onlyRow(Object subscription) {
        return asAdmin().queryParam("subscription", subscription).when().get("/api/deliveries")
                .then().statusCode(200).body("size()", equalTo(1)).extract().jsonPath().getMap("[0]");
    }

    private DeliveryData() {
    }
}
