import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Loads a demo province into a running suite through its public API (docs/API.md), so a new user sees rankings
 * at once: 示范省 with 10 cities and 80 counties, the three annual-report filing-rate indicators with their
 * milestones (20 %, 50 %, 80 %, 100 % at the ends of March to June), targets for every unit, and daily reports
 * of every county from 1 March of the season year to today (at most 30 June), plus last year's same days.
 *
 * <p>Every call carries a bearer token: org units, indicators and targets the admin token of {@code DEMO_TOKEN}
 * loads; each city's reports its own reporter sends ({@code reporter@DEMO-…}, a token the loader signs with the
 * local run's private key in {@code DEMO_KEYS}), so the reports record who reported them; a supervisor of the
 * province reads the rankings.
 *
 * <p>Run it as {@code java deploy/demo/DemoLoader.java [--help]} (JDK 17+, no libraries). The data is
 * deterministic (fixed seed) and loading is idempotent: units, indicators and targets are PUT, reports carry
 * eventIds derived from unit, indicator and date, so running it again changes nothing but adds new days.
 */
public class DemoLoader {

    static final long SEED = 20_240_301L;
    static final String PROVINCE = "DEMO";
    static final String PROVINCE_NAME = "示范省";
    static final String GROUP = "annual-report";
    static final String[] INDICATORS = { "annual-report.enterprise", "annual-report.individual", "annual-report.cooperative" };
    static final String[] INDICATOR_NAMES = { "企业年报率", "个体工商户年报率", "农民专业合作社年报率" };
    /** Indicators run this many days behind enterprises; each year files this many days earlier than the last. */
    static final double[] INDICATOR_DELAY = { 0, 3, -2 };
    static final double[] YEARLY_GAIN_DAYS = { 6, 2.5, 8 };
    static final int ANCHOR_YEAR = 2026;
    /** Milestones of the season: value due at the end of March, April, May and June. */
    static final int[][] MILESTONES = { { 3, 31, 20 }, { 4, 30, 50 }, { 5, 31, 80 }, { 6, 30, 100 } };

    /** Cities: code suffix (pinyin), name, number of counties (80 in all). */
    static final Object[][] CITIES = {
            { "DONGJIANG", "东江市", 9 }, { "QINGSHI", "青石市", 7 }, { "YUNTAI", "云台市", 8 },
            { "NANPING", "南屏市", 10 }, { "LIUCHUAN", "柳川市", 6 }, { "JINSHA", "金沙市", 8 },
            { "BAILU", "白鹭市", 9 }, { "SONGLING", "松岭市", 7 }, { "FENGMING", "凤鸣市", 8 },
            { "WANGHAI", "望海市", 8 } };
    /** Syllables county names are made of: character and pinyin. */
    static final String[][] FIRST = { { "安", "AN" }, { "永", "YONG" }, { "宁", "NING" }, { "平", "PING" },
            { "长", "CHANG" }, { "兴", "XING" }, { "和", "HE" }, { "丰", "FENG" }, { "新", "XIN" }, { "广", "GUANG" },
            { "泰", "TAI" }, { "顺", "SHUN" }, { "德", "DE" }, { "华", "HUA" }, { "嘉", "JIA" }, { "瑞", "RUI" },
            { "临", "LIN" }, { "清", "QING" }, { "福", "FU" }, { "乐", "LE" } };
    static final String[][] SECOND = { { "阳", "YANG" }, { "山", "SHAN" }, { "川", "CHUAN" }, { "溪", "XI" },
            { "林", "LIN" }, { "源", "YUAN" }, { "江", "JIANG" }, { "河", "HE" }, { "宁", "NING" }, { "城", "CHENG" },
            { "定", "DING" }, { "昌", "CHANG" }, { "泽", "ZE" }, { "丰", "FENG" }, { "安", "AN" }, { "化", "HUA" } };

