package io.mubiao.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to measure and where: sizes from the command line, addresses from the command line or the same
 * environment variables as deploy/run-local.sh, so a suite started there is found without options.
 */
final class Settings {

    static final String USAGE = """
            Usage: deploy/benchmark.sh [--quick] [options]   (or the main class io.mubiao.benchmark.Benchmark)

            Measures progress intake against a running suite: REST (POST /api/progress in batches), Kafka
            (records on progress.reported until stored; produce alone and a bare consumer reading them again as
            its floors) and, as the floor, a raw PostgreSQL COPY of the same rows into a scratch table shaped like
            progress.report. Then report-service: the lag from a report accepted to it shown in a ranking, and
            the latency of rankings and circulars.

            Size of the data set (reports per step = counties x indicators x days):
              --quick              100 counties, 5 indicators, 40 days (20,000 reports per step)
              --counties N         counties that report (300); provinces and cities are made to fit
              --indicators N       indicators, RATIO and CUMULATIVE alternately (10)
              --days N             days reported per step (20)
              --batch-size N       reports per POST and per COPY (10000, the most one request may carry)
              --clients LIST       concurrent REST clients, one step each (1,2)
              --warmup N           batches sent over REST before the first measured step, not measured (5):
                                   a freshly started service runs its first batches before the JIT has compiled
                                   its hot paths
            Steps:
              --skip-kafka         leave out the Kafka step
              --ranking-requests N measured GET /api/rankings per ranking size, after a tenth as many unmeasured (200;
                                   0 leaves the ranking step out)
              --lag-samples N      reports POSTed one at a time and polled in a ranking until shown, for the lag from
                                   accepted to visible (100; 30 with --quick; 0 leaves it out)
              --reads-only         only the report-service reads (lag, rankings, circulars) over what earlier runs stored
              --read-date D        the date the reads ask about (today in UTC)
              --kafka-timeout S    give up on the Kafka step when no record was stored for S seconds (60)
              --out FILE           also write the result table here (benchmark/target/results.md)
              --check              check these options and exit (deploy/benchmark.sh does, before starting a suite)
            Where (environment variable in brackets, defaults of deploy/run-local.sh):
              --target-url URL     [TARGET_URL, http://127.0.0.1:$TARGET_PORT, port 8081]
              --progress-url URL   [PROGRESS_URL, http://127.0.0.1:$PROGRESS_PORT, port 8082]
              --report-url URL     [REPORT_URL, http://127.0.0.1:$REPORT_PORT, port 8083]
              --kafka HOST:PORT    [KAFKA_BOOTSTRAP_SERVERS, 127.0.0.1:$KAFKA_PORT, port 9092]
              --pghost, --pgport, --pgdatabase, --pguser   [PGHOST 127.0.0.1, PGPORT 5432, PGDATABASE test,
                                   PGUSER postgres; PGPASSWORD from the environment only]
            The admin token comes from BENCH_TOKEN only (a command line shows in ps):
              BENCH_TOKEN=$(deploy/token.sh --role admin --subject benchmark)""";

    private static final List<String> VALUE_OPTIONS = List.of("--counties", "--indicators", "--days", "--batch-size",
            "--clients", "--warmup", "--kafka-timeout", "--out", "--target-url", "--progress-url", "--report-url",
            "--ranking-requests", "--lag-samples", "--read-date", "--kafka", "--pghost",
            "--pgport", "--pgdatabase", "--pguser");

    String targetUrl;
    String progressUrl;
    String reportUrl;
    int rankingRequests = 200;
    int lagSamples = 100;
    String kafkaBootstrap;
    String pgHost;
    int pgPort;
    String pgDatabase;
    String pgUser;
    String pgPassword;
    String token;

    int counties = 300;
    int indicators = 10;
    int days = 20;
    int batchSize = 10_000;
    List<Integer> clients = List.of(1, 2);
    int warmupBatches = 5;
    boolean skipKafka;
    boolean readsOnly;
    LocalDate readDate;
    int kafkaTimeoutSeconds = 60;
    Path out = Path.of("benchmark/target/results.md");
    /** The command as the user gave it, for the results' header. */
    String command;
    boolean help;
    boolean checkOnly;

