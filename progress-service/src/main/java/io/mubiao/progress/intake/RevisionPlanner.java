package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mubiao.problem.Problem.FieldError;

/**
 * Decides, in request order, what becomes of each valid report given what is stored: a new revision, a
 * duplicate that changes nothing, or a rejection. Pure; {@link ReportStore} supplies the stored state and
 * writes the result, which the unique keys of {@code report} refuse if another writer got there first.
 * <p>
 * The rules:
 * <ul>
 * <li>A known {@code eventId} with the same content is a duplicate; with other content it is rejected.</li>
 * <li>A new {@code eventId} is always stored, as revision n + 1 of its unit, indicator and date, even when
 * it repeats the latest figure: the client's key must be remembered so that a late retry of it is
 * recognised instead of overwriting a newer correction.</li>
 * <li>A report without {@code eventId} has only its content as identity: the same content as the latest
 * revision is a duplicate; anything else is stored as revision n + 1 with an eventId derived from the
 * content and that revision number (so the same report sent twice gets the same id, and going back to an
 * earlier figure is still a correction).</li>
 * </ul>
 */
public final class RevisionPlanner {

    /** A stored revision as far as planning needs it. */
    public record Stored(String eventId, int revision, Content content) {
    }

    /** What becomes of one report. */
    public sealed interface Outcome permits Accepted, Duplicate, Rejected {
        ValidReport report();
    }

    /** Stored as {@code revision} under {@code eventId} (the client's or a derived one). */
    public record Accepted(ValidReport report, String eventId, int revision) implements Outcome {
    }

    public record Duplicate(ValidReport report) implements Outcome {
    }

    public record Rejected(ValidReport report, FieldError error) implements Outcome {
    }

    private RevisionPlanner() {
    }

    /**
     * @param latest the latest stored revision of each key of the reports, if any
     * @param known the content stored under each eventId the reports use or would derive, if any
     */
    public static List<Outcome> plan(List<ValidReport> reports, Map<Content.Key, Stored> latest,
            Map<String, Content> known) {
        Map<Content.Key, Stored> current = new HashMap<>(latest);
        Map<String, Content> used = new HashMap<>(known);
        List<Outcome> outcomes = new ArrayList<>(reports.size());
        for (ValidReport report : reports) {
            Content content = report.content();
            Stored last = current.get(content.key());
            int next = last == null ? 1 : last.revision() + 1;
            String eventId = report.eventId();
            if (eventId == null) {
                if (last != null && last.content().equals(content)) {
                    outcomes.add(new Duplicate(report));
                    continue;
                }
                eventId = derivedEventId(content, next);
            }
            Content earlier = used.get(eventId);
            if (earlier != null) {
                outcomes.add(earlier.equals(content) ? new Duplicate(report) : new Rejected(report,
                        new FieldError(report.index(), eventId, "eventId", "eventId " + eventId
                                + " was already used for a different report (" + describe(earlier) + ")")));
                continue;
            }
            outcomes.add(new Accepted(report, eventId, next));
            current.put(content.key(), new Stored(eventId, next, content));
            used.put(eventId, content);
        }
        return outcomes;
    }

    /** A name-based UUID of what the report says and the revision it becomes. */
    public static String derivedEventId(Content content, int revision) {
        String name = String.join("|", "progress", content.orgUnit(), content.indicator(), content.date().toString(),
                plain(content.value()), plain(content.numerator()), plain(content.denominator()),
                content.note() == null ? "" : content.note(), Integer.toString(revision));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    private static String describe(Content content) {
        String figure = content.numerator() != null
                ? "numerator " + plain(content.numerator()) + ", denominator " + plain(content.denominator())
                : "value " + plain(content.value());
        return content.orgUnit() + ", " + content.indicator() + ", " + content.date() + ", " + figure;
    }
}
