package io.mubiao.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How fast report-service answers over the data the intake steps stored: {@code GET /api/rankings} of a province
 * ranking its counties (about a hundred, the size a supervisor looks at daily), asked again (answered from
 * report-service's cache) and a different one each time (worked out), and of the root ranking every county
 * of the country; then the root's daily circular over every county and every indicator (the "national circular"),
 * as JSON, Markdown and HTML. One client, requests one after the other, so each figure is a request's own latency;
 * a tenth as many unmeasured requests first, since the service's first answers run interpreted code.
 */
final class ReadLatency {

    /** One ranking size: its request latencies, in nanoseconds. */
    record Result(String what, int children, List<Long> nanos) {

        double percentileMillis(double percentile) {
            return Percentiles.millis(nanos, percentile);
        }
    }

    private static final int COUNTY_LEVEL = 4; // root, province, city, county
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Api api;
    private final String reportUrl;
    private final ObjectMapper json;
    private final Progress progress;

    ReadLatency(Api api, String reportUrl, ObjectMapper json, Progress progress) {
        this.api = api;
        this.reportUrl = reportUrl;
        this.json = json;
        this.progress = progress;
    }

    List<Result> run(DataSet data, LocalDate date, int requests) {
        String indicator = data.indicators.get(0).code();
        List<String> provinces = data.units.stream().filter(unit -> data.root.equals(unit.parent()))
                .map(DataSet.Unit::code).toList();
        String province = provinces.get(0);
        List<Result> results = new ArrayList<>(List.of(
                // The floor: the same HTTP round trip to an answer that needs no database, measured in the same
                // run, so that the rankings' tails can be told from the machine's.
                measure("floor: GET /q/health/live (no database)", reportUrl + "/q/health/live", requests, 0),
                measure("ranking: a province's counties (the same request again: cached)",
                        rankingUrl(reportUrl, indicator, province, date), requests),
                // report-service keeps a computed ranking until the read model changes: a different ranking
                // each request shows what one costs to work out.
                measure("ranking: a province's counties (another province, indicator or date each request: computed)",
                        index -> distinctRanking(data, provinces, date, index + 1), // + 1: not the cached one
                        requests, -1),
                measure("ranking: every county under the root (cached)", rankingUrl(reportUrl, indicator, data.root, date),
                        requests)));
        // A circular costs a ranking per indicator and more: a few requests show its time well enough. The
        // national circular ranks the provinces over every county's figures; at level 4 it ranks every county.
        int circulars = Math.max(3, requests / 40);
        for (String format : List.of("json", "markdown", "html")) {
            results.add(measure("daily circular of the root (its provinces), " + data.indicators.size()
                    + " indicators, " + format, circular(data, date, format, ""), circulars, provinces.size()));
        }
        for (String format : List.of("json", "markdown")) {
            results.add(measure("daily circular of the root at county level, " + data.indicators.size()
                    + " indicators, " + format, circular(data, date, format, "&level=" + COUNTY_LEVEL), circulars,
                    data.counties.size()));
        }
        return results;
    }

    private String circular(DataSet data, LocalDate date, String format, String level) {
        return reportUrl + "/api/briefings/daily?scope=" + data.root + "&date=" + date + "&format=" + format + level;
    }

    /** The n-th of the provinces' rankings: each indicator, then each province, then each day before. */
    private String distinctRanking(DataSet data, List<String> provinces, LocalDate date, int n) {
        int indicators = data.indicators.size();
        return rankingUrl(reportUrl, data.indicators.get(n % indicators).code(),
                provinces.get(n / indicators % provinces.size()), date.minusDays(n / ((long) indicators * provinces.size())));
    }

    /** A ranking of the counties under {@code parent} (its children or deeper) as of the date. */
    static String rankingUrl(String reportUrl, String indicator, String parent, LocalDate date) {
        return reportUrl + "/api/rankings?indicator=" + indicator + "&parent=" + parent + "&date=" + date + "&level="
                + COUNTY_LEVEL;
    }

    private Result measure(String what, String url, int requests) {
        return measure(what, url, requests, -1);
    }

    private Result measure(String what, String url, int requests, int children) {
        return measure(what, index -> url, requests, children);
    }

    /**
     * @param url the request of each index: the measured ones are 0 to requests - 1, the unmeasured ones
     *            before them come after (so a request that differs by index is never warmed up)
     * @param children the number of units the answer covers, or -1 to count the first ranking's entries
     */
    private Result measure(String what, IntFunction<String> url, int requests, int children) {
        int warmUp = Math.max(1, requests / 10);
        for (int i = 0; i < warmUp; i++) {
            String body = api.get(url.apply(requests + i), TIMEOUT);
            if (children < 0) {
                children = entries(body);
            }
        }
        List<Long> nanos = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            api.get(url.apply(i), TIMEOUT);
            nanos.add(System.nanoTime() - start);
            if ((i + 1) % Math.max(1, requests / 4) == 0) {
                progress.say(String.format(Locale.ROOT, "%s (%,d units): %d/%d requests", what, children,
                        i + 1, requests));
            }
        }
        return new Result(what, children, nanos);
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
        StringBuilder table = new StringBuilder("| report-service read (1 client, sequential) | units | requests "
                + "| p50 (ms) | p99 (ms) | max (ms) |\n|---|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f | %.1f |%n", result.what(),
                    result.children(), result.nanos().size(), result.percentileMillis(50), result.percentileMillis(99),
                    result.percentileMillis(100)));
        }
        return table.toString();
    }
}
