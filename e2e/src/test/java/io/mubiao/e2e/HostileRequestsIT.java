package io.mubiao.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.e2e.HostileBodies.Endpoint;
import io.mubiao.e2e.HostileBodies.Fault;
import io.mubiao.e2e.RunningSuite.Service;

/**
 * Issue 9, hostile input: well over 1,000 generated bad requests ({@link HostileBodies}) against every write endpoint
 * of the packaged services, with an admin token so that the body is what is judged. Every answer must be a 4xx
 * {@code application/problem+json} whose detail or errors say what is wrong, and afterwards (the outboxes
 * drained) every table of the three schemas must hold exactly what it held before. Finally each template the bad
 * requests were made from is sent as it is and must be accepted: the requests were refused for the fault put in.
 */
class HostileRequestsIT {

    private static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int THREADS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSuite suite;
    private static String admin;
    private static HostileBodies bodies;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startSuiteWithReferenceData() throws Exception {
        suite = RunningSuite.start();
        admin = suite.tokens().issue("admin", null, "hostile-admin");
        bodies = new HostileBodies(LocalDate.now(SERVICE_ZONE));
        for (Map.Entry<String, String> call : bodies.seedCalls()) {
            int status = send(Service.TARGET, "PUT", call.getKey(), call.getValue()).statusCode();
            assertTrue(status == 200 || status == 201, call.getKey() + " → " + status);
        }
        // progress-service learns the units over Kafka: retry until it takes the report
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> send(Service.PROGRESS, "POST", "/api/progress", bodies.seedReport()).statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> settled(
                "select count(*) from report.observation", 1)
                && settled("select count(*) from report.org_unit where code like 'HX%'", 3)
                && settled("select count(*) from report.indicator where code like 'hx.%'", 2)
                && settled("select count(*) from report.target", 2)
                && outboxesEmpty());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyBadRequestIsA4xxProblemNamingTheFaultAndChangesNothing() throws Exception {
        Map<String, String> before = snapshot();
        List<HostileBodies.Request> requests = bodies.all();
        Map<Fault, AtomicInteger> perFault = new ConcurrentHashMap<>();
        Map<Endpoint, AtomicInteger> perEndpoint = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> perStatus = new ConcurrentHashMap<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (HostileBodies.Request request : requests) {
            pool.submit(() -> {
                String failure = judge(request, perStatus);
                if (failure != null) {
                    failures.add(request.fault() + " " + request.endpoint() + " " + request.shown() + " → " + failure);
                }
                perFault.computeIfAbsent(request.fault(), key -> new AtomicInteger()).incrementAndGet();
                perEndpoint.computeIfAbsent(request.endpoint(), key -> new AtomicInteger()).incrementAndGet();
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "the bad requests did not finish in 10 minutes");
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        System.out.printf("%d bad requests in %d s, %d answered wrongly%n", requests.size(), seconds, failures.size());
        System.out.println("per fault:    " + new TreeMap<>(perFault));
        System.out.println("per endpoint: " + new TreeMap<>(perEndpoint));
        System.out.println("per status:   " + new TreeMap<>(perStatus));
        failures.stream().limit(60).forEach(failure -> System.out.println("  WRONG " + failure));

        // Anything a bad request had let through would be on its way to the other services now: wait for the
        // outboxes, and give the consumers a moment, before comparing.
        await().atMost(Duration.ofSeconds(30)).until(HostileRequestsIT::outboxesEmpty);
        Thread.sleep(2_000);
        Map<String, String> after = snapshot();
        before.forEach((table, state) -> {
            if (!state.equals(after.get(table))) {
                System.out.println("  CHANGED " + table + ": " + state + " → " + after.get(table));
            }
        });

        assertTrue(requests.size() >= 1_000, "only " + requests.size() + " bad requests");
        for (Fault fault : Fault.values()) {
            assertTrue(perFault.containsKey(fault), "no request of " + fault);
        }
        for (Endpoint endpoint : Endpoint.values()) {
            assertTrue(perEndpoint.containsKey(endpoint), "no request to " + endpoint);
        }
        assertTrue(failures.isEmpty(), failures.size() + " answers were wrong, the first: " + failures.peek());
        assertEquals(before, after, "a refused request changed the database");

        // the templates themselves are fine: each bad request was refused for the one thing broken in it
        for (Map.Entry<Endpoint, String> valid : bodies.validBodies().entrySet()) {
            HttpResponse<String> response = send(valid.getKey().service, valid.getKey().method,
                    bodies.validPath(valid.getKey()), valid.getValue());
            assertTrue(response.statusCode() / 100 == 2, valid.getKey() + " template refused: " + response.statusCode()
                    + " " + response.body());
        }
    }

    /** Null when the answer is right, else what is wrong with it. */
    private static String judge(HostileBodies.Request request, Map<Integer, AtomicInteger> perStatus) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(build(request.endpoint().service, request.endpoint().method, request.path(),
                    request.contentType(), request.body()), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        perStatus.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
        String body = response.body();
        String shownBody = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (!request.statuses().contains(status)) {
            return "status " + status + " (expected " + request.statuses() + "): " + shownBody;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "Content-Type '" + type + "': " + shownBody;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            return "a body that is not JSON: " + shownBody;
        }
        String detail = problem.path("detail").asText("");
        if (detail.isBlank() || problem.path("status").asInt() != status) {
            return "no detail, or a status field other than " + status + ": " + shownBody;
        }
        StringBuilder said = new StringBuilder(detail);
        problem.path("errors").forEach(error -> said.append(" | ").append(error.path("field").asText(""))
                .append(": ").append(error.path("message").asText("")));
        if (!request.says().matcher(said).find()) {
            return "does not say /" + request.says() + "/: " + shownBody;
        }
        return null;
    }

    private static HttpResponse<String> send(Service service, String method, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(build(service, method, path, "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest build(Service service, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + admin)
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /**
     * Every table of the services' schemas: its row count and an md5 of its rows in order (the outboxes are empty
     * before and after, so they count as any table).
     */
    private static Map<String, String> snapshot() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = suite.connectToDatabase(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    select table_schema || '.' || table_name from information_schema.tables
                    where table_schema in ('target', 'progress', 'report') and table_type = 'BASE TABLE'""")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            assertTrue(names.size() > 10, "the services' tables: " + names);
            for (String name : names) {
                try (ResultSet rows = statement.executeQuery("select count(*) || ' rows, md5 ' || coalesce(md5("
                        + "string_agg(t::text, E'\\n' order by t::text)), '-') from " + name + " t")) {
                    rows.next();
                    tables.put(name, rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean outboxesEmpty() throws SQLException {
        return settled("select (select count(*) from target.outbox) + (select count(*) from progress.outbox)"
                + " + (select count(*) from report.outbox)", 0);
    }

    private static boolean settled(String countQuery, long expected) throws SQLException {
        try (Connection connection = suite.connectToDatabase(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(countQuery)) {
            rows.next();
            return rows.getLong(1) == expected;
        }
    }
}
