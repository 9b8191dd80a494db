package io.mubiao.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * The results as Markdown, ready to paste into docs/BENCHMARKS.md: what ran where, then one row per step with its
 * rate and that rate as a share of the COPY floor's.
 */
final class ResultTable {

    record Context(String date, String command, Machine machine, String loadBefore, String loadAfter,
            String postgres, String dataSet, String perStep) {
    }

    private ResultTable() {
    }

    static String render(Context context, List<Measurement> results) {
        Optional<Measurement> floor = results.stream().filter(m -> m.step().startsWith("PostgreSQL COPY"))
                .filter(Measurement::hasRate).findFirst();
        StringBuilder md = new StringBuilder();
        md.append("- Run: ").append(context.date()).append(", `").append(context.command()).append("`\n");
        Machine machine = context.machine();
        md.append("- Machine: ").append(machine.cores()).append(" cores (").append(machine.cpu()).append("), ")
                .append(machine.memory()).append(" memory; ").append(machine.java()).append("; PostgreSQL ")
                .append(context.postgres()).append('\n');
        md.append("- Load average (1, 5, 15 min): ").append(context.loadBefore()).append(" before, ")
                .append(context.loadAfter()).append(" after\n");
        md.append("- Data set: ").append(context.dataSet()).append('\n');
        if (results.isEmpty()) {
            // --reads-only: the reads' table follows
            return md.toString();
        }
        md.append("- Per step: ").append(context.perStep()).append("\n\n");
        md.append("| step | how | reports | time (s) | reports/s | batch p50 (ms) | batch max (ms) | vs COPY |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : results) {
            md.append("| ").append(m.step()).append(" | ").append(m.method()).append(" | ");
            if (!m.hasRate()) {
                md.append("– | – | ").append(m.status() == Measurement.Status.SKIPPED ? "skipped" : "timed out")
                        .append(" | – | – | – |\n");
                continue;
            }
            md.append(String.format("%,d | %.2f | %,.0f | %s | %s | %s |\n", m.rows(), m.seconds(), m.rowsPerSecond(),
                    millis(m.p50Millis()), millis(m.maxMillis()),
                    floor.map(f -> String.format("%.2f×", m.rowsPerSecond() / f.rowsPerSecond())).orElse("–")));
        }
        List<Measurement> notes = results.stream().filter(m -> m.note() != null).toList();
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(m -> md.append("- ").append(m.step()).append(": ").append(m.note()).append('\n'));
        }
        return md.toString();
    }

    private static String millis(double ms) {
        return ms < 0 ? "–" : String.format("%,.0f", ms);
    }
}
