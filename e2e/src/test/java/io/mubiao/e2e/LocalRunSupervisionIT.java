package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.mubiao.testinfra.FreePort;
import io.mubiao.testinfra.PostgresServer;
import io.mubiao.testinfra.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * deploy/run-local.sh as an operator runs it (no --demo, but --no-build: the reactor has packaged everything):
 * once it says 'ready', the three services and then the broker it started are killed with SIGKILL, and the script
 * must start new ones by itself, backing off when one dies again before it is up, with the data of before and the
 * flow from progress-service to report-service working again. SIGTERM to the script must then end every process
 * it started. The methods run in order on one run of the script.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunSupervisionIT {

    private static final String PROVINCE = "SUP";
    private static final String COUNTY = "SUP-A";
    private static final String INDICATOR = "supervision.filing";
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    private static final Duration RESTART = Duration.ofSeconds(180);

    /** module → the port it was given; kafka's process is found by its main class. */
    private static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>();
    private static final String KAFKA_MAIN = "io.mubiao.testinfra.LocalKafka";

    private static TestDatabase database;
    private static LocalRun run;
    private static String admin;
    /** Every process of the run the test saw, the killed ones included: none may outlive the script. */
    private static final Set<Long> seen = new TreeSet<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheLocalRun() throws IOException {
        Path root = Path.of(System.getProperty("mubiao.root", "..")).toAbsolutePath().normalize();
        Path runDir = root.resolve("e2e/target/local-run");
        // A broker of an earlier test run would hold offsets of a database that is gone.
        deleteRecursively(runDir.resolve("kafka"));
        database = TestDatabase.create(PostgresServer.findOrStartForTests(), "mubiao_local_run");
        PostgresServer server = database.server();

        Map<String, String> env = new HashMap<>();
        for (String service : List.of("target-service", "progress-service", "report-service")) {
            SERVICE_PORTS.put(service, FreePort.find());
        }
        env.put("TARGET_PORT", String.valueOf(SERVICE_PORTS.get("target-service")));
        env.put("PROGRESS_PORT", String.valueOf(SERVICE_PORTS.get("progress-service")));
        env.put("REPORT_PORT", String.valueOf(SERVICE_PORTS.get("report-service")));
        env.put("KAFKA_PORT", String.valueOf(FreePort.find()));
        env.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePort.find()));
        env.put("PGHOST", server.host());
        env.put("PGPORT", String.valueOf(server.port()));
        env.put("PGUSER", server.user());
        env.put("PGPASSWORD", server.password());
        env.put("PGDATABASE", database.name());
        // The script's 'java' is the JDK running this test.
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));

        run = LocalRun.start(root, runDir, env, root.resolve("e2e/target/local-run-output.log"));
        int ready = run.awaitLine(0, line -> line.contains(" run-local: ready: "), "its 'ready' line", Duration.ofSeconds(300));
        String tokenLine = run.line(run.awaitLine(ready, line -> line.startsWith("admin token"), "the admin token",
                Duration.ofSeconds(10)));
        admin = tokenLine.substring(tokenLine.lastIndexOf(' ') + 1);

        put("/api/org-units/" + PROVINCE, Map.of("name", "Supervised Province"));
        put("/api/org-units/" + COUNTY, Map.of("name", "County A", "parent", PROVINCE));
        put("/api/indicators/" + INDICATOR, Map.of("name", "Filing rate", "unit", "%", "measure", "RATIO",
                "direction", "HIGHER_IS_BETTER", "decimals", 2));
        // The reference data reaches progress-service over Kafka: until then it refuses the county.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> report(25, 100).statusCode() == 200);
        awaitRankedValue("25.00", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopEverything() {
        if (run != null) {
            run.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void eachKilledServiceIsStartedAgainAndStillHasItsData() {
        // All three at once (as the OOM killer might), so that their starts overlap and the test stays short.
        int before = run.lineCount();
        Map<String, ProcessHandle> killed = new LinkedHashMap<>();
        SERVICE_PORTS.keySet().forEach(service -> killed.put(service, kill(service, jarOf(service))));
        Map<String, ProcessHandle> fresh = new LinkedHashMap<>();
        killed.forEach((service, victim) -> fresh.put(service, awaitSuccessor(service, jarOf(service), victim, before)));

        // report-service killed again before it is up: the start of a crash loop, so the script waits first.
        int again = run.lineCount();
        fresh.put("report-service", awaitSuccessor("report-service", jarOf("report-service"),
                kill("report-service", jarOf("report-service")), again));
        run.awaitLine(again, line -> line.contains("before it was up; 2 times in a row); restarting in 5 s"),
                "that it backs off", Duration.ofSeconds(1));

        fresh.forEach(LocalRunSupervisionIT::awaitReady);
        given().baseUri(url("target-service")).auth().oauth2(admin).get("/api/org-units/" + COUNTY)
                .then().statusCode(200).body("parent", equalTo(PROVINCE));
        Object stored = given().baseUri(url("progress-service")).auth().oauth2(admin)
                .queryParam("orgUnit", COUNTY).queryParam("indicator", INDICATOR)
                .queryParam("from", DAY.toString()).queryParam("to", DAY.toString()).get("/api/progress")
                .then().statusCode(200).extract().path("points[0].numerator");
        assertEquals(0, new BigDecimal("25").compareTo(new BigDecimal(String.valueOf(stored))), "stored numerator " + stored);
        awaitRankedValue("25.00", Duration.ofSeconds(30));
        // and a new report still flows from progress-service through the broker to report-service
        report(40, 100).then().statusCode(200).body("accepted", equalTo(1));
        awaitRankedValue("40.00", Duration.ofSeconds(60));
    }

    @Test
    @Order(2)
    void aKilledBrokerIsStartedAgainAndTheServicesCarryOn() {
        long killed = System.nanoTime();
        int before = run.lineCount();
        awaitSuccessor("kafka", KAFKA_MAIN, kill("kafka", KAFKA_MAIN), before);
        run.awaitLine(before, line -> line.contains("run-local: kafka: up again"), "that the broker is up again", RESTART);
        report(60, 100).then().statusCode(200).body("accepted", equalTo(1));
        awaitRankedValue("60.00", Duration.ofSeconds(120));
        System.out.printf("broker killed → a new report visible in the ranking: %d s%n",
                (System.nanoTime() - killed) / 1_000_000_000);
        // Their Kafka readiness checks turn green once every consumer has found the broker again.
        for (String service : SERVICE_PORTS.keySet()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> readiness(service) == 200);
        }
    }

    @Test
    @Order(3)
    void sigtermStopsEverythingTheScriptStarted() {
        for (String marker : Stream.concat(SERVICE_PORTS.keySet().stream().map(LocalRunSupervisionIT::jarOf),
                Stream.of(KAFKA_MAIN)).toList()) {
            seen.add(run.started(marker).orElseThrow(() -> new AssertionError("nothing runs as " + marker)).pid());
        }

        assertEquals(0, run.terminate(Duration.ofSeconds(90)), "exit code after SIGTERM");

        List<Long> alive = seen.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .toList();
        assertEquals(List.of(), alive, "processes of the run still alive after the script ended");
        assertEquals(List.of(), run.tagged().stream().map(ProcessHandle::pid).toList(),
                "processes tagged with the run's RUN_DIR after the script ended");
    }

    /** Kills the run's process matching {@code marker} with SIGKILL; the process killed. */
    private static ProcessHandle kill(String name, String marker) {
        ProcessHandle victim = run.started(marker).orElseThrow(() -> new AssertionError("no running " + name));
        seen.add(victim.pid());
        assertTrue(victim.destroyForcibly(), "SIGKILL sent to " + name);
        return victim;
    }

    /**
     * Waits until the script has started a new process matching {@code marker} in place of {@code victim} (another
     * pid, a back-off of 5 s included) and has said so in its output from line {@code before} on; the new one.
     */
    private static ProcessHandle awaitSuccessor(String name, String marker, ProcessHandle victim, int before) {
        long start = System.nanoTime();
        ProcessHandle[] successor = new ProcessHandle[1];
        await().atMost(RESTART).pollInterval(Duration.ofMillis(200)).until(() -> {
            successor[0] = run.started(marker).orElse(null);
            return successor[0] != null && successor[0].pid() != victim.pid();
        });
        seen.add(successor[0].pid());
        // The script's own account: the old pid exited on SIGKILL (137), the new one started in its place.
        run.awaitLine(before, line -> line.contains("run-local: " + name + " exited (code 137, pid " + victim.pid() + ","),
                "that " + name + " exited", Duration.ofSeconds(10));
        run.awaitLine(before, line -> line.contains("run-local: " + name + ": restarted (pid " + successor[0].pid() + ")"),
                "that " + name + " was restarted", Duration.ofSeconds(20));
        System.out.printf("%s: killed pid %d, new pid %d %d ms later%n", name, victim.pid(), successor[0].pid(),
                (System.nanoTime() - start) / 1_000_000);
        return successor[0];
    }

    private static void awaitReady(String service, ProcessHandle process) {
        long start = System.nanoTime();
        await().atMost(RESTART).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertTrue(process.isAlive(), service + " pid " + process.pid() + " died while starting");
            return readiness(service) == 200;
        });
        System.out.printf("%s: pid %d ready (awaited %d ms)%n", service, process.pid(), (System.nanoTime() - start) / 1_000_000);
        // a call that needs the token and the database
        given().baseUri(url(service)).auth().oauth2(admin).get(switch (service) {
            case "target-service" -> "/api/org-units/" + PROVINCE;
            case "progress-service" -> "/api/reporting-status?parent=" + PROVINCE + "&date=" + DAY;
            default -> "/api/units/" + COUNTY + "/summary?date=" + DAY;
        }).then().statusCode(200);
    }

    private static int readiness(String service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // nothing listens (yet)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitRankedValue(String expected, Duration timeout) {
        BigDecimal wanted = new BigDecimal(expected);
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response response = given().baseUri(url("report-service")).auth().oauth2(admin)
                    .queryParam("indicator", INDICATOR).queryParam("parent", PROVINCE).queryParam("date", DAY.toString())
                    .get("/api/rankings");
            Object value = response.statusCode() == 200 ? response.jsonPath().get("entries[0].value") : null;
            return value != null && new BigDecimal(value.toString()).compareTo(wanted) == 0;
        });
    }

    private static Response report(int numerator, int denominator) {
        return given().baseUri(url("progress-service")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("orgUnit", COUNTY, "indicator", INDICATOR, "date", DAY.toString(),
                        "numerator", numerator, "denominator", denominator))
                .post("/api/progress");
    }

    private static void put(String path, Map<String, Object> body) {
        given().baseUri(url("target-service")).auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(oneOf(200, 201));
    }

    private static String url(String service) {
        return "http://127.0.0.1:" + SERVICE_PORTS.get(service);
    }

    private static String jarOf(String service) {
        return "/" + service + "/target/quarkus-app/quarkus-run.jar";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
