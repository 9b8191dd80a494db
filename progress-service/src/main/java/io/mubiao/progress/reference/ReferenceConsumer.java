package io.mubiao.progress.reference;

import static io.mubiao.messaging.deadletter.RecordReader.absent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.Topics;
import io.mubiao.messaging.deadletter.BatchApplier;
import io.mubiao.messaging.deadletter.BatchApplier.Item;
import io.mubiao.messaging.deadletter.RecordReader;
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

    private RecordReader<OrgUnitChanged> orgUnits;
    private RecordReader<IndicatorChanged> indicators;

    @PostConstruct
    void init() {
        orgUnits = new RecordReader<>(json, OrgUnitChanged.class, true, unit -> absent(
                unit.code() == null ? "code" : null));
        indicators = new RecordReader<>(json, IndicatorChanged.class, true, indicator -> absent(
                indicator.code() == null ? "code" : null, indicator.measure() == null ? "measure" : null));
    }

    @Incoming("org-units")
    @Blocking
    public void orgUnits(ConsumerRecords<byte[], byte[]> records) {
        applier.apply(records, orgUnits::read, items -> {
            Changes<OrgUnitChanged> changes = Changes.of(items, OrgUnitChanged::code);
            repository.saveOrgUnits(changes.saved().values());
            repository.deleteOrgUnits(changes.deleted());
        });
    }

    @Incoming("indicators")
    @Blocking
    public void indicators(ConsumerRecords<byte[], byte[]> records) {
        applier.apply(records, indicators::read, items -> {
            Changes<IndicatorChanged> changes = Changes.of(items, IndicatorChanged::code);
            repository.saveIndicators(changes.saved().values());
            repository.deleteIndicators(changes.deleted());
        });
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
