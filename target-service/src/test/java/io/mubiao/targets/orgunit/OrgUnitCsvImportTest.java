package io.mubiao.targets.orgunit;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** {@code POST /api/org-units/import} with {@code text/csv}, as a spreadsheet exports it, and dry runs. */
@QuarkusTest
class OrgUnitCsvImportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static final String PROBLEM = "application/problem+json";
    /** REST Assured would otherwise declare ISO-8859-1 for a text type, which the service refuses with 415. */
    private static final String CSV = "text/csv; charset=UTF-8";

    private static ValidatableResponse importCsv(String csv) {
        return importCsv(csv.getBytes(StandardCharsets.UTF_8), "");
    }

    private static ValidatableResponse importCsv(byte[] csv, String query) {
        return asAdmin().contentType(CSV).body(csv).when().post("/api/org-units/import" + query).then();
    }

    private static byte[] withBom(String csv) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        return all;
    }

    @Test
    void importsASpreadsheetExportWithBomCrlfQuotesAndChildrenFirst() {
        String root = code("csvroot");
        String city = code("csvcity");
        String county = code("csvcounty");
        String csv = "code,name,parent,kind\r\n"
                + county + ",\"Gulou, \"\"old town\"\"\"," + city + ",\r\n"
                + city + ",福州市," + root + ",region\r\n"
                + root + ",福建省,,\r\n"
                + "\r\n"
                + ",,,\r\n";
        importCsv(withBom(csv), "").statusCode(200)
                .contentType(ContentType.JSON)
                .body("received", is(3))
                .body("created", is(3))
                .body("rejected", is(0))
                .body("dryRun", is(false))
                .body("errors", empty());
        asAdmin().get("/api/org-units/{code}", county).then().statusCode(200)
                .body("name", is("Gulou, \"old town\""))
                .body("kind", is("region"))
                .body("path", contains(root, city, county));
        asAdmin().get("/api/org-units/{code}", root).then().body("parent", is((Object) null)).body("level", is(1));
    }

    @Test
    void headerWithoutKindAnyCaseAndQuotedLineBreaksAreAccepted() {
        String root = code("csvhdr");
        String child = code("csvhdrchild");
        String csv = " Code ,NAME,Parent\n" + child + ",\"two\nlines\"," + root + "\n" + root + ",root,\n";
        importCsv(csv).statusCode(200).body("created", is(2));
        asAdmin().get("/api/org-units/{code}", child).then().body("name", is("two\nlines"));
    }

    @Test
    void rejectedRowsCarryTheirZeroBasedDataRowIndex() {
        String root = code("csvrej");
        String twice = code("csvtwice");
        String cycA = code("csvcycA");
        String cycB = code("csvcycB");
        String csv = "code,name,parent\n"
                + root + ",root,\n"                              // 0
                + "bad code!,x," + root + "\n"                   // 1: bad code
                + code("csvorphan") + ",x," + code("nowhere") + "\n" // 2: unknown parent
                + twice + ",x," + root + "\n"                    // 3: same code, two parents
                + twice + ",x," + cycA + "\n"                    // 4
                + cycA + ",x," + cycB + "\n"                     // 5: cycle
                + cycB + ",x," + cycA + "\n"                     // 6
                + code("csvwide") + ",a,b," + root + "\n";       // 7: a comma in a name without quotes
        importCsv(csv).statusCode(207)
                .body("received", is(8))
                .body("created", is(1))
                .body("rejected", is(7))
                .body("errors.index", contains(1, 2, 3, 4, 5, 6, 7))
                .body("errors[0].field", is("code"))
                .body("errors[1].message", containsString("unknown parent"))
                .body("errors[2].message", containsString("different parents in rows 3, 4"))
                .body("errors[4].message", containsString("cycle"))
                .body("errors[6].message", containsString("4 fields, the header 3"));
        asAdmin().get("/api/org-units/{code}", twice).then().statusCode(404);
    }

    @Test
    void missingOrGarbledHeaderIs400NamingTheHeader() {
        String unit = code("csvnohdr");
        importCsv(unit + ",name,\n").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("header"))
                .body("detail", containsString("code,name,parent[,kind]"));
        importCsv("code;name;parent\n" + unit + ";x;\n").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("header"));
        importCsv("code,name,parent,colour\n" + unit + ",x,,red\n").statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("unknown: 'colour'"));
        importCsv("").statusCode(400).contentType(PROBLEM).body("errors[0].field", is("header"));
        asAdmin().get("/api/org-units/{code}", unit).then().statusCode(404);
    }

    @Test
    void headerOnlyIs422LikeAnEmptyArray() {
        importCsv("code,name,parent\r\n").statusCode(422).contentType(PROBLEM);
    }

    @Test
    void brokenQuotingAndNonUtf8Are400() {
        importCsv("code,name,parent\n" + code("csvq") + ",\"never closed,\n").statusCode(400).contentType(PROBLEM);
        byte[] latin1 = ("code,name,parent\n" + code("csvlatin") + ",Zürich,\n").getBytes(StandardCharsets.ISO_8859_1);
        importCsv(latin1, "").statusCode(400).contentType(PROBLEM).body("detail", containsString("not UTF-8"));
    }

    @Test
    void otherMediaTypesAre415() {
        asAdmin().contentType("text/plain").body("code,name,parent\n").post("/api/org-units/import").then()
                .statusCode(415).contentType(PROBLEM);
        asAdmin().contentType("text/csv; charset=ISO-8859-1").body("code,name,parent\n")
                .post("/api/org-units/import").then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void reporterMayNotImportCsv() {
        String unit = code("csvrep");
        as(Roles.REPORTER, null, "reporter@csv").contentType(CSV).body("code,name,parent\n" + unit + ",x,\n")
                .post("/api/org-units/import").then().statusCode(403).contentType(PROBLEM);
        asAdmin().get("/api/org-units/{code}", unit).then().statusCode(404);
    }

    @Test
    void csvDryRunReportsTheSameSummaryAndWritesNothing() {
        String stored = code("dryst");
        orgUnit(stored, null);
        String child = code("drychild");
        String csv = "code,name,parent\n" + child + ",child," + stored + "\n" + stored + ",renamed,\n"
                + code("dryorphan") + ",x," + code("nowhere") + "\n";
        importCsv(csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true").statusCode(207)
                .body("dryRun", is(true))
                .body("received", is(3))
                .body("created", is(1))
                .body("updated", is(1))
                .body("rejected", is(1))
                .body("errors[0].index", is(2));
        asAdmin().get("/api/org-units/{code}", child).then().statusCode(404);
        asAdmin().get("/api/org-units/{code}", stored).then().body("name", is("unit " + stored));
        asAdmin().get("/api/org-units/{code}/children", stored).then().header("X-Total-Count", "0");
    }

    @Test
    void dryRunPublishesNothing() {
        String dry = code("drypub");
        importCsv(("code,name,parent\n" + dry + ",x,\n").getBytes(StandardCharsets.UTF_8), "?dryRun=true")
                .statusCode(200).body("created", is(1));
        // the topic has one partition and the relay publishes in order: once a later change is there, the dry
        // run would have been seen before it
        String marker = code("drymarker");
        orgUnit(marker, null);
        Set<String> keys = new HashSet<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the outbox relays publish in Kafka transactions: read only what they committed
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.ORG_UNITS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
                return keys.contains(marker);
            });
        }
        assertFalse(keys.contains(dry), "a dry run published " + dry);
    }

    @Test
    void jsonDryRunReportsTheSameSummaryAndWritesNothing() {
        String root = code("dryjson");
        String city = code("dryjsoncity");
        List<Map<String, Object>> rows = List.of(Map.of("code", city, "name", "city", "parent", root),
                Map.of("code", root, "name", "root"));
        asAdmin().contentType(ContentType.JSON).body(rows).post("/api/org-units/import?dryRun=true").then()
                .statusCode(200).body("dryRun", is(true)).body("created", is(2));
        asAdmin().get("/api/org-units/{code}", root).then().statusCode(404);
        asAdmin().get("/api/org-units/{code}", city).then().statusCode(404);
        // all rejected: the same 422 problem, marked as a dry run
        asAdmin().contentType(ContentType.JSON).body(List.of(Map.of("code", city, "name", "x", "parent", code("none"))))
                .post("/api/org-units/import?dryRun=true").then()
                .statusCode(422).contentType(PROBLEM).body("dryRun", is(true)).body("rejected", is(1));
        // and the real import then does what the dry run said
        asAdmin().contentType(ContentType.JSON).body(rows).post("/api/org-units/import?dryRun=false").then()
                .statusCode(200).body("dryRun", is(false)).body("created", is(2));
    }

    @Test
    void dryRunMustBeTrueOrFalse() {
        String root = code("dryyes");
        asAdmin().contentType(ContentType.JSON).body(List.of(Map.of("code", root, "name", "root")))
                .post("/api/org-units/import?dryRun=yes").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("dryRun"));
        asAdmin().get("/api/org-units/{code}", root).then().statusCode(404);
    }

    /** Speed is measured here and written to docs/BENCHMARKS.md, never asserted tightly (30 s is a sanity bound). */
    @Test
    void importsACsvOfThreeThousandUnitsInReverseOrderInOneRequest() {
        String prefix = code("csvbulk");
        List<String> lines = new ArrayList<>();
        lines.add(prefix + ",province,");
        for (int city = 0; city < 30; city++) {
            String cityCode = prefix + "-" + city;
            lines.add(cityCode + ",city " + city + "," + prefix);
            for (int county = 0; county < 99; county++) {
                if (city == 0 && county == 98) {
                    continue; // 1 province + 30 cities + 2,969 counties = 3,000 units
                }
                lines.add(cityCode + "-" + county + ",\"county " + county + ", city " + city + "\"," + cityCode);
            }
        }
        Collections.reverse(lines);
        assertEquals(3000, lines.size());
        String csv = "code,name,parent\r\n" + String.join("\r\n", lines) + "\r\n";
        long started = System.nanoTime();
        importCsv(withBom(csv), "").statusCode(200).body("created", is(3000)).body("rejected", is(0));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("BENCHMARK csv import of 3000 units in reverse order: " + millis + " ms");
        assertTrue(millis < 30_000, "import of 3000 units took " + millis + " ms");
        asAdmin().get("/api/org-units/{code}", prefix + "-29-98").then().statusCode(200)
                .body("level", is(3))
                .body("name", is("county 98, city 29"));
        asAdmin().queryParam("size", 1000).get("/api/org-units/{code}/children", prefix + "-1").then()
                .header("X-Total-Count", "99");
    }
}
