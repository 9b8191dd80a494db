package io.mubiao.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine the figures belong to, read where the benchmark runs (the suite runs on the same machine when
 * deploy/benchmark.sh starts it): cores, memory, CPU model and the load average, which tells whether other work
 * (a build, someone's tests) shared the cores.
 */
record Machine(int cores, String cpu, String memory, String java) {

    static Machine here() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemory(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /** The 1-, 5- and 15-minute load averages, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    private static String totalMemory() {
        return procLine("/proc/meminfo", "MemTotal").map(l -> {
            long kib = Long.parseLong(l.replaceAll("[^0-9]", ""));
            return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
        }).orElse("unknown");
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