    static Settings parse(String[] args, Map<String, String> env) {
        Settings s = new Settings();
        s.targetUrl = env.getOrDefault("TARGET_URL", "http://127.0.0.1:" + env.getOrDefault("TARGET_PORT", "8081"));
        s.progressUrl = env.getOrDefault("PROGRESS_URL",
                "http://127.0.0.1:" + env.getOrDefault("PROGRESS_PORT", "8082"));
        s.reportUrl = env.getOrDefault("REPORT_URL", "http://127.0.0.1:" + env.getOrDefault("REPORT_PORT", "8083"));
        s.kafkaBootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + env.getOrDefault("KAFKA_PORT", "9092"));
        s.pgHost = env.getOrDefault("PGHOST", "127.0.0.1");
        s.pgPort = number("PGPORT", env.getOrDefault("PGPORT", "5432"));
        s.pgDatabase = env.getOrDefault("PGDATABASE", "test");
        s.pgUser = env.getOrDefault("PGUSER", "postgres");
        s.pgPassword = env.getOrDefault("PGPASSWORD", "");
        s.token = env.get("BENCH_TOKEN") == null || env.get("BENCH_TOKEN").isBlank() ? null : env.get("BENCH_TOKEN").strip();
        s.command = env.getOrDefault("BENCH_COMMAND", "Benchmark " + String.join(" ", args));

        boolean quick = false;
        List<String> given = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> s.help = true;
                case "--quick" -> quick = true;
                case "--skip-kafka" -> s.skipKafka = true;
                case "--reads-only" -> s.readsOnly = true;
                case "--check" -> s.checkOnly = true;
                default -> {
                    if (!VALUE_OPTIONS.contains(arg)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args[++i];
                    given.add(arg);
                    switch (arg) {
                        case "--counties" -> s.counties = positive(arg, value);
                        case "--indicators" -> s.indicators = positive(arg, value);
                        case "--days" -> s.days = positive(arg, value);
                        case "--batch-size" -> s.batchSize = positive(arg, value);
                        case "--clients" -> s.clients = clients(value);
                        case "--warmup" -> s.warmupBatches = number(arg, value);
                        case "--kafka-timeout" -> s.kafkaTimeoutSeconds = positive(arg, value);
                        case "--ranking-requests" -> s.rankingRequests = number(arg, value);
                        case "--lag-samples" -> s.lagSamples = number(arg, value);
                        case "--out" -> s.out = Path.of(value);
                        case "--read-date" -> s.readDate = date(arg, value);
                        case "--target-url" -> s.targetUrl = value;
                        case "--progress-url" -> s.progressUrl = value;
                        case "--report-url" -> s.reportUrl = value;
                        case "--kafka" -> s.kafkaBootstrap = value;
                        case "--pghost" -> s.pgHost = value;
                        case "--pgport" -> s.pgPort = positive(arg, value);
                        case "--pgdatabase" -> s.pgDatabase = value;
                        case "--pguser" -> s.pgUser = value;
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        if (quick) {
            // --quick sets what was not given explicitly.
            if (!given.contains("--counties")) {
                s.counties = 100;
            }
            if (!given.contains("--indicators")) {
                s.indicators = 5;
            }
            if (!given.contains("--days")) {
                s.days = 40;
            }
            if (!given.contains("--lag-samples")) {
                s.lagSamples = 30;
            }
        }
        if (s.lagSamples < 0) {
            throw new IllegalArgumentException("--lag-samples wants 0 or more, not " + s.lagSamples);
        }
        if (s.batchSize > 10_000) {
            throw new IllegalArgumentException("--batch-size: progress-service takes at most 10000 reports per request");
        }
        s.targetUrl = stripSlash(s.targetUrl);
        s.progressUrl = stripSlash(s.progressUrl);
        s.reportUrl = stripSlash(s.reportUrl);
        return s;
    }

    /** Reports each step sends: every county reports every indicator on every day. */
    long reportsPerStep() {
        return (long) counties * indicators * days;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + pgDatabase;
    }

    private static List<Integer> clients(String value) {
        List<Integer> list = new ArrayList<>();
        for (String part : value.split(",")) {
            list.add(positive("--clients", part.strip()));
        }
        return List.copyOf(list);
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " wants a date like 2026-04-15, not " + value);
        }
    }

    private static int positive(String option, String value) {
        int n = number(option, value);
        if (n <= 0) {
            throw new IllegalArgumentException(option + " wants a positive number, not " + value);
        }
        return n;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a number, not " + value);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
