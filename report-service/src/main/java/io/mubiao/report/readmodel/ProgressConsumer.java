package io.mubiao.report.readmodel;

import static io.mubiao.messaging.deadletter.RecordReader.absent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.ProgressRecorded;
import io.mubiao.messaging.deadletter.BatchApplier;
import io.mubiao.messaging.deadletter.BatchApplier.Item;
import io.mubiao.messaging.deadletter.RecordReader;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the highest revision of every report from {@code progress.recorded}. Delivery is at least once and
 * the topic carries every revision, so the store only ever moves a report forward. A record that cannot be read
 * or stored goes to {@code progress.recorded.dlq} with the reason ({@link BatchApplier}).
 */
@ApplicationScoped
public class ProgressConsumer {

    private record ReportKey(String orgUnit, String indicator, LocalDate date) {
    }

    @Inject
    ReadModelStore store;

    @Inject
    ObjectMapper json;

    @Inject
    BatchApplier applier;

    @Inject
    ReadModelVersions versions;

    private RecordReader<ProgressRecorded> reports;

    @PostConstruct
    void init() {
        reports = new RecordReader<>(json, ProgressRecorded.class, false, report -> absent(
                report.orgUnit() == null ? "orgUnit" : null, report.indicator() == null ? "indicator" : null,
                report.date() == null ? "date" : null,
                report.value() == null && (report.numerator() == null || report.denominator() == null)
                        ? "value (or numerator and denominator)" : null));
    }

    @Incoming("progress-recorded")
    @Blocking
    public void onProgressRecorded(ConsumerRecords<byte[], byte[]> batch) {
        applier.apply(batch, reports::read, items -> {
            // One row per report and batch: a single upsert statement may not touch the same row twice.
            Map<ReportKey, ProgressRecorded> highest = new LinkedHashMap<>();
            for (Item<ProgressRecorded> item : items) {
                ProgressRecorded report = item.value();
                highest.merge(new ReportKey(report.orgUnit(), report.indicator(), report.date()), report,
                        (kept, next) -> next.revision() > kept.revision() ? next : kept);
            }
            store.recordObservations(highest.values());
            if (!highest.isEmpty()) {
                // Last in the transaction (ReadModelVersions): rankings cached by any instance are now stale.
                versions.bump(false);
            }
        });
    }
}
