package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.e2e.RunningSuite.Instance;
import io.mubiao.e2e.RunningSuite.Service;
import io.mubiao.events.Topics;
import io.restassured.http.ContentType;

/**
 * Reports are stored once and published once, whatever happens to progress-service: killed (SIGKILL) after
 * batches are stored and while their outbox bundles are being published, killed in the middle of a Kafka intake, or run as
 * two instances sharing one consumer group. Every figure is counted in the database and, with a read_committed
 * consumer, in {@code progress.recorded}.
 */
class ProgressIntakeExactlyOnceIT {

    private static final String PROVINCE = "XO";
    private static final String INDICATOR = "xo.investment";
    private static final int COUNTIES = 20;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSuite suite;
    private static SuiteData data;
    private static String admin;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.start();
        data = new SuiteData(suite);
        admin = data.admin();
        data.seedProvince(PROVINCE, COUNTIES, INDICATOR);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * 10,000 reports in 100 requests of 100. Each request stores its reports and one outbox row, a bundle of
     * their 100 progress.recorded records, which the relay publishes whole in one Kafka transaction
     * (RunningSuite: transactions of 100 records). The relay is held back while the requests are stored, then
     * the service is killed once it has published some of the bundles and not the others.
     */
    @Test
    void killedBetweenStoringAndPublishingPublishesEachReportOnceAfterTheRestart() throws Exception {
        int requests = 100;
        int perRequest = 100;
        Instance progress = new Instance(Service.PROGRESS, 1);
        try (Connection connection = suite.connectToDatabase();
                PreparedStatement outbox = connection.prepareStatement("select count(*) from progress.outbox")) {
            // Hold the relay back with its own leader lock (messaging's LeaderLock), which the running relay
            // keeps for as long as it lives: kill the service, take the lock, start the service again.
            suite.kill(progress);
            execute(connection, "select pg_advisory_lock(hashtext('progress.outbox'))");
            suite.start(progress);
            for (int request = 0; request < requests; request++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < perRequest; i++) {
                    int day = request * perRequest / COUNTIES + i / COUNTIES + 1;
                    int county = i % COUNTIES;
                    batch.add(report("rest-" + county + "-" + day, county, TODAY.minusDays(day), day));
                }
                given().baseUri(suite.url(Service.PROGRESS)).auth().oauth2(admin).contentType(ContentType.JSON)
                        .body(batch).post("/api/progress").then().statusCode(200).body("accepted", equalTo(perRequest));
            }
            assertEquals(requests, count(outbox), "one outbox row (a bundle) per request, none published yet");
            // Let the relay lead, and kill the service once the first bundles have gone out, so that it dies
            // with part of the reports published and the rest still waiting.
            execute(connection, "select pg_advisory_unlock(hashtext('progress.outbox'))");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count(outbox) == requests && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            suite.kill(progress);
        }

        long waitingRows = data.count("select count(*) from progress.outbox");
        long waiting = data.count("select coalesce(sum(coalesce(records, 1)), 0) from progress.outbox");
        System.out.printf("killed progress-service with %d of 10000 records (%d of %d bundles) not yet published%n",
                waiting, waitingRows, requests);
        assertTrue(waiting > 0, "the kill came after the relay had drained everything: nothing was tested");
        assertTrue(waiting < 10_000, "the relay had published nothing when it was killed: nothing was tested");
        assertEquals(10_000, data.count("select count(*) from progress.report where event_id like 'rest-%'"));

        suite.start(progress);
        await().atMost(Duration.ofSeconds(60)).until(() -> data.count("select count(*) from progress.outbox") == 0);
        assertPublishedOnce("rest-", 10_000);
    }

    @Test
    void twoInstancesConsumingOneTopicStoreAndPublishEachReportOnceThroughAKill() throws Exception {
        Instance second = suite.startAnother(Service.PROGRESS);
        int total = 20_000;
        try (KafkaProducer<String, String> producer = data.producer()) {
            int sent = 0;
            for (int day = 1; sent < total; day++) {
                for (int county = 0; county < COUNTIES; county++, sent++) {
                    Map<String, Object> report = report("kafka-" + county + "-" + day, county,
                            TODAY.minusYears(2).minusDays(day), day);
                    producer.send(new ProducerRecord<>(Topics.PROGRESS_REPORTED, county(county),
                            JSON.writeValueAsString(report)));
                }
                if (sent == total / 4) {
                    producer.flush();
                    awaitMembers(2);
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> data.count("select count(*) from progress.report where event_id like 'kafka-%'") > 0);
                    // a crash while both instances consume: the other takes over the partitions, then it comes back
                    suite.kill(second);
                }
            }
            producer.flush();
        }
        suite.start(second);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> data.count("select count(*) from progress.report where event_id like 'kafka-%'") == total);

        assertEquals(total, data.count("select count(distinct (org_unit, indicator, date)) from progress.report "
                + "where event_id like 'kafka-%'"));
        assertEquals(0, data.count("select count(*) from progress.report where event_id like 'kafka-%' and revision <> 1"),
                "a record delivered twice was stored as a correction");
        assertEquals(0, data.count("select count(*) from progress.report where event_id like 'kafka-%' "
                + "and reported_by <> 'kafka:" + Topics.PROGRESS_REPORTED + "'"));
        await().atMost(Duration.ofSeconds(60)).until(() -> data.count("select count(*) from progress.outbox") == 0);
        assertPublishedOnce("kafka-", total);
        assertEquals(0, data.readAll(Topics.PROGRESS_REPORTED_DLQ).size(), "no good record may reach the dead-letter topic");
    }

    /** Reads progress.recorded as report-service does (read_committed) and counts each eventId. */
    private static void assertPublishedOnce(String prefix, int expected) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (SuiteData.Message record : data.readAll(Topics.PROGRESS_RECORDED)) {
            JsonNode event = JSON.readTree(record.value());
            String eventId = event.get("eventId").asText();
            if (eventId.startsWith(prefix)) {
                seen.merge(eventId, 1, Integer::sum);
            }
        }
        long twice = seen.values().stream().filter(times -> times > 1).count();
        System.out.printf("%s: %d distinct events published, %d more than once%n", prefix, seen.size(), twice);
        assertEquals(expected, seen.size(), "every stored report is published");
        assertEquals(0, twice, "no stored report is published twice");
    }



    private static void awaitMembers(int members) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        String group = "progress-service.reported";
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get(10, TimeUnit.SECONDS);
                return description.members().size() == members
                        && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }



    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }


    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Object> report(String eventId, int county, LocalDate date, int value) {
        return Map.of("eventId", eventId, "orgUnit", county(county), "indicator", INDICATOR,
                "date", date.toString(), "value", value);
    }

    private static String county(int number) {
        return PROVINCE + "-" + number;
    }


}
