package io.mubiao.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference data the reports are about: a root, provinces, cities and counties, and indicators that
 * alternate RATIO and CUMULATIVE. The shape follows the number of counties as China's does (about 92 per
 * province: 2,844 county-level units in 31 provinces; at most 31 provinces; about 10 counties per city), so
 * 3,000 counties give a country-sized tree. The root's code carries
 * the number of counties, so data sets of different sizes never re-parent each other's units.
 */
final class DataSet {

    enum Measure { RATIO, CUMULATIVE }

    record Unit(String code, String name, String parent) {
    }

    record Indicator(String code, String name, Measure measure) {
    }

    static final int MAX_PROVINCES = 31;
    static final int COUNTIES_PER_PROVINCE = 92;

    final String root;
    final List<Unit> units = new ArrayList<>();
    final List<Unit> counties = new ArrayList<>();
    final List<Indicator> indicators = new ArrayList<>();

    private DataSet(int countyCount, int indicatorCount) {
        root = "BENCH" + countyCount;
        int provinces = Math.min(MAX_PROVINCES, Math.max(1, (countyCount + COUNTIES_PER_PROVINCE - 1) / COUNTIES_PER_PROVINCE));
        int cities = Math.max(provinces, (countyCount + 9) / 10);
        units.add(new Unit(root, "Benchmark " + countyCount, null));
        List<Unit> provinceUnits = new ArrayList<>();
        for (int p = 0; p < provinces; p++) {
            Unit province = new Unit(root + "-P" + pad(p + 1, provinces), "Province " + (p + 1), root);
            provinceUnits.add(province);
            units.add(province);
        }
        List<Unit> cityUnits = new ArrayList<>();
        for (int c = 0; c < cities; c++) {
            Unit province = provinceUnits.get(c % provinces);
            Unit city = new Unit(province.code() + "-C" + pad(c + 1, cities), "City " + (c + 1), province.code());
            cityUnits.add(city);
            units.add(city);
        }
        for (int k = 0; k < countyCount; k++) {
            Unit city = cityUnits.get(k % cities);
            Unit county = new Unit(city.code() + "-K" + pad(k + 1, countyCount), "County " + (k + 1), city.code());
            counties.add(county);
            units.add(county);
        }
        for (int i = 0; i < indicatorCount; i++) {
            Measure measure = i % 2 == 0 ? Measure.RATIO : Measure.CUMULATIVE;
            indicators.add(new Indicator("bench." + measure.name().toLowerCase() + "." + pad(i + 1, 100),
                    "Benchmark " + measure.name().toLowerCase() + " " + (i + 1), measure));
        }
    }

    static DataSet of(int counties, int indicators) {
        return new DataSet(counties, indicators);
    }

    long ratioIndicators() {
        return indicators.stream().filter(i -> i.measure() == Measure.RATIO).count();
    }

    String describe() {
        long provinces = units.stream().filter(u -> root.equals(u.parent())).count();
        long cities = units.size() - 1 - provinces - counties.size();
        return String.format("root %s, %s, %s, %s; %s (%d RATIO, %d CUMULATIVE)", root, count(provinces, "province"),
                count(cities, "city"), count(counties.size(), "county"), count(indicators.size(), "indicator"),
                ratioIndicators(), indicators.size() - ratioIndicators());
    }

    /** Creates (or updates, idempotently) the units and indicators through target-service's API as admin. */
    void create(Api api, String targetUrl, ObjectMapper json, Progress progress) {
        ArrayNode body = json.createArrayNode();
        for (Unit unit : units) {
            ObjectNode node = body.addObject().put("code", unit.code()).put("name", unit.name());
            if (unit.parent() != null) {
                node.put("parent", unit.parent());
            }
        }
        String url = targetUrl + "/api/org-units/import";
        Api.Response r = api.send("POST", url, bytes(json, body), Duration.ofSeconds(300));
        if (r.status() != 200 && r.status() != 201 && r.status() != 207) {
            throw new Failure("POST " + url + ": HTTP " + r.status() + "\n" + Api.abbreviate(r.body()));
        }
        JsonNode summary = read(json, r.body());
        if (summary.path("rejected").asLong() > 0) {
            throw new Failure("POST " + url + ": " + summary.path("rejected").asLong() + " of " + units.size()
                    + " units rejected\n" + Api.abbreviate(r.body()));
        }
        long created = summary.path("created").asLong();
        long updated = summary.path("updated").asLong();
        progress.say(String.format("org units: %,d sent (created %,d, updated %,d, unchanged %,d)", units.size(), created,
                updated, units.size() - created - updated));
        for (Indicator indicator : indicators) {
            ObjectNode node = json.createObjectNode().put("name", indicator.name())
                    .put("unit", indicator.measure() == Measure.RATIO ? "%" : "item")
                    .put("measure", indicator.measure().name()).put("direction", "HIGHER_IS_BETTER")
                    .put("group", "bench").put("decimals", 2);
            String put = targetUrl + "/api/indicators/" + indicator.code();
            Api.Response answer = api.send("PUT", put, bytes(json, node), Duration.ofSeconds(30));
            if (answer.status() != 200 && answer.status() != 201) {
                throw new Failure("PUT " + put + ": HTTP " + answer.status() + "\n" + Api.abbreviate(answer.body()));
            }
        }
        progress.say("indicators: " + indicators.size() + " put (" + indicators.get(0).code() + " …)");
    }

    /**
     * Reference data reaches progress-service over Kafka a little after target-service took it; reports for a
     * unit it does not know yet would be rejected, so wait until its copy (progress.org_unit, progress.indicator)
     * holds the whole data set.
     */
    void awaitReferenceCopy(Database db, Progress progress, Duration timeout) {
        List<String> unitCodes = units.stream().map(Unit::code).toList();
        List<String> indicatorCodes = indicators.stream().map(Indicator::code).toList();
        long start = System.nanoTime();
        long lastNote = 0;
        while (true) {
            long knownUnits = db.countOf("progress.org_unit", unitCodes);
            long knownIndicators = db.countOf("progress.indicator", indicatorCodes);
            if (knownUnits == unitCodes.size() && knownIndicators == indicatorCodes.size()) {
                progress.say(String.format("progress-service knows the data set (after %.1f s)", Progress.seconds(start)));
                return;
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new Failure("progress-service's copy of the reference data (progress.org_unit, progress.indicator in "
                        + db.describe() + ") still lacks part of the data set after " + timeout.toSeconds() + " s: "
                        + knownUnits + " of " + unitCodes.size() + " units, " + knownIndicators + " of "
                        + indicatorCodes.size() + " indicators. Is progress-service consuming reference.*, and using"
                        + " this database?");
            }
            if (System.nanoTime() - lastNote > 2_000_000_000L) {
                lastNote = System.nanoTime();
                progress.line("reference copy", Progress.bar(knownUnits, unitCodes.size()) + String.format(
                        "  units %d/%d  indicators %d/%d", knownUnits, unitCodes.size(), knownIndicators,
                        indicatorCodes.size()));
            }
            Progress.sleep(250);
        }
    }

    private static String count(long n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return String.format("%,d %s", n, n == 1 ? noun : plural);
    }

    private static String pad(int n, int max) {
        return String.format("%0" + Math.max(2, String.valueOf(max).length()) + "d", n);
    }

    private static byte[] bytes(ObjectMapper json, JsonNode node) {
        try {
            return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new Failure("cannot write JSON: " + e, e);
        }
    }

    private static JsonNode read(ObjectMapper json, String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new Failure("not JSON: " + Api.abbreviate(body), e);
        }
    }
}
