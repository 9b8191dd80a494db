package io.mubiao.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How fast report-service answers {@code GET /api/rankings} over the data the intake steps stored: a province
 * ranking its counties (about a hundred, the size a supervisor looks at daily) and the root ranking every county
 * of the country. One client, requests one after the other, so each figure is a request's own latency; a tenth as
 * many unmeasured requests first, since the service's first answers run interpreted code.
 */
final class RankingLatency {

    /** One ranking size: its request latencies, in nanoseconds. */
    record Result(String what, int children, List<Long> nanos) {

        double percentileMillis(double percentile) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    private static final int COUNTY_LEVEL = 4; // root, province, city, county
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Api api;
    private final String reportUrl;
    private final ObjectMapper json;
    private final Progress progress;

    RankingLatency(Api api, String reportUrl, ObjectMapper json, Progress progress) {
        this.api = api;
        this.reportUrl = reportUrl;
        this.json = json;
        this.progress = progress;
    }

    List<Result> run(DataSet data, LocalDate date, int requests) {
        String indicator = data.indicators.get(0).code();
        String province = data.units.stream().filter(unit -> data.root.equals(unit.parent())).findFirst()
                .orElseThrow().code();
        return List.of(
                measure("a province's counties", query(indicator, province, date), requests),
                measure("every county under the root", query(indicator, data.root, date), requests));
    }

    private String query(String indicator, String parent, LocalDate date) {
        return reportUrl + "/api/rankings?indicator=" + indicator + "&parent=" + parent + "&date=" + date + "&level="
                + COUNTY_LEVEL;
    }

    private Result measure(String what, String url, int requests) {
        int children = 0;
        for (int i = 0; i < Math.max(1, requests / 10); i++) {
            children = entries(get(url));
        }
        List<Long> nanos = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            get(url);
            nanos.add(System.nanoTime() - start);
            if ((i + 1) % Math.max(1, requests / 4) == 0) {
                progress.say(String.format(Locale.ROOT, "ranking of %s (%,d children): %d/%d requests", what, children,
                        i + 1, requests));
            }
        }
        return new Result(what, children, nanos);
    }

    private String get(String url) {
        Api.Response response = api.send("GET", url, null, TIMEOUT);
        if (response.status() != 200) {
            throw new Failure("GET " + url + ": HTTP " + response.status() + "\n" + Api.abbreviate(response.body()));
        }
        return response.body();
    }

    private int entries(String body) {
        try {
            JsonNode ranking = json.readTree(body);
            return ranking.path("entries").size();
        } catch (Exception e) {
            throw new Failure("report-service answered a ranking that is not JSON: " + Api.abbreviate(body), e);
        }
    }

    /** The Markdown table of the results, to follow the intake table. */
    static String render(List<Result> results) {
        StringBuilder table = new StringBuilder("| ranking (GET /api/rankings, 1 client, sequential) | children | requests "
                + "| p50 (ms) | p99 (ms) | max (ms) |\n|---|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f | %.1f |%n", result.what(),
                    result.children(), result.nanos().size(), result.percentileMillis(50), result.percentileMillis(99),
                    result.percentileMillis(100)));
        }
        return table.toString();
    }
}
