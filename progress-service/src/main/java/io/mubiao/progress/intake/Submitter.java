package io.mubiao.progress.intake;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.mubiao.access.Caller;

/**
 * Who submits reports, as recorded on each stored revision ({@code reportedBy}), and the area they may
 * report for: the units whose path (codes from the root) the area accepts. A report for a unit outside it is
 * refused with {@code outsideMessage}.
 */
public record Submitter(String reportedBy, Predicate<List<String>> area, UnaryOperator<String> outsideMessage) {

    /** A REST caller: the token's subject, inside the token's subtree (everywhere for an admin). */
    public static Submitter of(Caller caller) {
        return new Submitter(caller.subject(), caller::covers, caller::outsideMessage);
    }

    /**
     * A Kafka topic's producer, trusted at the broker (its ACLs decide who may produce), so it may report for
     * every unit; its reports are recorded as {@code kafka:<topic>}.
     */
    public static Submitter kafka(String topic) {
        return new Submitter("kafka:" + topic, path -> true, unit -> unit + " is outside the area of kafka:" + topic);
    }

    public boolean covers(List<String> path) {
        return area.test(path);
    }
}
