package io.mubiao.progress.intake.kafka;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import io.mubiao.messaging.Retry;
import io.mubiao.messaging.deadletter.DeadLetter;
import io.mubiao.messaging.deadletter.JsonValue;
import io.mubiao.problem.Failures;
import io.mubiao.problem.Problem.FieldError;
import io.mubiao.progress.intake.ImportSummary;
import io.mubiao.progress.intake.ReportReader;
import io.mubiao.progress.intake.ReportReader.Parsed;

/**
 * What becomes of one batch of {@code progress.reported}: each record is read as one report with the rules of
 * the REST intake; the valid ones are stored together, and every record that is malformed or invalid becomes a
 * {@link DeadLetter} saying why. A duplicate (the same eventId with the same content, as after a rebalance)
 * changes nothing and is no dead letter.
 * <p>
 * Nothing is lost and nothing blocks a partition: a failure that passes by itself (database or broker away) is
 * retried until it works, and dead-letters nothing; a batch that fails for any other reason is stored record by
 * record, and only the records that still fail are dead-lettered, with the error as reason. The method returns
 * once the stored reports are committed and the broker has acknowledged every dead letter: only then may the
 * batch's offsets be committed.
 */
final class ReportedBatch {

    /** Stores reports in one transaction ({@code IntakeService}); says which failures pass by themselves. */
    interface Store {
        ImportSummary store(List<Parsed> items);

        boolean isTransient(Exception failure);
    }

    /** Sends dead letters and returns once the broker acknowledged them all. */
    @FunctionalInterface
    interface Publisher {
        void publish(List<DeadLetter> letters) throws Exception;
    }

    /** What became of a batch. */
    record Outcome(int received, int stored, int duplicates, List<DeadLetter> deadLetters) {
    }

    private static final Logger LOG = Logger.getLogger(ReportedBatch.class);

    private final ObjectReader json;
    private final Store store;
    private final Publisher publisher;
    private final Retry retry;

    /**
     * @param json reads a record's value ({@link JsonValue#strict}); numbers must come out as BigDecimal, as in
     *            the REST intake
     */
    ReportedBatch(ObjectReader json, Store store, Publisher publisher, Retry retry) {
        this.json = json;
        this.store = store;
        this.publisher = publisher;
        this.retry = retry;
    }

    Outcome process(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, String> reasons = new LinkedHashMap<>();
        List<Parsed> parsed = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            String malformed = read(index, records.get(index).value(), parsed);
            if (malformed != null) {
                reasons.put(index, malformed);
            }
        }
        Tally tally = new Tally();
        if (!parsed.isEmpty()) {
            try {
                tally.add(storeUntilDone(parsed, parsed.size() + " report(s)"), reasons);
            } catch (Retry.Abandoned e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warnf("storing a batch of %d reports failed, storing them one by one: %s", parsed.size(),
                        Failures.describe(e));
                storeOneByOne(records, parsed, tally, reasons);
            }
        }
        List<DeadLetter> deadLetters = reasons.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new DeadLetter(records.get(entry.getKey()), entry.getValue()))
                .toList();
        retry.untilDone("sending " + deadLetters.size() + " dead letter(s)", () -> {
            publisher.publish(deadLetters);
            return null;
        }, failure -> true);
        return new Outcome(records.size(), tally.stored, tally.duplicates, deadLetters);
    }

    /**
     * Adds the record's report to {@code parsed}, or answers why the record is not even a report: no value,
     * or not JSON. A JSON value that is not an object, or has fields of the wrong type, is left to the
     * store's validation, which gives every fault.
     */
    private String read(int index, byte[] value, List<Parsed> parsed) {
        if (value == null || value.length == 0) {
            return "the record has no value: expected one report as a JSON object";
        }
        try {
            JsonNode node = json.readTree(value);
            if (node == null || node.isMissingNode()) {
                return "the record's value is blank: expected one report as a JSON object";
            }
            parsed.add(ReportReader.read(index, node));
            return null;
        } catch (JsonProcessingException e) {
            return JsonValue.describe(e);
        } catch (IOException e) {
            // bytes that are no text in any encoding JSON allows
            return "malformed JSON: " + e.getMessage();
        } catch (NumberFormatException e) {
            // a number Jackson cannot hold as a BigDecimal at all, such as 1e9999999999
            return "malformed JSON: " + e.getMessage();
        }
    }

    /**
     * After a failure that validation did not foresee: each report in a transaction of its own, so that only
     * the one that fails is dead-lettered and the others of its partition are stored.
     */
    private void storeOneByOne(List<ConsumerRecord<byte[], byte[]>> records, List<Parsed> parsed, Tally tally,
            Map<Integer, String> reasons) {
        for (Parsed item : parsed) {
            ConsumerRecord<byte[], byte[]> record = records.get(item.index());
            String which = record.topic() + " partition " + record.partition() + " offset " + record.offset();
            try {
                tally.add(storeUntilDone(List.of(item), which), reasons);
            } catch (Retry.Abandoned e) {
                throw e;
            } catch (RuntimeException e) {
                String reason = "could not be stored: " + Failures.describe(e);
                LOG.warnf(e, "%s %s; dead-lettered", which, reason);
                reasons.put(item.index(), reason);
            }
        }
    }

    private ImportSummary storeUntilDone(List<Parsed> items, String what) {
        Predicate<Exception> isTransient = store::isTransient;
        return retry.untilDone("storing " + what, () -> store.store(items), isTransient);
    }

    /** Counts of stored and duplicate reports. */
    private static final class Tally {

        int stored;
        int duplicates;

        /** Counts what was stored, and adds the reason of each rejected report to {@code reasons}. */
        void add(ImportSummary summary, Map<Integer, String> reasons) {
            stored += summary.accepted();
            duplicates += summary.duplicates();
            summary.errors().stream()
                    .collect(Collectors.groupingBy(FieldError::index, LinkedHashMap::new, Collectors.toList()))
                    .forEach((index, errors) -> reasons.put(index,
                            errors.stream().map(ReportedBatch::describe).collect(Collectors.joining("; "))));
        }
    }

    private static String describe(FieldError error) {
        return error.field() == null ? error.message() : error.field() + ": " + error.message();
    }
}
