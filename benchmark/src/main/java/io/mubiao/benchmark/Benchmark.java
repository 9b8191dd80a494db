package io.mubiao.benchmark;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures progress intake of a running suite: creates a data set through target-service, waits for
 * progress-service's copy of it, then sends the same number of fresh reports over REST (per number of clients)
 * and over Kafka (with Kafka's own produce and consume rates as its floors), and writes the same rows with a raw COPY
 * as the floor; then measures how long one report takes from accepted to shown in a ranking ({@link VisibilityLag}) and
 * times report-service's rankings and circulars over what was stored ({@link ReadLatency}). Prints Markdown tables and writes them to a file. Run through deploy/benchmark.sh, which starts the suite when none answers.
 *
 * <p>Exit codes: 0 measured, 1 failed, 2 wrong usage, 3 measured but the Kafka step timed out.
 */
public final class Benchmark {

    private static final Duration REFERENCE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DOWNSTREAM_TIMEOUT = Duration.ofSeconds(120);

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(out);
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help) {
            out.println(Settings.USAGE);
            return;
        }
        if (settings.checkOnly) {
            return;
        }
        if (settings.token == null) {
            System.err.println("benchmark: BENCH_TOKEN is not set: the benchmark needs an admin token, e.g.\n"
                    + "  BENCH_TOKEN=$(deploy/token.sh --role admin --subject benchmark)   (deploy/benchmark.sh sets it)");
            System.exit(2);
            return;
        }
        try {
            System.exit(new Benchmark(settings, new Progress(out)).run());
        } catch (Failure e) {
            System.err.println();
            System.err.println("benchmark: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private final Settings settings;
    private final Progress progress;
    private final ObjectMapper json = new ObjectMapper();

    Benchmark(Settings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    int run() {
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        String runId = started.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        String loadBefore = Machine.loadAverage();
        DataSet data = DataSet.of(settings.counties, settings.indicators);
        String perStep = String.format("%,d reports (%,d counties × %d indicators × %d %s), fresh dates per step",
                settings.reportsPerStep(), settings.counties, settings.indicators, settings.days,
                settings.days == 1 ? "day" : "days");
        progress.say("run " + runId + ": " + data.describe());
        progress.say("per step: " + perStep + "; target-service " + settings.targetUrl + ", progress-service "
                + settings.progressUrl + ", Kafka " + (settings.skipKafka ? "skipped" : settings.kafkaBootstrap)
                + ", PostgreSQL " + settings.jdbcUrl());

        List<Measurement> results = new ArrayList<>();
        List<ReadLatency.Result> rankings = List.of();
        VisibilityLag.Result lag = null;
        String postgres;
        String memory;
        try (Database db = new Database(settings); ResidentMemory resident = new ResidentMemory()) {
            postgres = db.version() + " at " + settings.pgHost + ":" + settings.pgPort;
            data.create(new Api(settings.token), settings.targetUrl, json, progress);
            data.awaitReferenceCopy(db, progress, REFERENCE_TIMEOUT);

            if (!settings.readsOnly) {
                results = intake(data, runId, db);
            }
            // as of today unless told: every report of the run lies in the past and is carried forward to it
            LocalDate readDate = settings.readDate != null ? settings.readDate : LocalDate.now(ZoneOffset.UTC);
            if (settings.lagSamples > 0) {
                // after the intake steps, whose trailing work Downstream waited for, so the pipeline is idle
                lag = new VisibilityLag(new Api(settings.token), settings.progressUrl, settings.reportUrl, json,
                        progress).run(data, readDate, settings.lagSamples, runId);
            }
            if (settings.rankingRequests > 0) {
                rankings = new ReadLatency(new Api(settings.token), settings.reportUrl, json, progress).run(data,
                        readDate, settings.rankingRequests);
            }
            memory = resident.render();
        }

        ResultTable.Context context = new ResultTable.Context(
                started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")), settings.command, Machine.here(),
                loadBefore, Machine.loadAverage(), postgres, data.describe(), perStep);
        String table = ResultTable.render(context, results)
                + (lag == null ? "" : "\n" + VisibilityLag.render(lag))
                + (rankings.isEmpty() ? "" : "\n" + ReadLatency.render(rankings)) + "\n" + memory;
        System.out.println();
        System.out.println(table);
        write(table);
        boolean timedOut = results.stream().anyMatch(m -> m.status() == Measurement.Status.TIMED_OUT);
        return timedOut ? 3 : 0;
    }

    /** The intake steps: REST with each number of clients, Kafka, then the COPY floor of the first REST step. */
    private List<Measurement> intake(DataSet data, String runId, Database db) {
        List<Measurement> results = new ArrayList<>();
        LocalDate earliest = db.earliestDate(data.counties.get(0).code());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DateBlocks dates = new DateBlocks(earliest == null || earliest.isAfter(today) ? today : earliest);

        RestIntake rest = new RestIntake(settings.progressUrl, settings.token, json, progress);
        Downstream downstream = new Downstream(db, progress, DOWNSTREAM_TIMEOUT);
        if (settings.warmupBatches > 0) {
            warmUp(data, runId, dates, rest, db, downstream);
        }
        ReportPlan first = null;
        for (int clients : settings.clients) {
            ReportPlan plan = new ReportPlan(data, "bench-" + runId + "-rest" + clients + "-", dates.take(settings.days));
            Measurement m = rest.run(plan, clients, settings.batchSize);
            long done = System.nanoTime();
            if (first == null) {
                first = plan;
                checkSameDatabase(db, plan);
            }
            results.add(m.withNote(downstream.await(plan, done)));
        }

        results.addAll(kafkaStep(data, runId, dates, db, downstream));

        results.add(new CopyFloor(settings, progress).run(first, settings.batchSize, runId));
        return results;
    }

    /**
     * Unmeasured batches first: the services were usually just started, and a first batch runs interpreted code
     * and fills caches. Also proves that the database read here is the one progress-service writes.
     */
    private void warmUp(DataSet data, String runId, DateBlocks dates, RestIntake rest, Database db, Downstream downstream) {
        long wanted = (long) settings.warmupBatches * settings.batchSize;
        long perDay = (long) data.counties.size() * data.indicators.size();
        ReportPlan warmup = new ReportPlan(data, "bench-" + runId + "-warmup-",
                dates.take((int) ((wanted + perDay - 1) / perDay)), wanted);
        rest.run("warm-up (not measured)", warmup, 1, settings.batchSize);
        checkSameDatabase(db, warmup);
        downstream.await(warmup, System.nanoTime());
    }

    private List<Measurement> kafkaStep(DataSet data, String runId, DateBlocks dates, Database db, Downstream downstream) {
        if (settings.skipKafka) {
            progress.say("Kafka: skipped (--skip-kafka)");
            return List.of(Measurement.notMeasured(KafkaIntake.STORED_STEP, KafkaIntake.STORED_METHOD,
                    Measurement.Status.SKIPPED, null));
        }
        ReportPlan plan = new ReportPlan(data, "bench-" + runId + "-kafka-", dates.take(settings.days));
        KafkaIntake intake = new KafkaIntake(settings.kafkaBootstrap, db, progress);
        List<Measurement> kafka = intake.run(plan, settings.batchSize, settings.kafkaTimeoutSeconds);
        long done = System.nanoTime();
        Measurement stored = kafka.get(1);
        if (stored.hasRate()) {
            stored = stored.withNote(downstream.await(plan, done));
        }
        // Read again once progress-service is done with them, so the two consumers do not share the cores.
        Measurement consume = new KafkaConsume(settings.kafkaBootstrap, progress).run(intake.produced(),
                plan.eventIdPrefix, settings.batchSize);
        return List.of(kafka.get(0), consume, stored);
    }

    /**
     * The Kafka and COPY steps read the suite's tables from here: make sure this is the database progress-service
     * writes to, or they would wait for rows that land elsewhere.
     */
    private void checkSameDatabase(Database db, ReportPlan plan) {
        long stored = db.storedCount(plan.eventIdPrefix, null);
        if (stored != plan.size()) {
            throw new Failure("progress-service accepted " + plan.size() + " reports, but " + db.describe() + " holds "
                    + stored + " of them: the suite uses another database (set PGHOST, PGPORT, PGDATABASE as for it)");
        }
    }

    private void write(String table) {
        try {
            if (settings.out.getParent() != null) {
                Files.createDirectories(settings.out.getParent());
            }
            Files.writeString(settings.out, table, StandardCharsets.UTF_8);
            progress.say("table written to " + settings.out.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new Failure("cannot write " + settings.out + ": " + e.getMessage(), e);
        }
    }
}