    public static void main(String[] args) {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        if (PROVINCE_NAME.length() != 3) {
            System.err.println("demo: this source file is UTF-8 but Java read it as " + System.getProperty("file.encoding")
                    + "; run it as: java -Dfile.encoding=UTF-8 deploy/demo/DemoLoader.java");
            System.exit(2);
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        if (options.adminToken == null) {
            System.err.println("demo: DEMO_TOKEN is not set: the loader needs an admin token for org units, indicators"
                    + " and targets. By hand, with the suite of deploy/run-local.sh running:\n"
                    + "  DEMO_TOKEN=$(deploy/token.sh --role admin) DEMO_KEYS=.run/keys java deploy/demo/DemoLoader.java\n"
                    + "(deploy/run-local.sh --demo does it for you)");
            System.exit(2);
        }
        try {
            new DemoLoader(options).run();
        } catch (Failure e) {
            System.err.println();
            System.err.println("demo: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------------------------------ options

    static final class Options {
        static final String USAGE = """
                Usage: java deploy/demo/DemoLoader.java [options]

                Loads the demo province (示范省, code DEMO: 10 cities, 80 counties, the three annual-report
                filing-rate indicators, targets with milestones, daily reports of this season and last year's
                same days) through the public API of running services, then prints a ranking of its cities.
                Idempotent: running it again is harmless.

                Every request carries a bearer token (deploy/run-local.sh --demo sets both variables):
                  DEMO_TOKEN           an admin token (required): loads org units, indicators and targets
                                       (DEMO_TOKEN=$(deploy/token.sh --role admin) when you run it by hand)
                  DEMO_KEYS            the local run's keys folder (<repo>/.run/keys); with its private.pem
                                       the loader signs a reporter token per city (reporter@DEMO-DONGJIANG
                                       …), which sends that city's reports, and a supervisor token of DEMO,
                                       which reads the rankings. Unset: the admin token does everything.

                Options (environment variable in brackets):
                  --target-url URL     target-service   [TARGET_URL, default http://127.0.0.1:8081]
                  --progress-url URL   progress-service [PROGRESS_URL, default http://127.0.0.1:8082]
                  --report-url URL     report-service   [REPORT_URL, default http://127.0.0.1:8083]
                  --today YYYY-MM-DD   load as if today were this date, not later than today
                                       [DEMO_TODAY]: 2026-04-15 shows the season half-way
                  --batch-size N       reports per POST /api/progress (2000)
                  --wait-seconds N     how long to wait for progress-service and report-service to catch
                                       up with Kafka before giving up (60; longer while they make progress)
                  --keys DIR           the keys folder [DEMO_KEYS], see above
                  --help               this text""";

        String targetUrl;
        String progressUrl;
        String reportUrl;
        LocalDate today = LocalDate.now();
        int batchSize = 2000;
        int waitSeconds = 60;
        /** The admin token; from the environment only, as a command line shows in ps. */
        String adminToken;
        /** The folder with private.pem (PKCS#8) that signs the local tokens; null: none. */
        Path keys;
        /** How the user gets a token, for the hints: deploy/token.sh, or what run-local.sh says. */
        String tokenCommand;
        boolean help;

        static Options parse(String[] args, Map<String, String> env) {
            Options o = new Options();
            o.targetUrl = env.getOrDefault("TARGET_URL", "http://127.0.0.1:8081");
            o.progressUrl = env.getOrDefault("PROGRESS_URL", "http://127.0.0.1:8082");
            o.reportUrl = env.getOrDefault("REPORT_URL", "http://127.0.0.1:8083");
            if (env.get("DEMO_TODAY") != null && !env.get("DEMO_TODAY").isBlank()) {
                o.today = today("DEMO_TODAY", env.get("DEMO_TODAY"));
            }
            o.adminToken = blankToNull(env.get("DEMO_TOKEN"));
            o.keys = blankToNull(env.get("DEMO_KEYS")) == null ? null : Path.of(env.get("DEMO_KEYS").strip());
            o.tokenCommand = blankToNull(env.get("DEMO_TOKEN_COMMAND")) == null ? "deploy/token.sh"
                    : env.get("DEMO_TOKEN_COMMAND").strip();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                if (arg.equals("--help") || arg.equals("-h")) {
                    o.help = true;
                    continue;
                }
                if (!List.of("--target-url", "--progress-url", "--report-url", "--today", "--batch-size",
                        "--wait-seconds", "--keys").contains(arg)) {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    value = args[++i];
                }
                switch (arg) {
                    case "--target-url" -> o.targetUrl = value;
                    case "--progress-url" -> o.progressUrl = value;
                    case "--report-url" -> o.reportUrl = value;
                    case "--today" -> o.today = today(arg, value);
                    case "--batch-size" -> o.batchSize = positive(arg, value);
                    case "--wait-seconds" -> o.waitSeconds = positive(arg, value);
                    case "--keys" -> o.keys = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            o.targetUrl = stripSlash(o.targetUrl);
            o.progressUrl = stripSlash(o.progressUrl);
            o.reportUrl = stripSlash(o.reportUrl);
            return o;
        }

        private static LocalDate today(String option, String value) {
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " wants YYYY-MM-DD, not " + value);
            }
            if (date.isAfter(LocalDate.now())) {
                throw new IllegalArgumentException(option + " may not lie in the future: reports may not");
            }
            return date;
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " wants a positive number, not " + value);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static String stripSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    // ------------------------------------------------------------------------------------------ the data

    record City(String code, String name, List<County> counties) {
    }

    /**
     * A county and how its offices file, per indicator: entities registered, how many days behind the others it
     * runs, how steep and how high its S-curve climbs. A county is slow or quick every year.
     */
    static final class County {
        final String code;
        final String name;
        final City city;
        final int[] registered = new int[3];
        final double[] spread = new double[3];
        final double[] ceiling = new double[3];
        double lateness;
        final Set<LocalDate> missed = new HashSet<>();
        boolean missesLatestDay;

        County(String code, String name, City city) {
            this.code = code;
            this.name = name;
            this.city = city;
        }
    }

    /** A county's filing curve for one indicator in one year. */
    record Curve(int registered, double midpoint, double spread, double ceiling) {
    }

    record Report(String eventId, String orgUnit, String indicator, LocalDate date, long numerator, long denominator) {
        String json() {
            return "{\"eventId\":" + Json.quote(eventId) + ",\"orgUnit\":" + Json.quote(orgUnit) + ",\"indicator\":"
                    + Json.quote(indicator) + ",\"date\":\"" + date + "\",\"numerator\":" + numerator
                    + ",\"denominator\":" + denominator + "}";
        }
    }

    final Options options;
    final int season;
    final LocalDate lastDate;
    final List<City> cities = new ArrayList<>();
    final List<County> counties = new ArrayList<>();
    final List<Report> lastYearReports = new ArrayList<>();
    final List<Report> seasonReports = new ArrayList<>();
    /** Reports of this season: orgUnit|indicator → date → report. */
    final Map<String, NavigableMap<LocalDate, Report>> reported = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final long started = System.nanoTime();
    final Tokens tokens;

    DemoLoader(Options options) {
        this.options = options;
        LocalDate today = options.today;
        this.season = today.isBefore(LocalDate.of(today.getYear(), 3, 1)) ? today.getYear() - 1 : today.getYear();
        LocalDate end = LocalDate.of(season, 6, 30);
        this.lastDate = today.isBefore(end) ? today : end;
        buildUnits();
        buildReports();
        this.tokens = new Tokens(options, cities);
    }

    private void buildUnits() {
        Random names = new Random(SEED);
        List<int[]> pairs = new ArrayList<>();
        for (int f = 0; f < FIRST.length; f++) {
            for (int s = 0; s < SECOND.length; s++) {
                if (!FIRST[f][0].equals(SECOND[s][0])) {
                    pairs.add(new int[] { f, s });
                }
            }
        }
        Collections.shuffle(pairs, names);
        int next = 0;
        for (Object[] c : CITIES) {
            City city = new City(PROVINCE + "-" + c[0], (String) c[1], new ArrayList<>());
            cities.add(city);
            int count = (Integer) c[2];
            for (int k = 0; k < count; k++) {
                int[] pair = pairs.get(next++);
                String suffix = k == 0 ? "区" : k == 3 ? "市" : "县";
                County county = new County(city.code() + "-" + FIRST[pair[0]][1] + SECOND[pair[1]][1],
                        FIRST[pair[0]][0] + SECOND[pair[1]][0] + suffix, city);
                city.counties().add(county);
                counties.add(county);
            }
        }
        for (int i = 0; i < counties.size(); i++) {
            County county = counties.get(i);
            Random r = random("county", county.code);
            // Most counties keep pace; about one in ten lags two to three weeks behind.
            boolean laggard = r.nextDouble() < 0.1;
            county.lateness = laggard ? 12 + 8 * r.nextDouble() : clamp(6 * r.nextGaussian(), -12, 12);
            double size = StrictMath.exp(r.nextGaussian() * 0.6);
            int enterprises = (int) Math.round(6000 * size);
            county.registered[0] = enterprises;
            county.registered[1] = (int) Math.round(enterprises * (2.5 + 2 * r.nextDouble()));
            county.registered[2] = (int) Math.round(150 + 900 * size * (0.5 + r.nextDouble()));
            for (int k = 0; k < 3; k++) {
                county.spread[k] = 17 + 6 * r.nextDouble();
                county.ceiling[k] = 0.93 + 0.07 * r.nextDouble();
            }
            // A few counties miss a few days of the season; one misses the latest day (it shows as not reported).
            Random days = random("missed", county.code + "|" + season);
            if (i % 16 == 5) {
                int n = 2 + days.nextInt(3);
                for (int d = 0; d < n; d++) {
                    county.missed.add(LocalDate.of(season, 3, 1).plusDays(days.nextInt(122)));
                }
            }
            county.missesLatestDay = i == 42;
        }
    }

    /**
     * The curve of a county, indicator and year. It depends on nothing else (not on the day the loader runs), so
     * a report has the same figures whenever it is sent: eventIds stay idempotent from one season to the next.
     * Each year files a little earlier than the one before (anchored on 2026, within three years of it), so
     * this season shows gains on last year.
     */
    static Curve curve(County county, int k, int year) {
        Random r = random("year", county.code + "|" + k + "|" + year);
        int t = (int) clamp(year - ANCHOR_YEAR, -3, 3);
        double midpoint = LocalDate.of(year, 4, 25).getDayOfYear() + county.lateness + INDICATOR_DELAY[k]
                - YEARLY_GAIN_DAYS[k] * t + 2 * r.nextGaussian();
        double spread = county.spread[k] + 0.5 * r.nextGaussian();
        double ceiling = Math.min(1.0, county.ceiling[k] + 0.004 * r.nextGaussian());
        int registered = (int) Math.round(county.registered[k] * StrictMath.pow(1.03 + 0.04 * r.nextDouble(), t));
        return new Curve(registered, midpoint, spread, ceiling);
    }

    private void buildReports() {
        for (County county : counties) {
            for (int k = 0; k < 3; k++) {
                String indicator = INDICATORS[k];
                NavigableMap<LocalDate, Report> series = new TreeMap<>();
                reported.put(county.code + "|" + indicator, series);
                Curve now = curve(county, k, season);
                Curve before = curve(county, k, season - 1);
                long filed = 0;
                long filedLastYear = 0;
                for (LocalDate date = LocalDate.of(season, 3, 1); !date.isAfter(lastDate); date = date.plusDays(1)) {
                    LocalDate lastYear = date.minusYears(1);
                    filedLastYear = filed(county.code, k, before, lastYear, filedLastYear);
                    lastYearReports.add(report(county, indicator, lastYear, filedLastYear, before.registered()));
                    filed = filed(county.code, k, now, date, filed);
                    boolean missed = county.missed.contains(date) || (county.missesLatestDay && date.equals(lastDate));
                    if (!missed) {
                        Report report = report(county, indicator, date, filed, now.registered());
                        seasonReports.add(report);
                        series.put(date, report);
                    }
                }
            }
        }
    }

    /** Entities filed by a date: the S-curve, a little daily noise, never fewer than the day before. */
    private static long filed(String code, int k, Curve curve, LocalDate date, long previous) {
        double x = (date.getDayOfYear() - curve.midpoint()) / curve.spread();
        double share = curve.ceiling() / (1 + StrictMath.exp(-x));
        double noise = 1 + 0.004 * random("day", code + "|" + k + "|" + date).nextGaussian();
        long value = Math.round(curve.registered() * share * noise);
        return Math.min(curve.registered(), Math.max(previous, value));
    }

    private static Report report(County county, String indicator, LocalDate date, long numerator, long denominator) {
        String key = "mubiao-demo|" + county.code + "|" + indicator + "|" + date;
        String eventId = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        return new Report(eventId, county.code, indicator, date, numerator, denominator);
    }

    private static Random random(String purpose, String key) {
        long h = SEED ^ (purpose.hashCode() * 0x9E3779B97F4A7C15L) ^ (key.hashCode() * 0xC2B2AE3D27D4EB4FL);
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        return new Random(h ^ (h >>> 29));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    // ------------------------------------------------------------------------------------------ tokens

    /**
     * The loader's bearer tokens: the admin token it was given, and, when it has the local run's private key, a
     * reporter token per city and a supervisor token of the province that it signs itself (RS256, JDK only),
     * with the claims the services read: {@code sub}, {@code groups}, {@code orgUnit}.
     */
    static final class Tokens {
        /** The issuer of the local run's tokens (deploy/token.sh), which the services accept by default. */
        static final String ISSUER = "mubiao-local";
        static final Duration VALIDITY = Duration.ofHours(2);

        final String admin;
        final String adminSubject;
        /** Whether the reporters' and the supervisor's tokens are signed here; false: the admin token does all. */
        final boolean signed;
        final String supervisor;
        final Map<String, String> reporters = new LinkedHashMap<>();

        Tokens(Options options, List<City> cities) {
            admin = options.adminToken;
            adminSubject = checkAdmin(admin);
            if (options.keys == null) {
                signed = false;
                supervisor = admin;
                return;
            }
            signed = true;
            PrivateKey key = privateKey(options.keys.resolve("private.pem"));
            supervisor = sign(key, "supervisor@" + PROVINCE, "supervisor", PROVINCE);
            for (City city : cities) {
                reporters.put(city.code(), sign(key, reporterOf(city), "reporter", city.code()));
            }
        }

        static String reporterOf(City city) {
            return "reporter@" + city.code();
        }

        String reporter(City city) {
            return signed ? reporters.get(city.code()) : admin;
        }

        /** Fails early, in plain words, on a DEMO_TOKEN that is no JWT, has expired or is not an admin's. */
        private static String checkAdmin(String token) {
            String[] parts = token.split("\\.", -1);
            Map<String, Object> claims;
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException();
                }
                claims = Json.object(Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]),
                        StandardCharsets.UTF_8)), "the token's claims");
            } catch (IllegalArgumentException | Failure e) {
                throw new Failure("DEMO_TOKEN is not a JWT (three base64url parts joined by dots); get one with"
                        + " DEMO_TOKEN=$(deploy/token.sh --role admin)");
            }
            String subject = String.valueOf(claims.get("sub"));
            BigDecimal exp = Json.decimal(claims.get("exp"));
            if (exp != null && exp.longValue() <= Instant.now().getEpochSecond()) {
                throw new Failure("DEMO_TOKEN (" + subject + ") expired at " + Instant.ofEpochSecond(exp.longValue())
                        + "; get a new one with DEMO_TOKEN=$(deploy/token.sh --role admin)");
            }
            if (claims.get("groups") instanceof List<?> groups && !groups.contains("admin")) {
                throw new Failure("DEMO_TOKEN is a token of " + subject + " with groups " + Json.write(groups)
                        + ": org units, indicators and targets need an admin token (deploy/token.sh --role admin)");
            }
            return subject;
        }

