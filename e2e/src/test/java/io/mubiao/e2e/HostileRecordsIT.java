package io.mubiao.e2e;

import static io.mubiao.testinfra.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mubiao.e2e.HostileRecords.Hostile;
import io.mubiao.e2e.RunningSuite.Service;
import io.mubiao.events.Topics;
import io.mubiao.testinfra.TopicReader;
import io.restassured.http.ContentType;

/**
 * Issue 9 for Kafka: every bad record reaches its dead-letter topic with its reason, and none blocks its
 * partition. Hostile records of every class ({@link HostileRecords}) go onto progress.reported between good
 * reports of the same keys, and garbage goes onto the suite's own topics (reference.*, progress.recorded)
 * between good records. Then: each bad record is dead-lettered exactly once by each service that consumes its
 * topic, with a reason naming its fault; each good record is stored exactly once; every consumer group reaches
 * the end of its partitions; and nothing of a bad record is in the database.
 */
class HostileRecordsIT {

    private static final String PROVINCE = "HR";
    private static final List<String> COUNTIES = IntStream.range(0, 8).mapToObj(i -> PROVINCE + "-" + i).toList();
    private static final String COUNT = "hr.count";
    private static final String RATE = "hr.rate";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PROGRESS_SERVICE = "progress-service";
    private static final String REPORT_SERVICE = "report-service";

