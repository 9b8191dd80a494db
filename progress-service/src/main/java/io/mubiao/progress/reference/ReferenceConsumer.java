package io.mubiao.progress.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.Topics;
import io.mubiao.messaging.ConsumerRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the local copy of the org units and indicators that target-service publishes as full current state
 * on compacted topics ({@link Topics#ORG_UNITS}, {@link Topics#INDICATORS}; key = code, tombstone = deleted).
 * A batch is stored in one transaction and its offsets are committed only afterwards, so a crash replays it;
 * replaying is harmless because every write is an upsert or a delete by code. A database outage is waited
 * out ({@link ConsumerRetry}): the channel pauses, and no change is skipped.
 * <p>
 * Values are read as strings and parsed here: a tombstone must reach us as a null, and one unreadable record
 * must be logged and passed over, not stop the channel.
 */
@ApplicationScoped
public class ReferenceConsumer {

    private static final Logger LOG = Logger.getLogger(ReferenceConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ReferenceRepository repository;

    @Inject
    ConsumerRetry retries;

    @Incoming("org-units")
    @Blocking
    public void orgUnits(ConsumerRecords<String, String> records) {
        Changes<OrgUnitChanged> changes = parse(records, OrgUnitChanged.class, OrgUnitChanged::code,
                unit -> unit.code() != null);
        retries.inTransaction("storing " + records.count() + " record(s) of " + Topics.ORG_UNITS, () -> {
            repository.saveOrgUnits(changes.saved().values());
            repository.deleteOrgUnits(changes.deleted());
        });
    }

    @Incoming("indicators")
    @Blocking
    public void indicators(ConsumerRecords<String, String> records) {
        Changes<IndicatorChanged> changes = parse(records, IndicatorChanged.class, IndicatorChanged::code,
                indicator -> indicator.code() != null && indicator.measure() != null);
        retries.inTransaction("storing " + records.count() + " record(s) of " + Topics.INDICATORS, () -> {
            repository.saveIndicators(changes.saved().values());
            repository.deleteIndicators(changes.deleted());
        });
    }

    /** The last state per code in the batch, as compaction would leave it: saved, or deleted by a tombstone. */
    record Changes<T>(Map<String, T> saved, List<String> deleted) {
    }

    private <T> Changes<T> parse(ConsumerRecords<String, String> records, Class<T> type,
            Function<T, String> code, Predicate<T> usable) {
        Map<String, T> last = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                if (record.key() == null) {
                    LOG.warnf("%s offset %d: tombstone without key, ignored", record.topic(), record.offset());
                } else {
                    last.put(record.key(), null);
                }
                continue;
            }
            try {
                T value = json.readValue(record.value(), type);
                if (!usable.test(value)) {
                    LOG.warnf("%s offset %d: %s lacks required fields, ignored: %s", record.topic(), record.offset(),
                            type.getSimpleName(), record.value());
                    continue;
                }
                last.put(code.apply(value), value);
            } catch (JsonProcessingException e) {
                LOG.warnf("%s offset %d: not a readable %s, ignored: %s", record.topic(), record.offset(),
                        type.getSimpleName(), e.getOriginalMessage());
            }
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
