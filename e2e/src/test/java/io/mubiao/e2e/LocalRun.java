package io.mubiao.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * deploy/run-local.sh running as a child process: its output (stdout and stderr, as one) kept line by line and
 * copied to a file, and the processes it started found among its descendants by their command lines.
 */
final class LocalRun implements AutoCloseable {

    private final Process script;
    private final Path runDir;
    private final Path output;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private LocalRun(Process script, Path runDir, Path output) {
        this.script = script;
        this.runDir = runDir;
        this.output = output;
        this.reader = new Thread(this::readOutput, "run-local-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the script with {@code --no-build}: the reactor has packaged the services already, and a test must
     * never run Maven (let alone {@code mvn install}) behind the build's back.
     */
    static LocalRun start(Path root, Path runDir, Map<String, String> environment, Path output) {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("deploy/run-local.sh").toString(), "--no-build")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // Whatever of the suite's settings the caller's shell has, only the given ones count.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("KAFKA_")
                || name.startsWith("JWT_") || name.endsWith("_PORT") || name.equals("RUN_DIR"));
        builder.environment().putAll(environment);
        builder.environment().put("RUN_DIR", runDir.toString());
        try {
            Files.createDirectories(output.getParent());
            return new LocalRun(builder.start(), runDir, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                copy.println(line);
                System.out.println("run-local | " + line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the script ended, or its pipe was closed on close()
        }
    }

    /** Waits for the first line of the script's output from {@code from} on that matches; its index. */
    int awaitLine(int from, Predicate<String> matches, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (lines) {
            int next = from;
            while (true) {
                for (; next < lines.size(); next++) {
                    if (matches.test(lines.get(next))) {
                        return next;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0 || (!script.isAlive() && !reader.isAlive())) {
                    throw new AssertionError("run-local.sh did not print " + what + " within " + timeout
                            + (script.isAlive() ? "" : " (it exited with " + script.exitValue() + ")")
                            + "; its output: " + output + ", the processes' logs: " + runDir.resolve("logs"));
                }
                try {
                    lines.wait(Math.min(left, 500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    String line(int index) {
        synchronized (lines) {
            return lines.get(index);
        }
    }

    int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** The one running process the script started whose command line contains {@code marker}, if there is one. */
    Optional<ProcessHandle> started(String marker) {
        List<ProcessHandle> found = script.descendants().filter(process -> commandLine(process).contains(marker)).toList();
        if (found.size() > 1) {
            throw new AssertionError("more than one process of the run matches " + marker + ": "
                    + found.stream().map(ProcessHandle::pid).toList());
        }
        return found.stream().findFirst();
    }

    /** Every process that carries this run's tag ({@code -Dmubiao.run-local=<RUN_DIR>}), the script's or not. */
    List<ProcessHandle> tagged() {
        String tag = "-Dmubiao.run-local=" + runDir + " ";
        return ProcessHandle.allProcesses().filter(process -> commandLine(process).contains(tag)).toList();
    }

    /**
     * Read from /proc: {@code ProcessHandle.Info.commandLine()} is empty for a command line longer than a page,
     * such as the broker's, with its class path.
     */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // it has ended
        }
    }

    long pid() {
        return script.pid();
    }

    /**
     * Sends SIGTERM, as an operator's {@code kill <pid>} would, and waits for the script's exit code. Like every
     * {@link Process#destroy()} it also closes this end of the script's output, as a pipe whose reader ended does
     * ({@code run-local.sh | tee}, interrupted): the stop must not depend on anyone reading what the script says.
     */
    int terminate(Duration timeout) {
        script.destroy();
        try {
            if (!script.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("run-local.sh still runs " + timeout + " after SIGTERM; see " + output);
            }
            awaitOutputRead();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return script.exitValue();
    }

    /** Whatever still runs after a failed test: the script first (it stops its processes), then by force. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = script.descendants().toList();
        if (script.isAlive()) {
            script.destroy();
            try {
                if (!script.waitFor(60, TimeUnit.SECONDS)) {
                    script.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        tagged().forEach(ProcessHandle::destroyForcibly);
        awaitOutputRead();
    }

    /** The script has ended: lets the reader copy its last lines. */
    private void awaitOutputRead() {
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