    private static RunningSuite suite;
    private static String admin;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.start();
        admin = suite.tokens().issue("admin", null, "hostile-admin");
        put("/api/org-units/" + PROVINCE, Map.of("name", "Hostile Province"));
        for (String county : COUNTIES) {
            put("/api/org-units/" + county, Map.of("name", "County " + county, "parent", PROVINCE));
        }
        put("/api/indicators/" + COUNT, Map.of("name", "Kindergartens opened", "unit", "件", "measure", "CUMULATIVE",
                "direction", "HIGHER_IS_BETTER", "decimals", 0));
        put("/api/indicators/" + RATE, Map.of("name", "Filing rate", "unit", "%", "measure", "RATIO",
                "direction", "HIGHER_IS_BETTER", "decimals", 2));
        // the reference data reaches progress-service over Kafka: wait until it knows the last county and both indicators
        for (String indicator : List.of(COUNT, RATE)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                    .baseUri(suite.url(Service.PROGRESS)).auth().oauth2(admin)
                    .queryParam("orgUnit", COUNTIES.get(COUNTIES.size() - 1)).queryParam("indicator", indicator)
                    .get("/api/progress").statusCode() == 200);
        }
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyBadReportIsDeadLetteredOnceWithItsReasonAndEveryGoodOneBehindItIsStoredOnce() throws Exception {
        List<Hostile> records = new HostileRecords(COUNTIES, COUNT, RATE, TODAY).reported(100, 4);
        long started = System.nanoTime();
        List<RecordMetadata> sent = produce(Topics.PROGRESS_REPORTED, records);
        awaitNoLag("progress-service.reported", Topics.PROGRESS_REPORTED);
        System.out.printf("progress.reported: %d records produced and consumed to the end in %d ms%n", records.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        Map<String, List<ConsumerRecord<byte[], byte[]>>> letters = lettersBySource(Topics.PROGRESS_REPORTED_DLQ);
        assertDeadLetteredOnce(records, sent, letters, PROGRESS_SERVICE);

        long good = records.stream().filter(record -> !record.bad()).count();
        assertEquals(good, count("select count(*) from progress.report where event_id like 'good-%'"),
                "every good report stored");
        assertEquals(good, count("select count(distinct event_id) from progress.report where event_id like 'good-%' "
                + "and revision = 1"), "every good report stored once, as revision 1");
        assertEquals(good, count("select count(*) from progress.report where org_unit like '" + PROVINCE + "-%'"),
                "nothing stored from a bad report");
        assertEquals(0, count("select count(*) from progress.report where event_id like 'bad-%'"),
                "nothing stored from a bad report");
        // the good reports go on to report-service through the outbox and progress.recorded
        await().atMost(PATIENCE).until(() -> count("select count(*) from report.observation where event_id like 'good-%'") == good);
    }

    @Test
    void garbageOnTheSuitesOwnTopicsIsDeadLetteredByEachConsumerAndBlocksNothing() throws Exception {
        HostileRecords generator = new HostileRecords(COUNTIES, COUNT, RATE, TODAY);
        int rounds = 3;
        Map<String, List<Hostile>> byTopic = new LinkedHashMap<>();
        byTopic.put(Topics.ORG_UNITS, interleave(
                generator.referenceGarbage("HG-BAD", i -> orgUnit("HG-BAD-" + i), "code", "level", rounds),
                i -> new Hostile("good", "HG-OK-" + i, HostileRecords.json(orgUnit("HG-OK-" + i)), null)));
        byTopic.put(Topics.INDICATORS, interleave(
                generator.referenceGarbage("hg.bad", i -> indicator("hg.bad." + i), "code", "measure", rounds),
                i -> new Hostile("good", "hg.ok." + i, HostileRecords.json(indicator("hg.ok." + i)), null)));
        byTopic.put(Topics.TARGETS, interleave(
                generator.referenceGarbage("hg.bad|HG-BAD|2026", i -> target("hg.bad." + i, "HG-BAD-" + i),
                        "indicator", "kind", rounds),
                i -> new Hostile("good", "hg.ok." + i + "|HG-OK-" + i + "|" + TODAY.getYear(),
                        HostileRecords.json(target("hg.ok." + i, "HG-OK-" + i)), null)));
        List<Hostile> recorded = new ArrayList<>();
        for (String county : COUNTIES) {
            recorded.addAll(generator.recordedGarbage(county, i -> observation("recorded-bad-" + county + "-" + i, county, i),
                    1));
        }
        byTopic.put(Topics.PROGRESS_RECORDED, interleave(recorded, i -> {
            String county = COUNTIES.get(i % COUNTIES.size());
            return new Hostile("good", county, HostileRecords.json(observation("recorded-ok-" + i, county, i)), null);
        }));

        Map<String, List<RecordMetadata>> sent = new LinkedHashMap<>();
        for (Map.Entry<String, List<Hostile>> topic : byTopic.entrySet()) {
            sent.put(topic.getKey(), produce(topic.getKey(), topic.getValue()));
        }
        Map<String, List<String>> groups = Map.of(
                Topics.ORG_UNITS, List.of("progress-service.org-units", "report-service.org-units"),
                Topics.INDICATORS, List.of("progress-service.indicators", "report-service.indicators"),
                Topics.TARGETS, List.of("report-service.targets"),
                Topics.PROGRESS_RECORDED, List.of("report-service.progress-recorded"));
        groups.forEach((topic, consumers) -> consumers.forEach(group -> awaitNoLag(group, topic)));

        Map<String, List<String>> consumers = Map.of(
                Topics.ORG_UNITS, List.of(PROGRESS_SERVICE, REPORT_SERVICE),
                Topics.INDICATORS, List.of(PROGRESS_SERVICE, REPORT_SERVICE),
                Topics.TARGETS, List.of(REPORT_SERVICE),
                Topics.PROGRESS_RECORDED, List.of(REPORT_SERVICE));
        for (Map.Entry<String, List<Hostile>> topic : byTopic.entrySet()) {
            Map<String, List<ConsumerRecord<byte[], byte[]>>> letters = lettersBySource(Topics.deadLetterTopicOf(topic.getKey()));
            for (String service : consumers.get(topic.getKey())) {
                System.out.printf("%s, as %s reads it:%n", topic.getKey(), service);
                assertDeadLetteredOnce(topic.getValue(), sent.get(topic.getKey()), letters, service);
            }
        }

        long goodPerTopic = byTopic.get(Topics.ORG_UNITS).stream().filter(record -> !record.bad()).count();
        for (String schema : List.of("progress", "report")) {
            assertEquals(goodPerTopic, count("select count(*) from " + schema + ".org_unit where code like 'HG-OK-%'"), schema);
            assertEquals(goodPerTopic, count("select count(*) from " + schema + ".indicator where code like 'hg.ok.%'"), schema);
            assertEquals(0, count("select count(*) from " + schema + ".org_unit where code like 'HG-BAD%'"), schema);
            assertEquals(0, count("select count(*) from " + schema + ".indicator where code like 'hg.bad%'"), schema);
        }
        assertEquals(byTopic.get(Topics.TARGETS).stream().filter(record -> !record.bad()).count(),
                count("select count(*) from report.target where indicator like 'hg.ok.%'"));
        assertEquals(0, count("select count(*) from report.target where indicator like 'hg.bad%'"));
        assertEquals(byTopic.get(Topics.PROGRESS_RECORDED).stream().filter(record -> !record.bad()).count(),
                count("select count(*) from report.observation where event_id like 'recorded-ok-%'"));
        assertEquals(0, count("select count(*) from report.observation where event_id like 'recorded-bad-%'"));
    }

    /** Each bad record behind a good one of the same key, then as many good ones again. */
    private static List<Hostile> interleave(List<Hostile> garbage, IntFunction<Hostile> good) {
        List<Hostile> records = new ArrayList<>();
        int n = 0;
        for (Hostile bad : garbage) {
            records.add(good.apply(n++));
            records.add(bad);
        }
        for (int i = 0; i < COUNTIES.size(); i++) {
            records.add(good.apply(n++));
        }
        return records;
    }

    /**
     * Each bad record has exactly one letter from {@code service} whose reason holds the expected words, no good
     * one has any; prints the counts per fault.
     */
    private static void assertDeadLetteredOnce(List<Hostile> records, List<RecordMetadata> sent,
            Map<String, List<ConsumerRecord<byte[], byte[]>>> letters, String service) {
        Map<String, int[]> perFault = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            Hostile record = records.get(i);
            List<ConsumerRecord<byte[], byte[]>> mine = letters.getOrDefault(source(sent.get(i)), List.of()).stream()
                    .filter(letter -> service.equals(header(letter, "dlq-consumer"))).toList();
            String what = record.fault() + " #" + i + " at " + source(sent.get(i));
            if (!record.bad()) {
                assertEquals(List.of(), mine.stream().map(letter -> header(letter, "dlq-reason")).toList(),
                        "a good record was dead-lettered: " + what);
                continue;
            }
            assertEquals(1, mine.size(), what + " dead-lettered by " + service + " once");
            ConsumerRecord<byte[], byte[]> letter = mine.get(0);
            String reason = header(letter, "dlq-reason");
            assertNotNull(reason, what + " has no dlq-reason");
            assertTrue(reason.contains(record.reason()), what + ": expected the reason to hold '" + record.reason()
                    + "', got: " + abbreviate(reason));
            assertEquals(record.value() == null ? null : List.of(record.value().length),
                    letter.value() == null ? null : List.of(letter.value().length), what + ": the value as it came");
            perFault.computeIfAbsent(record.fault(), fault -> new int[2])[0]++;
            perFault.get(record.fault())[1] += record.value() == null ? 0 : record.value().length;
        }
        long good = records.stream().filter(record -> !record.bad()).count();
        perFault.forEach((fault, counts) -> System.out.printf("  %-60s %5d dead-lettered (%,d bytes)%n", fault, counts[0],
                counts[1]));
        System.out.printf("  %-60s %5d not dead-lettered%n", "good", good);
    }

    private static List<RecordMetadata> produce(String topic, List<Hostile> records) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (Hostile record : records) {
                byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
                sends.add(producer.send(new ProducerRecord<>(topic, key, record.value())));
            }
            List<RecordMetadata> sent = new ArrayList<>();
            for (Future<RecordMetadata> send : sends) {
                sent.add(send.get(60, TimeUnit.SECONDS));
            }
            return sent;
        }
    }

    /** Waits until {@code group} has committed every partition of {@code topic} to its end. */
    private static void awaitNoLag(String group, String topic) {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers()))) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> lag(kafka, group, topic) == 0);
        }
        System.out.printf("%s: no lag on %s%n", group, topic);
    }

    private static long lag(Admin kafka, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        kafka.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (var end : kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Every letter of a dead-letter topic, by the place of its record ({@link #source}). */
    private static Map<String, List<ConsumerRecord<byte[], byte[]>>> lettersBySource(String topic) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> letters = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : TopicReader.readAll(suite.kafkaBootstrapServers(), topic)) {
            String source = header(letter, "dlq-source-topic") + "-" + header(letter, "dlq-source-partition") + "@"
                    + header(letter, "dlq-source-offset");
            letters.computeIfAbsent(source, key -> new ArrayList<>()).add(letter);
        }
        return letters;
    }

    private static String source(RecordMetadata record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    // ---- good states of the suite's own topics, as maps that the generator can spoil ----

    private static Map<String, Object> orgUnit(String code) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("eventId", UUID.randomUUID().toString());
        unit.put("version", 1);
        unit.put("code", code);
        unit.put("name", "Unit " + code);
        unit.put("parent", null);
        unit.put("kind", "region");
        unit.put("level", 1);
        unit.put("path", List.of(code));
        unit.put("changedAt", Instant.now().toString());
        return unit;
    }

    private static Map<String, Object> indicator(String code) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("eventId", UUID.randomUUID().toString());
        indicator.put("version", 1);
        indicator.put("code", code);
        indicator.put("name", "Indicator " + code);
        indicator.put("unit", "件");
        indicator.put("measure", "CUMULATIVE");
        indicator.put("direction", "HIGHER_IS_BETTER");
        indicator.put("group", "hostile");
        indicator.put("decimals", 0);
        indicator.put("changedAt", Instant.now().toString());
        return indicator;
    }

    private static Map<String, Object> target(String indicator, String orgUnit) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("eventId", UUID.randomUUID().toString());
        target.put("version", 1);
        target.put("indicator", indicator);
        target.put("orgUnit", orgUnit);
        target.put("year", TODAY.getYear());
        target.put("kind", "VALUE");
        target.put("value", 40);
        target.put("milestones", List.of(Map.of("due", TODAY.getYear() + "-12-31", "value", 40)));
        target.put("changedAt", Instant.now().toString());
        return target;
    }

    /** A stored revision as progress-service publishes it, each {@code n} on a day of its own. */
    private static Map<String, Object> observation(String eventId, String orgUnit, int n) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("eventId", eventId);
        report.put("orgUnit", orgUnit);
        report.put("indicator", "hg.recorded");
        report.put("date", TODAY.minusYears(3).minusDays(n).toString());
        report.put("value", n);
        report.put("numerator", null);
        report.put("denominator", null);
        report.put("revision", 1);
        report.put("reportedBy", "hostile");
        report.put("recordedAt", Instant.now().toString());
        return report;
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = suite.connectToDatabase();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void put(String path, Map<String, Object> body) {
        given().baseUri(suite.url(Service.TARGET)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(HostileRecords.json(body)).put(path)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }
}
