package io.mubiao.report.ranking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mubiao.report.config.ReportConfig;
import io.mubiao.report.readmodel.Indicator;
import io.mubiao.report.readmodel.OrgUnit;
import io.mubiao.report.readmodel.ReadModelVersion;

/**
 * Indicators, units and the subtrees under parents, as of a version of the read model's reference data: they
 * change seldom, and a ranking would otherwise read all three each time. Everything kept belongs to one
 * version; a caller bringing another (read by {@code ReadModelVersions} before asking) starts the cache
 * afresh, so nothing is kept past a commit that changed a unit or an indicator. What is returned is shared:
 * callers only read it.
 */
@ApplicationScoped
public class ReferenceCache {

    /** What was loaded under one version; unknown codes are kept too, as empty. */
    private record Generation(Object version, Map<String, Optional<Indicator>> indicators,
            Map<String, Optional<OrgUnit>> units, Map<String, List<RankingCalculator.Unit>> subtrees,
            AtomicInteger subtreeUnits) {

        Generation(Object version) {
            this(version, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    new AtomicInteger());
        }
    }

    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(null));

    @Inject
    RankingRepository repository;

    @Inject
    ReportConfig config;

    /** The indicator, or null if the read model has none under {@code code}. */
    public Indicator indicator(ReadModelVersion version, String code) {
        return cached(generation(version).indicators(), code, c -> Optional.ofNullable(repository.loadIndicator(c)))
                .orElse(null);
    }

    /** The unit, or null if the read model has none under {@code code}. */
    public OrgUnit unit(ReadModelVersion version, String code) {
        return cached(generation(version).units(), code, c -> Optional.ofNullable(repository.loadUnit(c)))
                .orElse(null);
    }

    /** The parent's subtree, the parent included ({@link RankingRepository#loadUnits}). */
    public List<RankingCalculator.Unit> subtree(ReadModelVersion version, String parent) {
        Generation generation = generation(version);
        List<RankingCalculator.Unit> units = generation.subtrees().get(parent);
        if (units == null) {
            units = List.copyOf(repository.loadUnits(parent));
            // Kept only while the units of all subtrees fit: the root's is the whole tree.
            if (generation.subtreeUnits().addAndGet(units.size()) <= config.ranking().cachedUnits()) {
                generation.subtrees().putIfAbsent(parent, units);
            }
        }
        return units;
    }

    private static <T> T cached(Map<String, T> map, String code, Function<String, T> load) {
        T value = map.get(code);
        if (value == null) {
            // Loaded outside the map's lock: two requests may both load it, and either result is right.
            value = load.apply(code);
            map.putIfAbsent(code, value);
        }
        return value;
    }

    /**
     * The generation of {@code version}. Requests that read versions on either side of a commit may replace
     * each other's generation a few times; each still gets only what was loaded after its version was read.
     */
    private Generation generation(ReadModelVersion version) {
        Object key = version.referenceKey();
        Generation generation = current.get();
        if (key.equals(generation.version())) {
            return generation;
        }
        Generation fresh = new Generation(key);
        current.compareAndSet(generation, fresh);
        return fresh;
    }
}
