package io.mubiao.benchmark;

import java.time.Duration;

/**
 * What a step leaves running after its last acknowledgement: progress-service's outbox relay publishing to
 * progress.recorded and report-service storing those in its read model. Both share the machine with the next
 * step, so the benchmark waits for them between steps, and records how long they trailed as a figure of its own.
 */
final class Downstream {

    private final Database db;
    private final Progress progress;
    private final Duration timeout;

    Downstream(Database db, Progress progress, Duration timeout) {
        this.db = db;
        this.progress = progress;
        this.timeout = timeout;
    }

    /**
     * Waits until the outbox is empty and report-service's read model holds the step's reports.
     *
     * @param since when the step's last report was acknowledged ({@link System#nanoTime()})
     * @return a note saying how long after that the read model was complete, or that it was not within the timeout
     */
    String await(ReportPlan plan, long since) {
        long total = plan.size();
        long lastNote = 0;
        while (true) {
            long backlog = db.outboxBacklog();
            long observed = db.observedCount(plan.eventIdPrefix);
            long now = System.nanoTime();
            if (backlog == 0 && observed >= total) {
                String note = String.format("report-service's read model held all %,d %.1f s after the last one was"
                        + " stored", total, (now - since) / 1e9);
                progress.say("downstream: " + note);
                return note;
            }
            if (now - since > timeout.toNanos()) {
                String note = String.format("report-service's read model held %,d of %,d (outbox backlog %,d) %d s after"
                        + " the last one was stored; the next step ran with it still catching up", observed, total,
                        backlog, timeout.toSeconds());
                progress.say("downstream: " + note);
                return note;
            }
            if (now - lastNote > 2_000_000_000L) {
                lastNote = now;
                progress.line("downstream", String.format("%s outbox backlog %,d, read model %,d/%,d",
                        Progress.bar(observed, total), backlog, observed, total));
            }
            Progress.sleep(250);
        }
    }
}
