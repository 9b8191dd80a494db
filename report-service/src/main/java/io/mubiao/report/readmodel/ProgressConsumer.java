package io.mubiao.report.readmodel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.mubiao.events.ProgressRecorded;
import io.mubiao.events.Topics;
import io.mubiao.messaging.ConsumerRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the highest revision of every report from {@code progress.recorded}. Delivery is at least once and
 * the topic carries every revision, so the store only ever moves a report forward. A batch is stored in one
 * transaction, and a database outage is waited out ({@link ConsumerRetry}) before the offsets are committed.
 */
@ApplicationScoped
public class ProgressConsumer {

    private record ReportKey(String orgUnit, String indicator, LocalDate date) {
    }

    @Inject
    ReadModelStore store;

    @Inject
    JsonRecords records;

    @Inject
    ReadModelVersions versions;

    @Inject
    ConsumerRetry retries;

    @Incoming("progress-recorded")
    @Blocking
    public void onProgressRecorded(ConsumerRecords<String, String> batch) {
        // One row per report and batch: a single upsert statement may not touch the same row twice.
        Map<ReportKey, ProgressRecorded> highest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            if (record.value() == null) {
                continue;
            }
            ProgressRecorded report = records.read(record, ProgressRecorded.class,
                    r -> r.orgUnit() != null && r.indicator() != null && r.date() != null
                            && (r.value() != null || (r.numerator() != null && r.denominator() != null)));
            if (report != null) {
                highest.merge(new ReportKey(report.orgUnit(), report.indicator(), report.date()), report,
                        (kept, next) -> next.revision() > kept.revision() ? next : kept);
            }
        }
        retries.inTransaction("storing " + highest.size() + " report(s) of " + Topics.PROGRESS_RECORDED, () -> {
            store.recordObservations(highest.values());
            if (!highest.isEmpty()) {
                // Last in the transaction (ReadModelVersions): rankings cached by any instance are now stale.
                versions.bump(false);
            }
        });
    }
}
