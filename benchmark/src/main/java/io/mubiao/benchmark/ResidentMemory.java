package io.mubiao.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resident memory (VmRSS) of each service of the suite: once at rest, before any step, and its peak while
 * the steps run (sampled every half second by a daemon thread). The services are found among this machine's
 * processes by their jar ({@code <service>/target/quarkus-app/quarkus-run.jar}, as deploy/run-local.sh starts
 * them); a suite elsewhere is reported as not measured.
 */
final class ResidentMemory implements AutoCloseable {

    static final List<String> SERVICES = List.of("target-service", "progress-service", "report-service");

    private final Map<String, Long> atRest = new LinkedHashMap<>();
    private final Map<String, Long> peak = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    ResidentMemory() {
        SERVICES.forEach(service -> rss(service).ifPresent(kib -> atRest.put(service, kib)));
        sampler = new Thread(this::sample, "resident-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            SERVICES.forEach(service -> rss(service).ifPresent(kib -> peak.merge(service, kib, Math::max)));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** The Markdown table, after the others. */
    String render() {
        StringBuilder table = new StringBuilder("| service | resident at rest (MB) | peak resident under load (MB) "
                + "| goal (MB, at rest / under load) |\n|---|---:|---:|---:|\n");
        for (String service : SERVICES) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | 300 / 600 |%n", service,
                    megabytes(atRest.get(service)), megabytes(peak.get(service))));
        }
        return table.toString();
    }

    private static String megabytes(Long kib) {
        return kib == null ? "not measured" : String.format(Locale.ROOT, "%,d", kib / 1024);
    }

    /**
     * VmRSS of the service's process on this machine, in KiB: the one running this checkout's jar (deploy/benchmark.sh
     * runs from the repository root) when there is one, since other worktrees' suites may run on the same machine.
     */
    private static Optional<Long> rss(String service) {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        String ours = Path.of(jar).toAbsolutePath().normalize().toString();
        List<ProcessHandle> running = ProcessHandle.allProcesses().filter(process -> commandLine(process).contains(jar))
                .toList();
        return running.stream().filter(process -> commandLine(process).contains(ours)).findFirst()
                .or(() -> running.stream().findFirst()).flatMap(process -> vmRss(process.pid()));
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static Optional<Long> vmRss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
