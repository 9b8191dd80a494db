package io.mubiao.events;

import java.util.List;
import java.util.Map;

/** Kafka topic names and how each is created; every service creates the ones it touches at start. */
public final class Topics {

    /** Org units as full state, key = code; compacted. */
    public static final String ORG_UNITS = "reference.org-units";
    /** Indicators as full state, key = code; compacted. */
    public static final String INDICATORS = "reference.indicators";
    /** Targets as full state, key = indicator|orgUnit|year; compacted. */
    public static final String TARGETS = "reference.targets";
    /** Reports pushed by other systems, key = orgUnit. */
    public static final String PROGRESS_REPORTED = "progress.reported";
    /** Reports from {@link #PROGRESS_REPORTED} that could not be stored, with the reason in headers. */
    public static final String PROGRESS_REPORTED_DLQ = deadLetterTopicOf(PROGRESS_REPORTED);
    /** Every stored revision of a report, key = orgUnit. */
    public static final String PROGRESS_RECORDED = "progress.recorded";
    /**
     * The outbox relays' commit markers, key = transactional id, value = the outbox ids of its last
     * committed batch; compacted, so each relay's latest marker is kept. Not an event stream for consumers.
     */
    public static final String OUTBOX_COMMITS = "outbox.commits";
    /** Circulars delivered to subscribers of the kafka channel ({@link BriefingPublished}), key = scope. */
    public static final String BRIEFINGS_PUBLISHED = "briefings.published";

    /**
     * Records of the suite's own topics that a consumer could not apply (a foreign producer, a bug), as they came,
     * with the reason and the consuming service in headers: {@code <topic>.dlq}.
     */
    public static final String ORG_UNITS_DLQ = deadLetterTopicOf(ORG_UNITS);
    public static final String INDICATORS_DLQ = deadLetterTopicOf(INDICATORS);
    public static final String TARGETS_DLQ = deadLetterTopicOf(TARGETS);
    public static final String PROGRESS_RECORDED_DLQ = deadLetterTopicOf(PROGRESS_RECORDED);

    /**
     * Reference topics have one partition so that consumers see changes in the order they were made
     * (a parent before its children); progress topics are partitioned by org unit.
     */
    public static final List<TopicSpec> ALL = List.of(
            TopicSpec.compacted(ORG_UNITS, 1),
            TopicSpec.compacted(INDICATORS, 1),
            TopicSpec.compacted(TARGETS, 1),
            TopicSpec.stream(PROGRESS_REPORTED, 4),
            TopicSpec.deadLetters(PROGRESS_REPORTED_DLQ),
            TopicSpec.stream(PROGRESS_RECORDED, 4),
            TopicSpec.compacted(OUTBOX_COMMITS, 1),
            TopicSpec.stream(BRIEFINGS_PUBLISHED, 1),
            TopicSpec.deadLetters(ORG_UNITS_DLQ),
            TopicSpec.deadLetters(INDICATORS_DLQ),
            TopicSpec.deadLetters(TARGETS_DLQ),
            TopicSpec.deadLetters(PROGRESS_RECORDED_DLQ));

    /**
     * The largest record a dead-letter topic takes. A dead letter is its record plus headers saying why, so a
     * record as large as the broker takes (message.max.bytes, 1 MiB by default) would not fit a topic with the
     * broker's limit: the letter would be refused and its batch retried for ever, blocking its partition.
     */
    public static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

    /** Where the records of {@code topic} that its consumers cannot apply go. */
    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlq";
    }

    /** A topic and the configuration it is created with (topic-level configs, by their Kafka names). */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {

        static TopicSpec stream(String name, int partitions) {
            return new TopicSpec(name, partitions, Map.of());
        }

        static TopicSpec compacted(String name, int partitions) {
            return new TopicSpec(name, partitions, Map.of("cleanup.policy", "compact"));
        }

        static TopicSpec deadLetters(String name) {
            return new TopicSpec(name, 1, Map.of("max.message.bytes", Integer.toString(DEAD_LETTER_MAX_BYTES)));
        }
    }

    private Topics() {
    }
}
