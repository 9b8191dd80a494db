package io.mubiao.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of one step, made on demand from their index so that a country-sized step never sits in memory:
 * every county reports every indicator on each of the step's dates, ordered by date, then county, then indicator,
 * so a batch touches distinct (unit, indicator, date) keys and two concurrent clients never contend for one.
 * Figures are deterministic; eventIds are the step's prefix plus the index, unique per run.
 */
final class ReportPlan {

    final String eventIdPrefix;
    private final DataSet data;
    private final List<LocalDate> dates;
    private final long perDate;
    private final long size;

    ReportPlan(DataSet data, String eventIdPrefix, List<LocalDate> dates) {
        this(data, eventIdPrefix, dates, Long.MAX_VALUE);
    }

    /** Only the first {@code limit} reports of the dates (a warm-up of a few batches on a country-sized set). */
    ReportPlan(DataSet data, String eventIdPrefix, List<LocalDate> dates, long limit) {
        this.data = data;
        this.eventIdPrefix = eventIdPrefix;
        this.dates = List.copyOf(dates);
        this.perDate = (long) data.counties.size() * data.indicators.size();
        this.size = Math.min(perDate * dates.size(), limit);
    }

    long size() {
        return size;
    }

    int batches(int batchSize) {
        return (int) ((size() + batchSize - 1) / batchSize);
    }

    List<Report> batch(int b, int batchSize) {
        long from = (long) b * batchSize;
        long to = Math.min(size(), from + batchSize);
        List<Report> reports = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            reports.add(report(i));
        }
        return reports;
    }

    Report report(long i) {
        LocalDate date = dates.get((int) (i / perDate));
        int rest = (int) (i % perDate);
        int county = rest / data.indicators.size();
        int k = rest % data.indicators.size();
        DataSet.Indicator indicator = data.indicators.get(k);
        String unit = data.counties.get(county).code();
        long h = mix(county * 1_000_003L + k * 7919L + date.toEpochDay());
        String eventId = eventIdPrefix + i;
        if (indicator.measure() == DataSet.Measure.RATIO) {
            long denominator = 500 + Math.floorMod(mix(county * 31L + k), 9_500);
            long numerator = Math.floorMod(h, denominator + 1);
            return new Report(eventId, unit, indicator.code(), date, null, numerator, denominator);
        }
        BigDecimal value = BigDecimal.valueOf(Math.floorMod(h, 10_000_000), 2);
        return new Report(eventId, unit, indicator.code(), date, value, null, null);
    }

    /** A cheap, well-spread hash (splitmix64's finaliser). */
    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
