package io.mubiao.progress.intake.kafka;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.mubiao.events.Topics;
import io.mubiao.progress.intake.ImportSummary;
import io.mubiao.progress.intake.IntakeService;
import io.mubiao.progress.intake.ReportReader.Parsed;
import io.mubiao.progress.intake.Submitter;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
    /** How long a connection may take to prove the database answers. */
    private static final int VALID_TIMEOUT_SECONDS = 5;

    @Inject
    IntakeService intake;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    /** Smaller batches are stored in one transaction: splitting them gains less than a second commit costs. */
    private static final int SPLIT_FROM = 2_000;

    private final ExecutorService sidePart = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress-reported-side-part");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;
    private ReportedBatch batch;

    @PostConstruct
    void init() {
        Submitter submitter = Submitter.kafka(Topics.PROGRESS_REPORTED);
        ReportedBatch.Store store = new ReportedBatch.Store() {
            @Override
            public ImportSummary store(List<Parsed> items) {
                return intake.submit(items, submitter).summary();
            }

            /**
             * A failure the database did not explain as its own or the connection's counts as transient
             * all the same while the database does not answer: the record is not to blame.
             */
            @Override
            public boolean isTransient(Exception failure) {
                return Failures.isTransient(failure) || !databaseAnswers();
            }
        };
        batch = new ReportedBatch(json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS), store,
                deadLetters::publish, new Retry(TimeUnit.MILLISECONDS::sleep, () -> stopping));
    }

    /**
     * Stores a batch in up to two parts side by side, split by partition ({@link PartitionGroups}): one
     * transaction after the other leaves a core idle while each waits for PostgreSQL. The method returns,
     * and the batch's offsets are committed, only once every part is stored; a part that fails fails the
     * batch after the other part has ended, and the batch is read again (its stored reports are duplicates).
     */
    @Incoming("reported")
    @Blocking
    public void reported(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        List<List<ConsumerRecord<byte[], byte[]>>> parts = list.size() < SPLIT_FROM
                ? List.of(list) : PartitionGroups.split(list, 2);
        List<ReportedBatch.Outcome> outcomes = new ArrayList<>();
        if (parts.size() == 1) {
            outcomes.add(batch.process(list));
        } else {
            Future<ReportedBatch.Outcome> second = sidePart.submit(() -> batch.process(parts.get(1)));
            RuntimeException failure = null;
            try {
                outcomes.add(batch.process(parts.get(0)));
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                outcomes.add(second.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while the batch's other part was stored", e);
            } catch (ExecutionException e) {
                failure = failure != null ? failure
                        : e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
            if (failure != null) {
                throw failure;
            }
        }
        int received = 0;
        int stored = 0;
        int duplicates = 0;
        int dead = 0;
        for (ReportedBatch.Outcome outcome : outcomes) {
            received += outcome.received();
            stored += outcome.stored();
            duplicates += outcome.duplicates();
            dead += outcome.deadLetters().size();
        }
        LOG.debugf("%s %s: %d records in %d part(s), %d stored, %d duplicates, %d dead-lettered",
                Topics.PROGRESS_REPORTED, offsets(records), received, parts.size(), stored, duplicates, dead);
        if (dead > 0) {
            LOG.infof("%d of %d records of %s sent to %s", dead, received, Topics.PROGRESS_REPORTED,
                    Topics.PROGRESS_REPORTED_DLQ);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        sidePart.shutdown();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
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
