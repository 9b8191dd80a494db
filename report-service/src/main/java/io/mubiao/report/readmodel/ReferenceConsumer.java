package io.mubiao.report.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.TargetChanged;
import io.mubiao.events.Topics;
import io.mubiao.messaging.ConsumerRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Mirrors the compacted reference topics into the read model. Each record is the full current state under
 * its key and a null value deletes the key, so within a batch only the last record of a key matters.
 * Offsets are committed after the transaction, so a crash replays the batch, which is harmless; a database
 * outage is waited out ({@link ConsumerRetry}), so no change is skipped.
 */
@ApplicationScoped
public class ReferenceConsumer {

    @Inject
    ReadModelStore store;

    @Inject
    JsonRecords records;

    @Inject
    ReadModelVersions versions;

    @Inject
    ConsumerRetry retries;

    @Incoming("org-units")
    @Blocking
    public void onOrgUnits(ConsumerRecords<String, String> batch) {
        Map<String, OrgUnitChanged> latest = latestByKey(batch, OrgUnitChanged.class,
                unit -> unit.code() != null && unit.name() != null && unit.path() != null && !unit.path().isEmpty());
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
        retries.inTransaction("storing " + batch.count() + " record(s) of " + Topics.ORG_UNITS, () -> {
            store.upsertOrgUnits(upserts);
            store.deleteOrgUnits(deletes);
            bumpIfWritten(upserts.size() + deletes.size(), true);
        });
    }

    @Incoming("indicators")
    @Blocking
    public void onIndicators(ConsumerRecords<String, String> batch) {
        Map<String, IndicatorChanged> latest = latestByKey(batch, IndicatorChanged.class,
                indicator -> indicator.code() != null && indicator.name() != null && indicator.measure() != null
                        && indicator.direction() != null);
        retries.inTransaction("storing " + batch.count() + " record(s) of " + Topics.INDICATORS, () -> {
            store.upsertIndicators(latest.values().stream().filter(Objects::nonNull).toList());
            store.deleteIndicators(latest.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList());
            bumpIfWritten(latest.size(), true);
        });
    }

    @Incoming("targets")
    @Blocking
    public void onTargets(ConsumerRecords<String, String> batch) {
        Map<String, TargetChanged> latest = latestByKey(batch, TargetChanged.class,
                target -> target.indicator() != null && target.orgUnit() != null && target.year() > 0
                        && target.value() != null);
        List<TargetChanged> upserts = new ArrayList<>();
        List<ReadModelStore.TargetKey> deletes = new ArrayList<>();
        latest.forEach((key, target) -> {
            if (target != null) {
                upserts.add(target);
                return;
            }
            String[] parts = key.split("\\|");
            try {
                deletes.add(new ReadModelStore.TargetKey(parts[0], parts[1], Integer.parseInt(parts[2])));
            } catch (RuntimeException e) {
                // Not a key this suite writes; nothing stored under it.
            }
        });
        retries.inTransaction("storing " + batch.count() + " record(s) of " + Topics.TARGETS, () -> {
            store.upsertTargets(upserts);
            store.deleteTargets(deletes);
            bumpIfWritten(upserts.size() + deletes.size(), false);
        });
    }

    /** Last in the transaction (ReadModelVersions): what instances cached from the read model is now stale. */
    private void bumpIfWritten(int written, boolean reference) {
        if (written > 0) {
            versions.bump(reference);
        }
    }

    /** The last state of each key in the batch; a null value is a delete. Unreadable records are skipped. */
    private <T> Map<String, T> latestByKey(ConsumerRecords<String, String> batch, Class<T> type,
            Predicate<T> complete) {
        Map<String, T> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            if (record.key() == null) {
                JsonRecords.skip(record, "no key");
                continue;
            }
            if (record.value() == null) {
                latest.put(record.key(), null);
                continue;
            }
            T value = records.read(record, type, complete);
            if (value != null) {
                latest.put(record.key(), value);
            }
        }
        return latest;
    }
}
