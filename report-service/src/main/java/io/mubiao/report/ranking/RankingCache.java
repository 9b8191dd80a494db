package io.mubiao.report.ranking;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mubiao.report.config.ReportConfig;
import io.mubiao.report.readmodel.ReadModelVersion;

/**
 * Rankings as computed under one version of the read model's figures. Any commit that wrote the read model
 * (a report, a target, a unit or an indicator, by whichever instance) bumps that version, and the next
 * request, bringing the new version, starts the cache afresh: a ranking is never answered from before a
 * commit it would have seen. The version must be read before the figures a ranking is computed from.
 */
@ApplicationScoped
public class RankingCache {

    /** A request with its date resolved (the default, today, moves at midnight). */
    public record Key(String indicator, String parent, LocalDate date, Integer level, String kind) {
    }

    private record Generation(Object version, Map<Key, RankingResult> rankings, AtomicInteger entries) {

        Generation(Object version) {
            this(version, new ConcurrentHashMap<>(), new AtomicInteger());
        }
    }

    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(null));

    @Inject
    ReportConfig config;

    /** The ranking computed under {@code version}, or null. */
    public RankingResult get(ReadModelVersion version, Key key) {
        Generation generation = current.get();
        if (version.figuresKey().equals(generation.version())) {
            return generation.rankings().get(key);
        }
        current.compareAndSet(generation, new Generation(version.figuresKey()));
        return null;
    }

    /**
     * Keeps a ranking computed from figures read after {@code version} was: at least as new as that version,
     * so right for any request that reads it. Dropped when the cache has moved to another version meanwhile.
     */
    public void put(ReadModelVersion version, Key key, RankingResult ranking) {
        Generation generation = current.get();
        if (!version.figuresKey().equals(generation.version())) {
            return;
        }
        int size = Math.max(1, ranking.entries().size());
        if (generation.entries().addAndGet(size) > config.ranking().cachedEntries()) {
            // Full: start again rather than keep the first rankings asked for forever.
            current.compareAndSet(generation, new Generation(generation.version()));
            return;
        }
        generation.rankings().putIfAbsent(key, ranking);
    }
}
