package io.mubiao.progress.intake.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.Topics;
import io.mubiao.messaging.ConsumerRetry;
import io.mubiao.messaging.Retry;
import io.mubiao.messaging.deadletter.DeadLetterPublisher;
import io.mubiao.messaging.deadletter.JsonValue;
import io.mubiao.progress.intake.ImportSummary;
import io.mubiao.progress.intake.IntakeService;
import io.mubiao.progress.intake.ReportReader.Parsed;
import io.mubiao.progress.intake.Submitter;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reports pushed by other systems on {@link Topics#PROGRESS_REPORTED}, one report per record as JSON, key =
 * orgUnit. Each batch is read, stored and dead-lettered by {@link ReportedBatch}; the method returns, and the
 * connector commits the batch's offsets, only once the stored reports are committed and the broker has
 * acknowledged the dead letters. Keys and values arrive as bytes, so that a dead letter carries them exactly
 * as they came. Reports are recorded as {@code kafka:progress.reported}, for every unit.
 */
@ApplicationScoped
public class ReportedConsumer {

    private static final Logger LOG = Logger.getLogger(ReportedConsumer.class);

    @Inject
    IntakeService intake;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    ObjectMapper json;

    /** Says which failures pass by themselves, as for the service's other consumers. */
    @Inject
    ConsumerRetry retries;

    private ReportedBatch batch;

    @PostConstruct
    void init() {
        Submitter submitter = Submitter.kafka(Topics.PROGRESS_REPORTED);
        ReportedBatch.Store store = new ReportedBatch.Store() {
            @Override
            public ImportSummary store(List<Parsed> items) {
                return intake.submit(items, submitter).summary();
            }

            @Override
            public boolean isTransient(Exception failure) {
                return retries.isTransient(failure);
            }
        };
        batch = new ReportedBatch(JsonValue.strict(json.reader()), store,
                deadLetters::publish, new Retry(TimeUnit.MILLISECONDS::sleep, retries::stopping));
    }

    @Incoming("reported")
    @Blocking
    public void reported(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        ReportedBatch.Outcome outcome = batch.process(list);
        int dead = outcome.deadLetters().size();
        LOG.debugf("%s %s: %d records, %d stored, %d duplicates, %d dead-lettered", Topics.PROGRESS_REPORTED,
                offsets(records), outcome.received(), outcome.stored(), outcome.duplicates(), dead);
        if (dead > 0) {
            LOG.infof("%d of %d records of %s sent to %s", dead, outcome.received(), Topics.PROGRESS_REPORTED,
                    Topics.PROGRESS_REPORTED_DLQ);
        }
    }

    /** The offsets of a batch per partition, as {@code partition:first-last}. */
    private static String offsets(ConsumerRecords<byte[], byte[]> records) {
        return records.partitions().stream()
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .map(partition -> {
                    List<ConsumerRecord<byte[], byte[]>> of = records.records(partition);
                    return partition.partition() + ":" + of.get(0).offset() + "-" + of.get(of.size() - 1).offset();
                })
                .collect(Collectors.joining(", ", "partitions [", "]"));
    }
}
