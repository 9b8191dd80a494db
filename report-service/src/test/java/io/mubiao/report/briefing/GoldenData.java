package io.mubiao.report.briefing;

import static io.mubiao.report.Auth.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.KafkaFeed;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * A small fixed province (codes GOLD*, used by no other test) with two indicators of the group
 * {@code golden}, published once through the broker and awaited until the read model has all of it. The
 * figures each test expects are worked out by hand in the comments.
 *
 * <pre>
 * 企业年报率 (RATIO %, 2 decimals), numerators of 10000; target of every unit: 100 with 50 due 30 April
 *           2025-04-15  04-08  04-10  04-14  04-15   value 04-15   value 04-14
 *   福州 FZ    3600     3500          4200   4300      43.00         42.00
 *   厦门 XM    4800     4000          5000   5510      55.10         50.00
 *   泉州 QZ    3700     3000                 4100      41.00         30.00
 *   南平 NP    2500     2800          2900             29.00         29.00
 *   宁德 ND                    3790                    37.90         37.90
 *   province (roll-up)                              20600/50000 = 41.20; 04-14: 18890/50000 = 37.78;
 *   a year ago 14600/40000 = 36.50
 * 固定资产投资 (CUMULATIVE 亿元, no target): FZ 150 on 04-14 and 04-15 (160 a year ago), XM 118 on 04-14 and
 *   120.5 on 04-15 (100 a year ago), QZ 90 on 04-12 (80 on 2025-04-10); province 360.50, 04-14 358.00, a year
 *   ago 340 (growth 6.03%); XM also 5 on 2026-01-01 (the year's total restarts: on 1 January the change is 5)
 * </pre>
 */
final class GoldenData {

    static final String PROVINCE = "GOLD";
    static final String FZ = "GOLD-FZ", XM = "GOLD-XM", QZ = "GOLD-QZ", NP = "GOLD-NP", ND = "GOLD-ND";
    static final String RATE = "GOLD.annual-report", INVESTMENT = "GOLD.investment", GROUP = "golden";
    static final String DATE = "2026-04-15";

    private static boolean seeded;

    static synchronized void seed(KafkaFeed feed) {
        if (seeded) {
            return;
        }
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        feed.namedIndicator(RATE, "企业年报率", "%", Measure.RATIO, Direction.HIGHER_IS_BETTER, GROUP, 2);
        feed.namedIndicator(INVESTMENT, "固定资产投资", "亿元", Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, GROUP, 2);
        feed.namedUnit("福建省", PROVINCE);
        feed.namedUnit("福州市", PROVINCE, FZ);
        feed.namedUnit("厦门市", PROVINCE, XM);
        feed.namedUnit("泉州市", PROVINCE, QZ);
        feed.namedUnit("南平市", PROVINCE, NP);
        feed.namedUnit("宁德市", PROVINCE, ND);
        for (String unit : new String[] { PROVINCE, FZ, XM, QZ, NP, ND }) {
            feed.target(RATE, unit, TargetKind.VALUE, "100", null, KafkaFeed.milestone("2026-04-30", "50"));
        }
        rate(feed, FZ, "2025-04-15", 3600);
        rate(feed, FZ, "2026-04-08", 3500);
        rate(feed, FZ, "2026-04-14", 4200);
        rate(feed, FZ, "2026-04-15", 4300);
        rate(feed, XM, "2025-04-15", 4800);
        rate(feed, XM, "2026-04-08", 4000);
        rate(feed, XM, "2026-04-14", 5000);
        rate(feed, XM, "2026-04-15", 5510);
        rate(feed, QZ, "2025-04-15", 3700);
        rate(feed, QZ, "2026-04-08", 3000);
        rate(feed, QZ, "2026-04-15", 4100);
        rate(feed, NP, "2025-04-15", 2500);
        rate(feed, NP, "2026-04-08", 2800);
        rate(feed, NP, "2026-04-14", 2900);
        rate(feed, ND, "2026-04-10", 3790);
        feed.value(FZ, INVESTMENT, "2025-04-15", "160", 1);
        feed.value(FZ, INVESTMENT, "2026-04-14", "150", 1);
        feed.value(FZ, INVESTMENT, "2026-04-15", "150", 1);
        feed.value(XM, INVESTMENT, "2025-04-15", "100", 1);
        feed.value(XM, INVESTMENT, "2026-01-01", "5", 1);
        feed.value(XM, INVESTMENT, "2026-04-14", "118", 1);
        feed.value(XM, INVESTMENT, "2026-04-15", "120.5", 1);
        feed.value(QZ, INVESTMENT, "2025-04-10", "80", 1);
        feed.value(QZ, INVESTMENT, "2026-04-12", "90", 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> asAdmin()
                .queryParam("scope", PROVINCE).queryParam("date", DATE).queryParam("group", GROUP)
                .when().get("/api/briefings/daily").then().statusCode(200)
                .body("headline[0].value", equalTo(new BigDecimal("41.20")))
                .body("headline[0].change", equalTo(new BigDecimal("3.42")))
                .body("headline[0].yoyChange", equalTo(new BigDecimal("4.70")))
                .body("headline[0].expected", equalTo(new BigDecimal("43.70")))
                .body("rankings[0].entries.findAll { it.expected == null }", hasSize(0))
                .body("rankings[0].entries.findAll { it.name.startsWith('name of') }", hasSize(0))
                .body("headline[1].value", equalTo(new BigDecimal("360.50")))
                .body("headline[1].change", equalTo(new BigDecimal("2.50")))
                .body("headline[1].yoyChange", equalTo(new BigDecimal("6.03"))));
        seeded = true;
    }

    private static void rate(KafkaFeed feed, String unit, String date, long numerator) {
        feed.ratio(unit, RATE, date, numerator, 10000, 1);
    }

    private GoldenData() {
    }
}