        private static PrivateKey privateKey(Path file) {
            String pem;
            try {
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                throw new Failure(file + " does not exist: DEMO_KEYS must be the keys folder of the running suite"
                        + " (RUN_DIR/keys, <repo>/.run/keys by default), whose public.pem the services trust");
            } catch (IOException e) {
                throw new Failure("cannot read " + file + ": " + e.getMessage());
            }
            if (pem.contains("BEGIN RSA PRIVATE KEY")) {
                throw new Failure(file + " is a PKCS#1 key; the loader reads PKCS#8 (BEGIN PRIVATE KEY), as"
                        + " deploy/token.sh writes it (convert: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW)");
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw new Failure(file + " is not an RSA private key in PKCS#8 PEM: " + e.getMessage());
            }
        }

        /** An RS256 JWT: SHA256withRSA over base64url(header).base64url(claims). */
        static String sign(PrivateKey key, String subject, String role, String orgUnit) {
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"mubiao-local\"}";
            String claims = "{\"iss\":" + Json.quote(ISSUER) + ",\"sub\":" + Json.quote(subject) + ",\"upn\":"
                    + Json.quote(subject) + ",\"groups\":[" + Json.quote(role) + "],\"orgUnit\":" + Json.quote(orgUnit)
                    + ",\"iat\":" + now + ",\"exp\":" + (now + VALIDITY.toSeconds()) + "}";
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(key);
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + base64.encodeToString(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new Failure("cannot sign a token: " + e, e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the load

    void run() {
        say("demo province " + PROVINCE + " (" + PROVINCE_NAME + "): " + cities.size() + " cities, " + counties.size()
                + " counties; season " + season + ", reports 1 March to " + lastDate + " and last year's same days");
        say("services: target " + options.targetUrl + ", progress " + options.progressUrl + ", report "
                + options.reportUrl);
        if (tokens.signed) {
            say("tokens: reference data as " + tokens.adminSubject + " (DEMO_TOKEN); each city's reports as its reporter ("
                    + Tokens.reporterOf(cities.get(0)) + ", …, signed with " + options.keys.resolve("private.pem")
                    + "); rankings as supervisor@" + PROVINCE);
        } else {
            say("tokens: DEMO_KEYS is not set, so the admin token (" + tokens.adminSubject + ") sends everything,"
                    + " reports included: they record " + tokens.adminSubject + " as their reporter");
        }
        checkUp("target-service", options.targetUrl);
        checkUp("progress-service", options.progressUrl);
        checkUp("report-service", options.reportUrl);

        importOrgUnits();
        putIndicators();
        putTargets();
        awaitProgressServiceKnowsUnits();
        postReports();

        Map<String, Object> ranking = awaitRanking();
        printRanking(ranking);
        printCircular();
        say("demo loaded in " + seconds(started) + " s");
    }

    private void checkUp(String service, String url) {
        Response r = send(tokens.admin, "GET", url + "/q/health/ready", null, Duration.ofSeconds(10), service);
        if (r.status != 200) {
            throw new Failure(service + " at " + url + " is not ready: GET /q/health/ready answered HTTP " + r.status
                    + "\n" + abbreviate(r.body));
        }
    }

    private void importOrgUnits() {
        StringBuilder json = new StringBuilder("[");
        json.append("{\"code\":").append(Json.quote(PROVINCE)).append(",\"name\":").append(Json.quote(PROVINCE_NAME))
                .append('}');
        for (City city : cities) {
            json.append(",{\"code\":").append(Json.quote(city.code())).append(",\"name\":").append(Json.quote(city.name()))
                    .append(",\"parent\":").append(Json.quote(PROVINCE)).append('}');
        }
        for (County county : counties) {
            json.append(",{\"code\":").append(Json.quote(county.code)).append(",\"name\":").append(Json.quote(county.name))
                    .append(",\"parent\":").append(Json.quote(county.city.code())).append('}');
        }
        json.append(']');
        int total = 1 + cities.size() + counties.size();
        String what = "POST " + options.targetUrl + "/api/org-units/import";
        Response r = expect(what, send(tokens.admin, "POST", options.targetUrl + "/api/org-units/import", json.toString(),
                Duration.ofSeconds(120), "target-service"), 200, 201, 207);
        Map<String, Object> summary = Json.object(Json.parse(r.body), what);
        long rejected = Json.longOr(summary.get("rejected"), 0);
        if (rejected > 0) {
            throw new Failure(what + ": " + rejected + " of " + total + " units rejected (HTTP " + r.status + ")\n"
                    + abbreviate(r.body));
        }
        say("org units: " + total + " sent (created " + Json.longOr(summary.get("created"), -1) + ", updated "
                + Json.longOr(summary.get("updated"), -1) + ")");
    }

    private void putIndicators() {
        for (int k = 0; k < 3; k++) {
            String body = "{\"name\":" + Json.quote(INDICATOR_NAMES[k]) + ",\"unit\":\"%\",\"measure\":\"RATIO\","
                    + "\"direction\":\"HIGHER_IS_BETTER\",\"group\":" + Json.quote(GROUP) + ",\"decimals\":2}";
            String url = options.targetUrl + "/api/indicators/" + INDICATORS[k];
            expect("PUT " + url, send(tokens.admin, "PUT", url, body, Duration.ofSeconds(30), "target-service"), 200, 201);
        }
        say("indicators: " + String.join(", ", INDICATORS));
    }

    private void putTargets() {
        StringBuilder milestones = new StringBuilder("[");
        for (int[] m : MILESTONES) {
            if (milestones.length() > 1) {
                milestones.append(',');
            }
            milestones.append("{\"due\":\"").append(LocalDate.of(season, m[0], m[1])).append("\",\"value\":")
                    .append(m[2]).append('}');
        }
        String body = "{\"value\":100,\"milestones\":" + milestones + "]}";
        List<String> units = new ArrayList<>();
        units.add(PROVINCE);
        cities.forEach(c -> units.add(c.code()));
        counties.forEach(c -> units.add(c.code));
        int done = 0;
        for (String indicator : INDICATORS) {
            for (String unit : units) {
                String url = options.targetUrl + "/api/targets/" + indicator + "/" + unit + "/" + season;
                expect("PUT " + url, send(tokens.admin, "PUT", url, body, Duration.ofSeconds(30), "target-service"), 200, 201);
                done++;
            }
        }
        say("targets: " + done + " (every unit and indicator, " + season + ": 100 %, milestones 20/50/80/100 % at the"
                + " ends of March to June)");
    }

    /**
     * Reference data reaches progress-service over Kafka, a little after target-service took it. Posts one real
     * report per county (covering the three indicators), each city's with its reporter's token, until none is
     * refused for an unknown unit or indicator. A unit progress-service does not know yet lies outside every
     * subtree but an admin's, so a reporter may see it refused as outside its area meanwhile.
     */
    private void awaitProgressServiceKnowsUnits() {
        Map<City, String> probes = new LinkedHashMap<>();
        for (City city : cities) {
            List<Report> probe = new ArrayList<>();
            for (County county : city.counties()) {
                String indicator = INDICATORS[counties.indexOf(county) % 3];
                lastYearReports.stream().filter(r -> r.orgUnit().equals(county.code) && r.indicator().equals(indicator))
                        .findFirst().ifPresent(probe::add);
            }
            probes.put(city, jsonArray(probe));
        }
        String url = options.progressUrl + "/api/progress";
        say("waiting for progress-service to learn the demo units…");
        long start = System.nanoTime();
        long lastNote = start;
        while (true) {
            String notYet = null;
            int refused = 0;
            Response r = null;
            for (var pending = probes.entrySet().iterator(); pending.hasNext();) {
                var probe = pending.next();
                City city = probe.getKey();
                String as = tokens.signed ? " as " + Tokens.reporterOf(city) : "";
                r = send(tokens.reporter(city), "POST", url, probe.getValue(), Duration.ofSeconds(60), "progress-service");
                if (r.status == 200) {
                    pending.remove();
                    continue;
                }
                if (r.status == 401) {
                    throw new Failure("POST " + url + as + ": HTTP 401, the token was refused\n" + abbreviate(r.body)
                            + "\n" + (tokens.signed ? reporterTokenHint() : adminTokenHint()));
                }
                if (r.status != 207 && r.status != 422 && r.status != 403) {
                    throw new Failure("POST " + url + as + ": HTTP " + r.status + "\n" + abbreviate(r.body)
                            + statusHint(r.status));
                }
                Map<String, Object> body = Json.object(Json.parse(r.body), "POST " + url);
                List<Object> errors = Json.listOr(body.get("errors"));
                if (errors.isEmpty() && r.status == 403) {
                    // The whole batch refused: a role that may not write, or units outside the caller's area.
                    Map<String, Object> asError = new LinkedHashMap<>();
                    asError.put("field", "");
                    asError.put("message", String.valueOf(body.get("detail")));
                    errors = List.of(asError);
                }
                if (errors.isEmpty()) {
                    throw new Failure("POST " + url + as + ": HTTP " + r.status + " without errors\n" + abbreviate(r.body));
                }
                for (Object e : errors) {
                    Map<String, Object> error = Json.object(e, "an error of POST " + url);
                    if (!isUnknownReference(error)) {
                        throw new Failure("POST " + url + as + " refused a demo report for another reason than an"
                                + " unknown unit or indicator (HTTP " + r.status + "):\n" + abbreviate(r.body)
                                + statusHint(r.status));
                    }
                    notYet = String.valueOf(error.get("message"));
                }
                refused++;
            }
            if (probes.isEmpty()) {
                say("progress-service knows the demo units (after " + seconds(start) + " s)");
                return;
            }
            if (System.nanoTime() - start > options.waitSeconds * 1_000_000_000L) {
                throw new Failure("progress-service did not learn the demo units within " + options.waitSeconds
                        + " s (is it consuming reference.org-units and reference.indicators?); last answer HTTP "
                        + r.status + ":\n" + abbreviate(r.body));
            }
            if (System.nanoTime() - lastNote > 5_000_000_000L) {
                lastNote = System.nanoTime();
                say("  still waiting (" + seconds(start) + " s): probe reports of " + refused + " of " + cities.size()
                        + " cities refused, e.g. \"" + notYet + "\"");
            }
            sleep(500);
        }
    }

    private static boolean isUnknownReference(Map<String, Object> error) {
        String field = String.valueOf(error.get("field"));
        String message = String.valueOf(error.get("message")).toLowerCase();
        return field.equals("orgUnit") || field.equals("indicator") || message.contains("unknown")
                || message.contains("not found") || message.contains("no such") || message.contains("not known")
                || message.contains("outside your area");
    }

    /**
     * Posts every report, each city's with its reporter's token (last year's days first, then this season's), in
     * batches of at most {@code --batch-size}.
     */
    private void postReports() {
        Map<String, City> cityOf = new LinkedHashMap<>();
        counties.forEach(county -> cityOf.put(county.code, county.city));
        Map<City, List<Report>> byCity = new LinkedHashMap<>();
        cities.forEach(city -> byCity.put(city, new ArrayList<>()));
        for (List<Report> reports : List.of(lastYearReports, seasonReports)) {
            reports.forEach(report -> byCity.get(cityOf.get(report.orgUnit())).add(report));
        }
        int total = lastYearReports.size() + seasonReports.size();
        int batches = 0;
        for (List<Report> reports : byCity.values()) {
            batches += (reports.size() + options.batchSize - 1) / options.batchSize;
        }
        String url = options.progressUrl + "/api/progress";
        say("reports: " + total + " (" + lastYearReports.size() + " of " + (season - 1) + ", "
                + seasonReports.size() + " of " + season + ") in " + batches + " batches to POST " + url
                + (tokens.signed ? ", each city's as its reporter" : ""));
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        int sent = 0;
        int b = 0;
        int width = String.valueOf(total).length();
        for (Map.Entry<City, List<Report>> entry : byCity.entrySet()) {
            City city = entry.getKey();
            List<Report> reports = entry.getValue();
            String as = tokens.signed ? Tokens.reporterOf(city) : tokens.adminSubject;
            for (int from = 0; from < reports.size(); from += options.batchSize) {
                List<Report> batch = reports.subList(from, Math.min(reports.size(), from + options.batchSize));
                b++;
                long t = System.nanoTime();
                Response r = send(tokens.reporter(city), "POST", url, jsonArray(batch), Duration.ofSeconds(300),
                        "progress-service");
                if (r.status != 200 && r.status != 207) {
                    throw new Failure("POST " + url + " as " + as + " (batch " + b + " of " + batches + ", "
                            + batch.size() + " reports of " + city.code() + " from " + batch.get(0).date() + "): HTTP "
                            + r.status + "\n" + abbreviate(r.body) + hintOnRejection(r.body) + statusHint(r.status));
                }
                Map<String, Object> summary = Json.object(Json.parse(r.body), "POST " + url);
                long a = Json.longOr(summary.get("accepted"), 0);
                long d = Json.longOr(summary.get("duplicates"), 0);
                long x = Json.longOr(summary.get("rejected"), 0);
                accepted += a;
                duplicates += d;
                rejected += x;
                sent += batch.size();
                say(String.format("  %s %" + width + "d/%d  batch %d/%d as %s: accepted %d, duplicates %d, rejected %d (%.1f s)",
                        bar(sent, total), sent, total, b, batches, as, a, d, x, (System.nanoTime() - t) / 1e9));
                if (r.status == 207) {
                    List<Object> errors = Json.listOr(summary.get("errors"));
                    for (int e = 0; e < Math.min(5, errors.size()); e++) {
                        System.out.println("      rejected: " + Json.write(errors.get(e)));
                    }
                    if (errors.size() > 5) {
                        System.out.println("      … and " + (errors.size() - 5) + " more");
                    }
                }
            }
        }
        say("reports: accepted " + accepted + ", duplicates " + duplicates + " (loaded before), rejected " + rejected);
        if (rejected > 0) {
            throw new Failure(rejected + " reports were rejected (see above)." + hintOnRejection("eventId"));
        }
    }

    private static String hintOnRejection(String body) {
        return body.contains("eventId")
                ? "\nNote: a report whose eventId was loaded before with other figures is rejected; if the demo data"
                        + " changed since it was first loaded, start from an empty database."
                : "";
    }

    /** Waits until report-service ranks the demo cities on the last date with the figures just loaded. */
    private Map<String, Object> awaitRanking() {
        Map<String, BigDecimal> expected = expectedValues(INDICATORS[0]);
        String url = rankingUrl(INDICATORS[0], false);
        say("waiting for report-service to rank the demo cities as of " + lastDate + "…");
        long start = System.nanoTime();
        long lastChange = start;
        long lastNote = start;
        String lastBody = null;
        Map<String, Object> lastRanked = null;
        Response r;
        while (true) {
            r = send(tokens.supervisor, "GET", url, null, Duration.ofSeconds(30), "report-service");
            String state;
            if (r.status == 200) {
                Map<String, Object> ranking = Json.object(Json.parse(r.body), "GET " + url);
                List<Object> entries = Json.listOr(ranking.get("entries"));
                int ranked = 0;
                int matching = 0;
                List<String> differing = new ArrayList<>();
                for (Object o : entries) {
                    Map<String, Object> entry = Json.object(o, "a ranking entry");
                    if (entry.get("rank") != null) {
                        ranked++;
                    }
                    BigDecimal want = expected.get(String.valueOf(entry.get("orgUnit")));
                    if (close(Json.decimal(entry.get("value")), want)) {
                        matching++;
                    } else if (differing.size() < 3) {
                        differing.add(entry.get("orgUnit") + " " + pct(Json.decimal(entry.get("value"))) + " (loaded: "
                                + pct(want) + ")");
                    }
                }
                BigDecimal parentValue = Json.decimal(ranking.get("parentValue"));
                boolean allRanked = ranked == cities.size();
                if (allRanked) {
                    lastRanked = ranking;
                }
                if (allRanked && matching == cities.size() && close(parentValue, expected.get(PROVINCE))) {
                    say("report-service ranks the demo cities (after " + seconds(start) + " s)");
                    return ranking;
                }
                state = ranked + " of " + cities.size() + " cities ranked, province " + pct(parentValue)
                        + " (the loaded data gives " + pct(expected.get(PROVINCE)) + ")"
                        + (differing.isEmpty() ? "" : "; differing: " + String.join(", ", differing));
            } else if (r.status == 404) {
                state = "HTTP 404 (it does not know " + PROVINCE + " or the indicator yet)";
            } else {
                throw new Failure("GET " + url + (tokens.signed ? " as supervisor@" + PROVINCE : "") + ": HTTP "
                        + r.status + "\n" + abbreviate(r.body) + statusHint(r.status));
            }
            if (!r.body.equals(lastBody)) {
                lastBody = r.body;
                lastChange = System.nanoTime();
            }
            long now = System.nanoTime();
            boolean stalled = now - lastChange > options.waitSeconds * 1_000_000_000L;
            boolean tooLong = now - start > Math.max(300, options.waitSeconds) * 1_000_000_000L;
            if (stalled || tooLong) {
                if (lastRanked != null) {
                    say("WARNING: report-service's figures still differ from the loaded data after " + seconds(start)
                            + " s: " + state);
                    return lastRanked;
                }
                throw new Failure("report-service did not rank the demo cities within " + seconds(start) + " s"
                        + " (is it consuming reference.* and progress.recorded?); last answer to GET " + url
                        + ": HTTP " + r.status + "\n" + abbreviate(r.body));
            }
            if (now - lastNote > 5_000_000_000L) {
                lastNote = now;
                say("  still waiting (" + seconds(start) + " s): " + state);
            }
            sleep(1000);
        }
    }

    /** What the ranking should show: each city's and the province's ratio of sums as of the last date. */
    private Map<String, BigDecimal> expectedValues(String indicator) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        long provinceNumerator = 0;
        long provinceDenominator = 0;
        for (City city : cities) {
            long numerator = 0;
            long denominator = 0;
            for (County county : city.counties()) {
                Map.Entry<LocalDate, Report> asOf = reported.get(county.code + "|" + indicator).floorEntry(lastDate);
                if (asOf != null) {
                    numerator += asOf.getValue().numerator();
                    denominator += asOf.getValue().denominator();
                }
            }
            values.put(city.code(), percent(numerator, denominator));
            provinceNumerator += numerator;
            provinceDenominator += denominator;
        }
        values.put(PROVINCE, percent(provinceNumerator, provinceDenominator));
        return values;
    }

    private void printRanking(Map<String, Object> ranking) {
        BigDecimal parentValue = Json.decimal(ranking.get("parentValue"));
        System.out.println();
        System.out.println(PROVINCE_NAME + " " + INDICATOR_NAMES[0] + " (" + INDICATORS[0] + ") as of " + lastDate
                + ": " + pct(parentValue));
        List<String> others = new ArrayList<>();
        for (int k = 1; k < 3; k++) {
            Response r = send(tokens.supervisor, "GET", rankingUrl(INDICATORS[k], false), null, Duration.ofSeconds(30),
                    "report-service");
            if (r.status == 200) {
                others.add(INDICATOR_NAMES[k] + " "
                        + pct(Json.decimal(Json.object(Json.parse(r.body), "a ranking").get("parentValue"))));
            }
        }
        if (!others.isEmpty()) {
            System.out.println("  also " + String.join(", ", others));
        }
        System.out.println();
        String[] header = { "rank", "city", "value %", "gap to milestone", "milestone", "yoy (points)", "status" };
        List<String[]> rows = new ArrayList<>();
        for (Object o : Json.listOr(ranking.get("entries"))) {
            Map<String, Object> e = Json.object(o, "a ranking entry");
            Object milestone = e.get("milestone");
            String due = "–";
            if (milestone instanceof Map<?, ?> m) {
                due = num(Json.decimal(m.get("value")), 0) + " % by " + m.get("due");
            }
            rows.add(new String[] { e.get("rank") == null ? "–" : String.valueOf(e.get("rank")),
                    String.valueOf(e.get("name") == null ? e.get("orgUnit") : e.get("name")),
                    num(Json.decimal(e.get("value")), 2), signed(Json.decimal(e.get("gapToMilestone"))), due,
                    signed(Json.decimal(e.get("yoyChange"))), String.valueOf(e.get("status")) });
        }
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = width(header[c]);
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        boolean[] right = { true, false, true, true, false, true, false };
        System.out.println("  " + line(header, widths, right));
        System.out.println("  " + "-".repeat(line(header, widths, right).length()));
        for (String[] row : rows) {
            System.out.println("  " + line(row, widths, right));
        }
        System.out.println("  (gap to milestone: points short of the next milestone, negative = ahead; yoy: change in"
                + " points against " + lastDate.minusYears(1) + ")");
        System.out.println();
        String bearer = "curl -s -H \"Authorization: Bearer $TOKEN\" ";
        System.out.println("See it yourself, as a supervisor of the province" + (tokens.signed ? ""
                : " (a token of the local run's keys; with an issuer of your own, one of its tokens)") + ":");
        System.out.println("  TOKEN=$(" + options.tokenCommand + " --role supervisor --org-unit " + PROVINCE + ")");
        System.out.println("  " + bearer + "'" + rankingUrl(INDICATORS[0], false) + "'");
        System.out.println("  counties of the whole province: " + bearer + "'" + rankingUrl(INDICATORS[0], true) + "'");
        String history = historyUrl();
        if (history != null) {
            String reportedBy = reportedBy(history);
            System.out.println("  who reported a county's figures" + (reportedBy == null ? "" : " (" + reportedBy + ")")
                    + ": " + bearer + "'" + history + "'");
        }
        System.out.println("  Swagger UI: " + options.reportUrl + "/q/swagger-ui   (" + options.targetUrl
                + "/q/swagger-ui, " + options.progressUrl + "/q/swagger-ui); Authorize with the token");
        System.out.println();
    }

    /**
     * The opening of the province's daily circular as report-service writes it, and where to read the daily,
     * weekly and ten-day ones in full.
     */
    private void printCircular() {
        String url = circularUrl("daily", "markdown");
        Response r = send(tokens.supervisor, "GET", url, null, Duration.ofSeconds(60), "report-service");
        if (r.status != 200) {
            throw new Failure("GET " + url + " answered HTTP " + r.status + "\n" + abbreviate(r.body));
        }
        System.out.println("The province's daily circular as of " + lastDate + " (the opening; the rest: curl below):");
        r.body.lines().limit(12).forEach(line -> System.out.println("  " + line));
        System.out.println("  …");
        String bearer = "curl -s -H \"Authorization: Bearer $TOKEN\" ";
        System.out.println("  daily, weekly and ten-day circulars: " + bearer + "'" + circularUrl("daily", "markdown") + "'");
        System.out.println("    (cadence weekly or dekad in the path; format=html for a printable page with charts,"
                + " format=json for the figures, lang=en in English)");
        System.out.println();
    }

    private String circularUrl(String cadence, String format) {
        return options.reportUrl + "/api/briefings/" + cadence + "?scope=" + PROVINCE + "&date=" + lastDate
                + "&format=" + format;
    }

    /** The revision history of the first county's latest enterprise report, or null when it reported nothing. */
    private String historyUrl() {
        County county = cities.get(0).counties().get(0);
        Map.Entry<LocalDate, Report> latest = reported.get(county.code + "|" + INDICATORS[0]).floorEntry(lastDate);
        if (latest == null) {
            return null;
        }
        return options.progressUrl + "/api/progress/history?orgUnit=" + URLEncoder.encode(county.code, StandardCharsets.UTF_8)
                + "&indicator=" + URLEncoder.encode(INDICATORS[0], StandardCharsets.UTF_8) + "&date=" + latest.getKey();
    }

    /** "reportedBy: …" of the latest revision at {@code url}, read as the supervisor; null when that fails. */
    private String reportedBy(String url) {
        try {
            Response r = send(tokens.supervisor, "GET", url, null, Duration.ofSeconds(30), "progress-service");
            if (r.status != 200) {
                return null;
            }
            List<Object> revisions = Json.listOr(Json.object(Json.parse(r.body), "GET " + url).get("revisions"));
            if (revisions.isEmpty()) {
                return null;
            }
            Object by = Json.object(revisions.get(revisions.size() - 1), "a revision").get("reportedBy");
            return by == null ? null : "reportedBy: " + by;
        } catch (Failure e) {
            return null;
        }
    }

    private String rankingUrl(String indicator, boolean counties) {
        return options.reportUrl + "/api/rankings?indicator=" + URLEncoder.encode(indicator, StandardCharsets.UTF_8)
                + "&parent=" + PROVINCE + "&date=" + lastDate + (counties ? "&level=3" : "");
    }

    // ------------------------------------------------------------------------------------------ HTTP

    record Response(int status, String body) {
    }

    private Response send(String token, String method, String url, String json, Duration timeout, String service) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        // Every request of the loader may be repeated safely (PUTs, imports, reports with eventIds): a connection
        // that breaks (a kept-alive one the server closed, say) is retried twice.
        for (int attempt = 1;; attempt++) {
            try {
                return sendOnce(request.build(), method, url, timeout, service);
            } catch (Failure e) {
                if (!(e.getCause() instanceof IOException) || attempt == 3) {
                    throw e;
                }
                sleep(500L * attempt);
            }
        }
    }

    private Response sendOnce(HttpRequest request, String method, String url, Duration timeout, String service) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body() == null ? "" : response.body());
        } catch (ConnectException e) {
            throw new Failure("cannot connect to " + service + " at " + url + " (is it running? deploy/run-local.sh"
                    + " starts the suite)");
        } catch (HttpTimeoutException e) {
            throw new Failure(method + " " + url + ": no answer from " + service + " within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new Failure("cannot connect to " + service + " at " + url + " (is it running?"
                        + " deploy/run-local.sh starts the suite)");
            }
            throw new Failure(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    /** Calls of the admin token: the reference data. */
    private Response expect(String what, Response r, int... ok) {
        for (int status : ok) {
            if (r.status == status) {
                return r;
            }
        }
        String hint = r.status == 404 || r.status == 405
                ? "\n(is this endpoint implemented yet? see the service's /q/openapi)"
                : r.status == 401 ? "\n" + adminTokenHint() : statusHint(r.status);
        throw new Failure(what + " as " + tokens.adminSubject + ": HTTP " + r.status + "\n" + abbreviate(r.body) + hint);
    }

    private static String statusHint(int status) {
        return switch (status) {
            case 401 -> "\n(the service refused the token: expired, or signed with another key than the one it trusts)";
            case 403 -> "\n(the token is valid, but its role or org unit may not do this; \"deny unannotated\" or \"your"
                    + " role\" on an endpoint the token's role should reach: the service does not declare that role yet)";
            default -> "";
        };
    }

    private String adminTokenHint() {
        return "(DEMO_TOKEN was refused: expired, or signed with another key than the one the services trust. The"
                + " local run's: DEMO_TOKEN=$(" + options.tokenCommand + " --role admin), with the same RUN_DIR as"
                + " deploy/run-local.sh)";
    }

    private String reporterTokenHint() {
        return "(the reporter tokens the loader signed with " + options.keys.resolve("private.pem") + " were refused:"
                + " DEMO_KEYS must be the keys folder of the running suite, RUN_DIR/keys, whose public.pem the"
                + " services trust, and they must accept the issuer " + Tokens.ISSUER + " (JWT_ISSUER))";
    }

    private static String jsonArray(List<Report> reports) {
        StringBuilder json = new StringBuilder(reports.size() * 170).append('[');
        for (Report r : reports) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(r.json());
        }
        return json.append(']').toString();
    }

    // ------------------------------------------------------------------------------------------ small things

    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void say(String message) {
        System.out.println("demo: " + message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private static long seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000_000L;
    }

    private static String abbreviate(String body) {
        String text = body == null || body.isBlank() ? "(empty body)" : body.strip();
        return "  " + (text.length() > 2000 ? text.substring(0, 2000) + " …" : text);
    }

    private static BigDecimal percent(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    private static boolean close(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.subtract(b).abs().compareTo(new BigDecimal("0.011")) <= 0;
    }

    private static String pct(BigDecimal value) {
        return value == null ? "–" : num(value, 2) + " %";
    }

    private static String num(BigDecimal value, int decimals) {
        return value == null ? "–" : value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static String signed(BigDecimal value) {
        return value == null ? "–" : (value.signum() > 0 ? "+" : "") + num(value, 2);
    }

    private static String bar(long done, long total) {
        int filled = (int) (20 * done / Math.max(1, total));
        return "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
    }

    /** Display width in a terminal: CJK characters take two columns. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                    || (c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
        }
        return w;
    }

    private static String line(String[] cells, int[] widths, boolean[] right) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(widths[c] - width(cells[c]));
            s.append(c == 0 ? "" : "  ").append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        return s.toString().stripTrailing();
    }

    // ------------------------------------------------------------------------------------------ JSON

    /** Just enough JSON: parses into Map, List, BigDecimal, String, Boolean and null; quotes strings. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text == null ? "" : text);
            p.space();
            Object value = p.value();
            p.space();
            if (p.i != p.s.length()) {
                throw p.error("unexpected text after the value");
            }
            return value;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(Object value, String what) {
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new Failure(what + ": expected a JSON object, got " + write(value));
        }

        @SuppressWarnings("unchecked")
        static List<Object> listOr(Object value) {
            return value instanceof List<?> list ? (List<Object>) list : List.of();
        }

        static BigDecimal decimal(Object value) {
            return value instanceof BigDecimal d ? d : null;
        }

        static long longOr(Object value, long fallback) {
            return value instanceof BigDecimal d ? d.longValue() : fallback;
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder(text.length() + 2).append('"');
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String text) {
                return quote(text);
            }
            if (value instanceof BigDecimal number) {
                return number.toPlainString();
            }
            if (value instanceof Map<?, ?> map) {
                StringBuilder out = new StringBuilder("{");
                map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(String.valueOf(k)))
                        .append(':').append(write(v)));
                return out.append('}').toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder out = new StringBuilder("[");
                list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(write(v)));
                return out.append(']').toString();
            }
            return String.valueOf(value);
        }

        private Object value() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return readObject();
                case '[':
                    return readArray();
                case '"':
                    return readString();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    return readNumber();
            }
        }

        private Map<String, Object> readObject() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("expected a field name");
                }
                String key = readString();
                space();
                expectChar(':');
                space();
                map.put(key, value());
                space();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private List<Object> readArray() {
            List<Object> list = new ArrayList<>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                space();
                list.add(value());
                space();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("expected , or ]");
                }
            }
        }

        private String readString() {
            StringBuilder out = new StringBuilder();
            i++;
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw error("bad \\u escape");
                            }
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private BigDecimal readNumber() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character '" + s.charAt(i) + "'");
            }
            try {
                return new BigDecimal(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private char next() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i++);
        }

        private void expectChar(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        private Failure error(String problem) {
            String around = s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 40));
            return new Failure("could not read the JSON answer (" + problem + " at " + i + "): …" + around + "…");
        }
    }
}
