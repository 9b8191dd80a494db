package io.mubiao.report.ranking;

import static io.mubiao.report.Auth.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.KafkaFeed;
import io.mubiao.report.readmodel.ReadModelVersions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/**
 * A cached ranking ends with the commit that changes what it shows: each test first has the ranking cached,
 * waits only until the change is committed to the read model (read from the database, not through the
 * endpoint), then asks once, with no retry, and must see the change.
 */
@QuarkusTest
class RankingInvalidationTest {

    private static final String DATE = "2026-04-15";

    private static KafkaFeed feed;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Inject
    RankingCache cache;

    @Inject
    ReadModelVersions versions;

    @BeforeAll
    static void numbersAsDecimals() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @BeforeEach
    void connect() {
        if (feed == null) {
            feed = new KafkaFeed(json);
        }
    }

    @AfterAll
    static void disconnect() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private static ValidatableResponse ranking(String indicator, String parent) {
        return asAdmin().queryParam("indicator", indicator).queryParam("parent", parent).queryParam("date", DATE)
                .when().get("/api/rankings").then().statusCode(200);
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    /** Waits until the read model holds {@code expected} (a consumer's transaction has committed). */
    private void committed(String sql, String key, Object expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> expected.equals(readOne(sql, key)));
    }

    private Object readOne(String sql, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        }
    }

    /** Two counties of a fresh province, A ahead of B, the ranking cached. */
    private String[] cachedRanking() {
        String province = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        String a = province + "-A", b = province + "-B";
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(province);
        feed.unit(province, a);
        feed.unit(province, b);
        feed.ratio(a, rate, DATE, 60, 100, 1);
        feed.ratio(b, rate, DATE, 40, 100, 1);
        eventually(() -> ranking(rate, province).body("entries.orgUnit", contains(a, b)));
        ranking(rate, province).body("entries.orgUnit", contains(a, b));
        assertNotNull(cache.get(versions.current(), new RankingCache.Key(rate, province, LocalDate.parse(DATE),
                null, null)), "the ranking is cached");
        return new String[] { rate, province, a, b };
    }

    @Test
    void aNewReportChangesTheRankingAsSoonAsItIsCommitted() {
        String[] r = cachedRanking();
        feed.ratio(r[3], r[0], DATE, 90, 100, 2);
        committed("select revision from observation where org_unit = ? and date = '" + DATE + "'", r[3], 2);
        ranking(r[0], r[1]).body("entries.orgUnit", contains(r[3], r[2]))
                .body("entries[0].value", equalTo(new BigDecimal("90.00")));
    }

    @Test
    void aTargetChangesTheRankingAsSoonAsItIsCommitted() {
        String[] r = cachedRanking();
        ranking(r[0], r[1]).body("entries.status", contains("NO_TARGET", "NO_TARGET"));
        feed.target(r[0], r[2], TargetKind.VALUE, "50", null);
        committed("select value::text from target where org_unit = ?", r[2], "50");
        ranking(r[0], r[1]).body("entries[0].status", equalTo("AHEAD"));
    }

    @Test
    void aRenamedUnitShowsAsSoonAsItIsCommitted() {
        String[] r = cachedRanking();
        feed.namedUnit("renamed " + r[2], r[1], r[2]);
        committed("select name from org_unit where code = ?", r[2], "renamed " + r[2]);
        ranking(r[0], r[1]).body("entries[0].name", equalTo("renamed " + r[2]));
    }

    @Test
    void aCommitOfAnotherInstanceEndsTheCachedRankingToo() throws SQLException {
        // Another instance consumes other partitions: this one sees only the row it committed.
        String[] r = cachedRanking();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("""
                    update observation set numerator = 95, denominator = 100, value = 95, revision = 3
                    where org_unit = ? and date = ?""")) {
                update.setString(1, r[3]);
                update.setObject(2, LocalDate.parse(DATE));
                assertEquals(1, update.executeUpdate());
            }
            try (PreparedStatement bump = connection.prepareStatement(
                    "update read_model_version set figures = figures + 1 where id = 1")) {
                bump.executeUpdate();
            }
            connection.commit();
        }
        ranking(r[0], r[1]).body("entries.orgUnit", contains(r[3], r[2]))
                .body("entries[0].value", equalTo(new BigDecimal("95.00")));
    }
}
