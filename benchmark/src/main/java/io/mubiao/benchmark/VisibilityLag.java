package io.mubiao.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * How long a report takes from accepted to visible in a ranking (issue 8: p99 under 1 s). Per sample: one
 * CUMULATIVE report for one county, on the date the ranking is asked for, with a value the county does not show yet,
 * POSTed to progress-service; from the 200 on, the county's city ranks its counties on report-service every few
 * milliseconds until the county's entry shows that value. In between: progress-service's outbox relay publishing
 * progress.recorded in a Kafka transaction, and report-service's consumer (read_committed) storing it in its read
 * model. A CUMULATIVE value is shown as reported (rounded to the indicator's 2 decimals, which it has), so the
 * figure to wait for is known exactly; a RATIO's is a quotient.
 */
final class VisibilityLag {

    /** The samples: each visible one's lag in nanoseconds, and how many never showed within the timeout. */
    record Result(int samples, List<Long> nanos, int timedOut, String note) {

        static Result skipped(String why) {
            return new Result(0, List.of(), 0, why);
        }
    }

    static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 5;
    /** Between samples, so one sample's trailing work (offset commits, relay) is not in the next one's figure. */
    private static final long PAUSE_MILLIS = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Api api;
    private final String progressUrl;
    private final String reportUrl;
    private final ObjectMapper json;
    private final ObjectReader exact;
    private final Progress progress;

    VisibilityLag(Api api, String progressUrl, String reportUrl, ObjectMapper json, Progress progress) {
        this.api = api;
        this.progressUrl = progressUrl;
        this.reportUrl = reportUrl;
        this.json = json;
        this.exact = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.progress = progress;
    }

    Result run(DataSet data, LocalDate date, int samples, String runId) {
        Optional<DataSet.Indicator> cumulative = data.indicators.stream()
                .filter(i -> i.measure() == DataSet.Measure.CUMULATIVE).findFirst();
        if (cumulative.isEmpty()) {
            progress.say("accepted to visible: skipped, the data set has no CUMULATIVE indicator (--indicators 1)");
            return Result.skipped("skipped: the data set has no CUMULATIVE indicator (--indicators 1)");
        }
        String indicator = cumulative.get().code();
        int unmeasured = Math.max(1, samples / 10);
        progress.say(String.format("accepted to visible: %d reports of %s on %s, one at a time (after %d unmeasured),"
                + " each polled in its city's ranking every %d ms until shown", samples, indicator, date, unmeasured,
                POLL_MILLIS));
        List<Long> lags = new ArrayList<>(samples);
        int timedOut = 0;
        for (int i = 0; i < unmeasured + samples; i++) {
            DataSet.Unit county = data.counties.get(i % data.counties.size());
            Optional<Long> lag = sample(county, indicator, date, "bench-" + runId + "-lag-" + i);
            if (i >= unmeasured) {
                lag.ifPresent(lags::add);
                timedOut += lag.isEmpty() ? 1 : 0;
                int done = i + 1 - unmeasured;
                if (done % Math.max(1, samples / 4) == 0) {
                    progress.say(String.format(Locale.ROOT, "accepted to visible: %d/%d samples, p50 %.0f ms, max %.0f ms"
                            + "%s", done, samples, Percentiles.millis(lags, 50), Percentiles.millis(lags, 100),
                            timedOut == 0 ? "" : ", " + timedOut + " timed out"));
                }
            }
            Progress.sleep(PAUSE_MILLIS);
        }
        return new Result(samples, lags, timedOut, null);
    }

    /** One report, then its ranking until it shows: the lag, or empty when it did not show within the timeout. */
    private Optional<Long> sample(DataSet.Unit county, String indicator, LocalDate date, String eventId) {
        String ranking = ReadLatency.rankingUrl(reportUrl, indicator, county.parent(), date);
        BigDecimal before = shownValue(read(api.get(ranking, REQUEST_TIMEOUT)), county.code())
                .orElse(BigDecimal.ZERO);
        BigDecimal value = before.add(BigDecimal.ONE).setScale(2, RoundingMode.DOWN);
        Report report = new Report(eventId, county.code(), indicator, date, value, null, null);
        String post = progressUrl + "/api/progress";
        Api.Response answer = api.send("POST", post, ReportJson.one(report), REQUEST_TIMEOUT);
        long accepted = System.nanoTime();
        RestIntake.checkAccepted(json, answer, 1, "POST " + post + " (" + eventId + ")");
        while (true) {
            String body = api.get(ranking, REQUEST_TIMEOUT);
            long now = System.nanoTime();
            Optional<BigDecimal> shown = shownValue(read(body), county.code());
            if (shown.isPresent() && shown.get().compareTo(value) == 0) {
                return Optional.of(now - accepted);
            }
            if (now - accepted > SAMPLE_TIMEOUT.toNanos()) {
                progress.say(String.format("accepted to visible: %s of %s on %s still shows %s, not %s, after %d s",
                        county.code(), indicator, date, shown.map(BigDecimal::toPlainString).orElse("no value"),
                        value.toPlainString(), SAMPLE_TIMEOUT.toSeconds()));
                return Optional.empty();
            }
            Progress.sleep(POLL_MILLIS);
        }
    }

    private JsonNode read(String body) {
        try {
            return exact.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new Failure("report-service answered a ranking that is not JSON: " + Api.abbreviate(body), e);
        }
    }

    /** The value a ranking shows for the unit, exactly as written in the JSON; empty without an entry or a value. */
    static Optional<BigDecimal> shownValue(JsonNode ranking, String orgUnit) {
        for (JsonNode entry : ranking.path("entries")) {
            if (orgUnit.equals(entry.path("orgUnit").asText())) {
                JsonNode value = entry.path("value");
                return value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The Markdown table of the lag, after the read latencies. */
    static String render(Result result) {
        StringBuilder table = new StringBuilder("| accepted to visible in a ranking (1 report at a time) | samples "
                + "| visible | timed out (" + SAMPLE_TIMEOUT.toSeconds() + " s) | p50 (ms) | p99 (ms) | max (ms) | goal |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---|\n");
        String what = "POST /api/progress (CUMULATIVE, 1 county) → GET /api/rankings of its city, polled every "
                + POLL_MILLIS + " ms";
        if (result.samples() == 0) {
            return table.append("| ").append(what).append(" | – | – | – | – | – | – | p99 < 1,000 ms |\n\n- ")
                    .append(result.note()).append('\n').toString();
        }
        table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | p99 < 1,000 ms |%n", what,
                result.samples(), result.nanos().size(), result.timedOut(), millis(result.nanos(), 50),
                millis(result.nanos(), 99), millis(result.nanos(), 100)));
        table.append("\n- From the 200 of the POST to the answer of the first ranking that shows the new value: progress-"
                + "service's outbox relay (woken by the commit) publishing progress.recorded in a Kafka transaction,"
                + " report-service's consumer (read_committed, poll timeout 100 ms) storing it in its read model, and"
                + " the ranking request that showed it (up to " + POLL_MILLIS + " ms of polling plus one ranking's"
                + " latency). Percentiles over the visible samples");
        table.append(result.timedOut() == 0 ? ".\n" : "; a timed-out sample counts as failed, not in them.\n");
        return table.toString();
    }

    private static String millis(List<Long> nanos, double percentile) {
        return nanos.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", Percentiles.millis(nanos, percentile));
    }
}
