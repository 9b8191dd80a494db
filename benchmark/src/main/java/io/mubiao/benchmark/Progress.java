package io.mubiao.benchmark;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * What the benchmark is doing, as it does it: a time-stamped line per event and a bar per batch, on stdout,
 * plain lines (no carriage returns) so that a log or a pipe through tee reads the same as the terminal.
 */
final class Progress {

    private static final int BAR_WIDTH = 24;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String message) {
        synchronized (out) {
            out.println(LocalTime.now().format(TIME) + " benchmark: " + message);
        }
    }

    /** A progress line of a step: "  label  [#####-----]  detail". */
    void line(String label, String detail) {
        synchronized (out) {
            out.println("         " + String.format("  %-16s %s", label, detail));
        }
    }

    static String bar(long done, long total) {
        int filled = total <= 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", e);
        }
    }
}
