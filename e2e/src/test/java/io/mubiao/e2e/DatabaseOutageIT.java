package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.e2e.RunningSuite.Service;
import io.mubiao.events.Topics;
import io.mubiao.testinfra.FreePort;
import io.mubiao.testinfra.PostgresServer;
import io.restassured.http.ContentType;

/**
 * PostgreSQL stops for ten seconds under a steady Kafka intake and REST traffic. The suite runs on a PostgreSQL
 * of its own (embedded binaries, data kept across the restart), not the machine's shared one. While it is down
 * every REST answer of every service is a prompt 503 problem, readiness is down on the database check and
 * liveness stays up; once it is back every report sent before, during and after the outage is stored exactly
 * once and reaches report-service's read model, nothing is dead-lettered, and writes work again.
 */
class DatabaseOutageIT {

    private static final String PROVINCE = "DO";
    private static final String INDICATOR = "do.investment";
    private static final int COUNTIES = 10;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** The longest a request may take while the database is down: it must fail fast, never hang. */
    private static final Duration PROMPT = Duration.ofSeconds(10);
    private static final String DATABASE_CHECK = "Database connections health check";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dataDir;
    private static int port;
    private static PostgresServer postgres;
    private static RunningSuite suite;
    private static String admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSuite() throws IOException {
        dataDir = Files.createTempDirectory("mubiao-outage-pg");
        port = FreePort.find();
        postgres = PostgresServer.startEmbedded(port, dataDir);
        suite = RunningSuite.start(postgres);
        admin = suite.tokens().issue("admin", null, "e2e-admin");
        put("/api/org-units/" + PROVINCE, Map.of("name", "Outage Province"));
        for (int county = 0; county < COUNTIES; county++) {
            put("/api/org-units/" + county(county), Map.of("name", "County " + county, "parent", PROVINCE));
        }
        put("/api/indicators/" + INDICATOR, Map.of("name", "Fixed-asset investment", "unit", "CNY 10k",
                "measure", "CUMULATIVE", "direction", "HIGHER_IS_BETTER", "decimals", 2));
        // the reference data reaches both consumers over Kafka: wait until each knows the last county
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(suite.url(Service.PROGRESS)).auth().oauth2(admin)
                .queryParam("orgUnit", county(COUNTIES - 1)).queryParam("indicator", INDICATOR)
                .get("/api/progress").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(suite.url(Service.REPORT)).auth().oauth2(admin)
                .queryParam("indicator", INDICATOR).queryParam("parent", PROVINCE)
                .get("/api/rankings").then().extract().path("entries.size()"), equalTo(COUNTIES));
    }

    @AfterAll
    static void stopSuite() throws IOException {
        try {
            if (suite != null) {
                if (postgres == null) {
                    // a failed test left the database down: the suite drops its database on close
                    postgres = PostgresServer.startEmbedded(port, dataDir);
                }
                suite.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            if (dataDir != null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Test
    void aTenSecondOutageIsAnswered503AndLosesNothing() throws Exception {
        List<String> restAccepted = new ArrayList<>();
        List<String> restRefused = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            String eventId = "r-" + i;
            given().baseUri(suite.url(Service.PROGRESS)).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(List.of(restReport(eventId, i))).post("/api/progress")
                    .then().statusCode(200).body("accepted", equalTo(1));
            restAccepted.add(eventId);
        }

        try (Intake intake = Intake.start()) {
            awaitStored("k-%", 100);

            postgres.close();
            postgres = null;
            long down = System.nanoTime();
            System.out.printf("PostgreSQL stopped with %d reports produced to %s%n", intake.sent.get(),
                    Topics.PROGRESS_REPORTED);
            // Each service is asked on a thread of its own, so that a slow answer of one does not thin out the others.
            ExecutorService probes = Executors.newFixedThreadPool(Service.values().length);
            Map<Service, Future<Probed>> probed = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                probed.put(service, probes.submit(() -> probeWhileDown(service, down, restRefused)));
            }
            probes.shutdown();
            for (Map.Entry<Service, Future<Probed>> each : probed.entrySet()) {
                try {
                    System.out.printf("%s: %d rounds of a read, a write and its health while PostgreSQL was down, "
                            + "each a 503 problem, the slowest in %d ms%n", each.getKey(), each.getValue().get().rounds(),
                            each.getValue().get().slowest().toMillis());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof AssertionError failed ? failed : new AssertionError(e.getCause());
                }
            }

            postgres = PostgresServer.startEmbedded(port, dataDir);
            System.out.printf("PostgreSQL started again after %d ms down, %d reports produced so far%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down), intake.sent.get());
            for (Service service : Service.values()) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> send(readiness(service)).statusCode() == 200);
            }
            System.out.printf("every service ready again %d ms after the outage began%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down));

            // Writes work at once. What was refused is sent again, as a client would, and is stored once.
            put("/api/org-units/" + PROVINCE + "-after", Map.of("name", "Unit added after the outage", "parent", PROVINCE));
            given().baseUri(suite.url(Service.REPORT)).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(List.of(Map.of("channel", "email", "address", "after@example.org")))
                    .put("/api/units/" + county(0) + "/contacts").then().statusCode(200);
            for (String eventId : restRefused) {
                given().baseUri(suite.url(Service.PROGRESS)).auth().oauth2(admin).contentType(ContentType.JSON)
                        .body(List.of(restReport(eventId, Integer.parseInt(eventId.substring(2)))))
                        .post("/api/progress").then().statusCode(200);
            }
            for (int round = 0; round < probed.get(Service.TARGET).get().rounds(); round++) {
                given().baseUri(suite.url(Service.TARGET)).auth().oauth2(admin)
                        .get("/api/org-units/" + PROVINCE + "-down-" + round).then().statusCode(404);
            }
            // some reports after the outage too, then the intake stops
            int atRestart = intake.sent.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> intake.sent.get() >= atRestart + 100);
        }

        int produced = Intake.produced;
        int rest = restAccepted.size() + restRefused.size();
        System.out.printf("%d reports produced to %s, %d sent over REST (%d of them first refused with 503)%n",
                produced, Topics.PROGRESS_REPORTED, rest, restRefused.size());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from progress.report where event_id like 'k-%'") >= produced);
        assertEquals(produced, count("select count(*) from progress.report where event_id like 'k-%'"),
                "each report of the Kafka intake is stored once");
        assertEquals(produced, count("select count(distinct event_id) from progress.report where event_id like 'k-%'"));
        assertEquals(rest, count("select count(*) from progress.report where event_id like 'r-%'"),
                "each report sent over REST is stored once");
        assertEquals(0, count("select count(*) from progress.report where event_id like 'k-%' and revision <> 1"),
                "a report stored twice would be a correction");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from report.observation where indicator = '" + INDICATOR + "'")
                        >= produced + rest);
        assertEquals(produced + rest, count("select count(*) from report.observation where indicator = '" + INDICATOR + "'"),
                "every stored report reaches report-service's read model");
        // the unit written after the outage goes out through target-service's outbox relay to both reference copies
        assertEquals(1, count("select count(*) from target.org_unit where code = '" + PROVINCE + "-after'"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("select count(*) from progress.org_unit where code = '" + PROVINCE + "-after'") == 1
                        && count("select count(*) from report.org_unit where code = '" + PROVINCE + "-after'") == 1);
        assertEquals(0, deadLetters(), "an outage of the database sends no record to the dead-letter topic");
    }

    /** How often a service was asked while the database was down, and its slowest answer to a read or a write. */
    private record Probed(int rounds, Duration slowest) {
    }

    /**
     * Sends a read and a write to the service, and asks its health, round after round for as long as the
     * outage lasts, at least two rounds. The eventIds of the reports refused by progress-service go to
     * {@code refused}, to be sent again later.
     */
    private Probed probeWhileDown(Service service, long down, List<String> refused) {
        int round = 0;
        Duration slowest = Duration.ZERO;
        for (; round < 2 || System.nanoTime() - down < OUTAGE.toNanos(); round++) {
            if (service == Service.PROGRESS) {
                refused.add("r-" + (20 + round));
            }
            for (HttpRequest request : outageRequests(service, round)) {
                Duration took = assertUnavailable(service, request);
                slowest = took.compareTo(slowest) > 0 ? took : slowest;
            }
            assertHealth(service);
        }
        return new Probed(round, slowest);
    }

    /** A read and a write of each service; the writes name units and events that must never be stored. */
    private List<HttpRequest> outageRequests(Service service, int round) {
        return switch (service) {
            case TARGET -> List.of(
                    request(service, "/api/org-units/" + PROVINCE).GET().build(),
                    request(service, "/api/org-units/" + PROVINCE + "-down-" + round)
                            .PUT(json(Map.of("name", "Written while down", "parent", PROVINCE))).build());
            case PROGRESS -> List.of(
                    request(service, "/api/progress?orgUnit=" + county(0) + "&indicator=" + INDICATOR).GET().build(),
                    request(service, "/api/progress").POST(json(List.of(restReport("r-" + (20 + round), 20 + round))))
                            .build());
            case REPORT -> List.of(
                    request(service, "/api/rankings?indicator=" + INDICATOR + "&parent=" + PROVINCE).GET().build(),
                    request(service, "/api/units/" + county(1) + "/contacts")
                            .PUT(json(List.of(Map.of("channel", "email", "address", "down@example.org")))).build());
        };
    }

    /** Asserts a prompt 503 problem with Retry-After; answers how long it took. */
    private Duration assertUnavailable(Service service, HttpRequest request) {
        long start = System.nanoTime();
        HttpResponse<String> response = send(request);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String what = service + " " + request.method() + " " + request.uri().getPath();
        assertEquals(503, response.statusCode(), what + " while the database is down: " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what + ": " + response.headers().firstValue("Content-Type"));
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), what + " has no Retry-After");
        assertTrue(took.compareTo(PROMPT) < 0, what + " took " + took);
        return took;
    }

    /** Readiness names the database check DOWN; liveness stays UP, so that no orchestrator restarts the service. */
    private void assertHealth(Service service) {
        HttpResponse<String> ready = send(readiness(service));
        assertEquals(503, ready.statusCode(), service + " ready while the database is down: " + ready.body());
        JsonNode check = null;
        try {
            for (JsonNode each : JSON.readTree(ready.body()).get("checks")) {
                if (DATABASE_CHECK.equals(each.get("name").asText())) {
                    check = each;
                }
            }
        } catch (IOException e) {
            fail(service + " readiness is not JSON: " + ready.body());
        }
        assertTrue(check != null && "DOWN".equals(check.get("status").asText()),
                service + " readiness does not name the database DOWN: " + ready.body());
        HttpResponse<String> live = send(HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/health/live"))
                .timeout(PROMPT).GET().build());
        assertEquals(200, live.statusCode(), service + " not live while the database is down: " + live.body());
    }

    private static HttpRequest readiness(Service service) {
        return HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/health/ready")).timeout(PROMPT).GET().build();
    }

    private HttpRequest.Builder request(Service service, String path) {
        return HttpRequest.newBuilder(URI.create(suite.url(service) + path)).timeout(PROMPT)
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Produces one report to progress.reported every 20 ms on a thread of its own, each acknowledged by the
     * broker before the next; {@link #close} stops it and leaves the count in {@link #produced}.
     */
    private static final class Intake implements AutoCloseable {

        static volatile int produced;

        final AtomicInteger sent = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final Thread thread = new Thread(this::run, "outage-intake");

        static Intake start() {
            Intake intake = new Intake();
            intake.thread.start();
            return intake;
        }

        private void run() {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                for (int n = 0; running.get(); n++) {
                    int county = n % COUNTIES;
                    Map<String, Object> report = Map.of("eventId", "k-" + n, "orgUnit", county(county),
                            "indicator", INDICATOR, "date", TODAY.minusDays(1 + n / COUNTIES).toString(), "value", n);
                    producer.send(new ProducerRecord<>(Topics.PROGRESS_REPORTED, county(county),
                            JSON.writeValueAsString(report))).get(10, TimeUnit.SECONDS);
                    sent.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure.set(e);
            }
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            thread.join(TimeUnit.SECONDS.toMillis(30));
            produced = sent.get();
            if (failure.get() != null) {
                throw new AssertionError("the intake failed to produce", failure.get());
            }
        }
    }

    private static void awaitStored(String eventIds, long atLeast) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("select count(*) from progress.report where event_id like '" + eventIds + "'") >= atLeast);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = suite.connectToDatabase(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int deadLetters() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROGRESS_REPORTED_DLQ).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return (int) consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Map<String, Object> restReport(String eventId, int n) {
        return Map.of("eventId", eventId, "orgUnit", county(n % COUNTIES), "indicator", INDICATOR,
                "date", TODAY.minusYears(1).minusDays(1 + n / COUNTIES).toString(), "value", n);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String county(int number) {
        return PROVINCE + "-" + number;
    }

    private static void put(String path, Map<String, Object> body) {
        given().baseUri(suite.url(Service.TARGET)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body).put(path).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }
}
