package io.mubiao.events;

import java.util.List;

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
    public static final String PROGRESS_REPORTED_DLQ = "progress.reported.dlq";
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
     * Reference topics have one partition so that consumers see changes in the order they were made
     * (a parent before its children); progress topics are partitioned by org unit.
     */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(ORG_UNITS, 1, true),
            new TopicSpec(INDICATORS, 1, true),
            new TopicSpec(TARGETS, 1, true),
            new TopicSpec(PROGRESS_REPORTED, 4, false),
            new TopicSpec(PROGRESS_REPORTED_DLQ, 1, false),
            new TopicSpec(PROGRESS_RECORDED, 4, false),
            new TopicSpec(OUTBOX_COMMITS, 1, true),
            new TopicSpec(BRIEFINGS_PUBLISHED, 1, false));

    public record TopicSpec(String name, int partitions, boolean compacted) {
    }

    private Topics() {
    }
}
