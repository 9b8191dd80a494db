package io.mubiao.progress.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.Topics;
import io.mubiao.messaging.deadletter.BatchApplier;
import io.mubiao.messaging.deadletter.BatchApplier.Item;
import io.mubiao.messaging.deadletter.JsonValue;
import io.mubiao.messaging.deadletter.Unreadable;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the local copy of the org units and indicators that target-service publishes as full current state
 * on compacted topics ({@link Topics#ORG_UNITS}, {@link Topics#INDICATORS}; key = code, tombstone = deleted).
 * A batch is stored in one transaction and its offsets are committed only afterwards, so a crash replays it;
 * replaying is harmless because every write is an upsert or a delete by code.
 * <p>
 * Values arrive as bytes and are parsed here: a tombstone must reach us as a null, and a record that cannot be
 * read or stored goes to the topic's dead-letter topic with the reason ({@link BatchApplier}) instead of
 * stopping the channel.
 */
@ApplicationScoped
public class ReferenceConsumer {

    @Inject
    ObjectMapper json;

    @Inject
    ReferenceRepository repository;

    @Inject
    BatchApplier applier;

    private JsonValue<OrgUnitChanged> orgUnit;
    private JsonValue<IndicatorChanged> indicator;

    @PostConstruct
    void init() {
        orgUnit = new JsonValue<>(json, OrgUnitChanged.class);
        indicator = new JsonValue<>(json, IndicatorChanged.class);
    }

    @Incoming("org-units")
    @Blocking
    public void orgUnits(ConsumerRecords<byte[], byte[]> records) {
        applier.apply(records, record -> read(record, orgUnit, unit -> unit.code() == null ? "code is required" : null),
                items -> {
                    Changes<OrgUnitChanged> changes = Changes.of(items, OrgUnitChanged::code);
                    repository.saveOrgUnits(changes.saved().values());
                    repository.deleteOrgUnits(changes.deleted());
                });
    }

    @Incoming("indicators")
    @Blocking
    public void indicators(ConsumerRecords<byte[], byte[]> records) {
        applier.apply(records, record -> read(record, indicator, it -> it.code() == null ? "code is required"
                : it.measure() == null ? "measure is required" : null),
                items -> {
                    Changes<IndicatorChanged> changes = Changes.of(items, IndicatorChanged::code);
                    repository.saveIndicators(changes.saved().values());
                    repository.deleteIndicators(changes.deleted());
                });
    }

    /**
     * The record's state, or null for a tombstone (deleting its key).
     *
     * @param fault what makes a readable state unusable, null when nothing does
     */
    private static <T> T read(ConsumerRecord<byte[], byte[]> record, JsonValue<T> reader, Function<T, String> fault)
            throws Unreadable {
        if (record.value() == null) {
            if (record.key() == null) {
                throw new Unreadable("a tombstone without a key: nothing to delete");
            }
            return null;
        }
        T value = reader.read(record.value());
        String wrong = fault.apply(value);
        if (wrong != null) {
            throw new Unreadable(wrong);
        }
        return value;
    }

    /** The last state per code in the batch, as compaction would leave it: saved, or deleted by a tombstone. */
    record Changes<T>(Map<String, T> saved, List<String> deleted) {

        static <T> Changes<T> of(List<Item<T>> items, Function<T, String> code) {
            Map<String, T> last = new LinkedHashMap<>();
            for (Item<T> item : items) {
                last.put(item.value() == null ? item.key() : code.apply(item.value()), item.value());
            }
            Map<String, T> saved = new LinkedHashMap<>();
            List<String> deleted = new ArrayList<>();
            last.forEach((key, value) -> {
                if (value == null) {
                    deleted.add(key);
                } else {
                    saved.put(key, value);
                }
            });
            return new Changes<>(saved, deleted);
        }
    }
}
