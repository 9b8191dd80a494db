package io.mubiao.report.readmodel;

import static io.mubiao.messaging.deadletter.RecordReader.absent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.TargetChanged;
import io.mubiao.messaging.deadletter.BatchApplier;
import io.mubiao.messaging.deadletter.BatchApplier.Item;
import io.mubiao.messaging.deadletter.RecordReader;
import io.mubiao.messaging.deadletter.Unreadable;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Mirrors the compacted reference topics into the read model. Each record is the full current state under
 * its key and a null value deletes the key, so within a batch only the last record of a key matters.
 * Offsets are committed after the transaction, so a crash replays the batch, which is harmless. A record that
 * cannot be read or stored goes to its topic's dead-letter topic with the reason ({@link BatchApplier}).
 */
@ApplicationScoped
public class ReferenceConsumer {

    @Inject
    ReadModelStore store;

    @Inject
    ObjectMapper json;

    @Inject
    BatchApplier applier;

    @Inject
    ReadModelVersions versions;

    private RecordReader<OrgUnitChanged> orgUnits;
    private RecordReader<IndicatorChanged> indicators;
    private RecordReader<TargetChanged> targets;

    @PostConstruct
    void init() {
        orgUnits = new RecordReader<>(json, OrgUnitChanged.class, true, unit -> absent(
                unit.code() == null ? "code" : null, unit.name() == null ? "name" : null,
                unit.path() == null || unit.path().isEmpty() ? "path" : null));
        indicators = new RecordReader<>(json, IndicatorChanged.class, true, indicator -> absent(
                indicator.code() == null ? "code" : null, indicator.name() == null ? "name" : null,
                indicator.measure() == null ? "measure" : null, indicator.direction() == null ? "direction" : null));
        targets = new RecordReader<>(json, TargetChanged.class, true, target -> absent(
                target.indicator() == null ? "indicator" : null, target.orgUnit() == null ? "orgUnit" : null,
                target.year() <= 0 ? "year" : null, target.value() == null ? "value" : null));
    }

    @Incoming("org-units")
    @Blocking
    public void onOrgUnits(ConsumerRecords<byte[], byte[]> batch) {
        applier.apply(batch, orgUnits::read, items -> {
            Map<String, OrgUnitChanged> latest = latestByKey(items);
            List<OrgUnitChanged> upserts = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            latest.forEach((code, unit) -> {
                if (unit == null) {
                    deletes.add(code);
                } else {
                    // The level follows from the path when a publisher leaves it out.
                    upserts.add(unit.level() > 0 ? unit
                            : new OrgUnitChanged(unit.eventId(), unit.version(), unit.code(), unit.name(),
                                    unit.parent(), unit.kind(), unit.path().size(), unit.path(), unit.changedAt()));
                }
            });
            store.upsertOrgUnits(upserts);
            store.deleteOrgUnits(deletes);
            bumpIfWritten(upserts.size() + deletes.size(), true);
        });
    }

    @Incoming("indicators")
    @Blocking
    public void onIndicators(ConsumerRecords<byte[], byte[]> batch) {
        applier.apply(batch, indicators::read, items -> {
            Map<String, IndicatorChanged> latest = latestByKey(items);
            store.upsertIndicators(latest.values().stream().filter(Objects::nonNull).toList());
            store.deleteIndicators(latest.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList());
            bumpIfWritten(latest.size(), true);
        });
    }

    @Incoming("targets")
    @Blocking
    public void onTargets(ConsumerRecords<byte[], byte[]> batch) {
        applier.apply(batch, record -> {
            TargetChanged target = targets.read(record);
            if (target == null && targetKey(new String(record.key(), StandardCharsets.UTF_8)) == null) {
                throw new Unreadable("a tombstone's key must be indicator|orgUnit|year");
            }
            return target;
        }, items -> {
            Map<String, TargetChanged> latest = latestByKey(items);
            List<TargetChanged> upserts = new ArrayList<>();
            List<ReadModelStore.TargetKey> deletes = new ArrayList<>();
            latest.forEach((key, target) -> {
                if (target == null) {
                    deletes.add(targetKey(key));
                } else {
                    upserts.add(target);
                }
            });
            store.upsertTargets(upserts);
            store.deleteTargets(deletes);
            bumpIfWritten(upserts.size() + deletes.size(), false);
        });
    }

    /** The target a key {@code indicator|orgUnit|year} names, null when it names none. */
    private static ReadModelStore.TargetKey targetKey(String key) {
        String[] parts = key.split("\\|");
        try {
            return parts.length == 3 ? new ReadModelStore.TargetKey(parts[0], parts[1], Integer.parseInt(parts[2])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Last in the transaction (ReadModelVersions): what instances cached from the read model is now stale. */
    private void bumpIfWritten(int written, boolean reference) {
        if (written > 0) {
            versions.bump(reference);
        }
    }

    /** The last state of each key in the batch; a null value is a delete. */
    private static <T> Map<String, T> latestByKey(List<Item<T>> items) {
        Map<String, T> latest = new LinkedHashMap<>();
        for (Item<T> item : items) {
            latest.put(item.key(), item.value());
        }
        return latest;
    }
}
