package io.mubiao.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * REST intake: POSTs a step's reports to progress-service in batches, from one or more concurrent clients that
 * take the next batch as they finish one. The rate runs from the first send to the last 200; each batch must come
 * back with every report accepted, or the figure would not be one of storing.
 */
final class RestIntake {

    private final String url;
    private final String token;
    private final ObjectMapper json;
    private final Progress progress;

    RestIntake(String progressUrl, String token, ObjectMapper json, Progress progress) {
        this.url = progressUrl + "/api/progress";
        this.token = token;
        this.json = json;
        this.progress = progress;
    }

    Measurement run(ReportPlan plan, int clients, int batchSize) {
        return run("REST " + clients + (clients == 1 ? " client" : " clients"), plan, clients, batchSize);
    }

    Measurement run(String label, ReportPlan plan, int clients, int batchSize) {
        int batches = plan.batches(batchSize);
        progress.say(String.format("%s: %,d reports in %d batches of up to %,d to POST %s", label, plan.size(), batches,
                batchSize, url));
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicLong firstSend = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c + 1;
                running.add(pool.submit(() -> {
                    Api api = new Api(token);
                    for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        List<Report> batch = plan.batch(b, batchSize);
                        byte[] body = ReportJson.array(batch);
                        long t0 = System.nanoTime();
                        firstSend.accumulateAndGet(t0, Math::min);
                        Api.Response r = api.send("POST", url, body, Duration.ofSeconds(300));
                        long t1 = System.nanoTime();
                        checkAccepted(json, r, batch.size(), "POST " + url + " (batch " + (b + 1) + " of " + batches + ")");
                        lastAnswer.accumulateAndGet(t1, Math::max);
                        latencies.add(t1 - t0);
                        long done = sent.addAndGet(batch.size());
                        progress.line(label, String.format("%s %,d/%,d  batch %d/%d (client %d)  %,d in %.2f s",
                                Progress.bar(done, plan.size()), done, plan.size(), b + 1, batches, client,
                                batch.size(), (t1 - t0) / 1e9));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Failure failure ? failure : new Failure(label + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(label + ": interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        Measurement m = Measurement.measured(label, "POST /api/progress, batches of " + String.format("%,d", batchSize),
                plan.size(), lastAnswer.get() - firstSend.get(), latencies);
        progress.say(String.format("%s: %,d reports in %.2f s = %,.0f reports/s (batch p50 %.0f ms, max %.0f ms)", label,
                m.rows(), m.seconds(), m.rowsPerSecond(), m.p50Millis(), m.maxMillis()));
        return m;
    }

    /** Fails unless the answer is 200 with every one of {@code size} reports accepted. */
    static void checkAccepted(ObjectMapper json, Api.Response r, int size, String what) {
        if (r.status() != 200) {
            throw new Failure(what + ": HTTP " + r.status() + " where 200 (all accepted) was expected\n"
                    + Api.abbreviate(r.body()));
        }
        JsonNode summary;
        try {
            summary = json.readTree(r.body());
        } catch (Exception e) {
            throw new Failure(what + ": the answer is not JSON: " + Api.abbreviate(r.body()), e);
        }
        if (summary.path("accepted").asLong() != size) {
            throw new Failure(what + ": " + summary.path("accepted").asLong() + " of " + size + " accepted, "
                    + summary.path("duplicates").asLong() + " duplicates (reports of an earlier run with the same"
                    + " eventIds?)\n" + Api.abbreviate(r.body()));
        }
    }
}
