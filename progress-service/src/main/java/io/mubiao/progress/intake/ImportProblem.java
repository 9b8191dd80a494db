package io.mubiao.progress.intake;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.problem.Problem;

/**
 * The answer when every report of a request was rejected (422), or refused because its unit lies outside the
 * caller's area (403): an {@code application/problem+json} document (RFC 9457) that also carries the import
 * summary's fields, so a client reads the same fields whatever the status.
 */
@Schema(name = "ImportProblem")
public record ImportProblem(String type, String title, int status, String detail, int received, int accepted,
        int duplicates, int rejected, List<Problem.FieldError> errors) {

    /** How many units a 403's detail names; errors lists them all. */
    private static final int MAX_NAMED = 3;

    public static ImportProblem allRejected(ImportSummary summary) {
        String detail = summary.received() == 1
                ? "the report was rejected: " + String.join("; ", summary.errors().stream().map(Problem.FieldError::message).toList())
                : "all " + summary.received() + " reports were rejected";
        return new ImportProblem("about:blank", "Unprocessable Content", 422, detail, summary.received(),
                summary.accepted(), summary.duplicates(), summary.rejected(), summary.errors());
    }

    /** Every report was for a unit outside the caller's area; the detail names the units. */
    public static ImportProblem allOutside(ImportSummary summary) {
        List<String> reasons = summary.errors().stream().map(Problem.FieldError::message).distinct().toList();
        String named = String.join("; ", reasons.subList(0, Math.min(reasons.size(), MAX_NAMED)))
                + (reasons.size() > MAX_NAMED ? "; and " + (reasons.size() - MAX_NAMED) + " more" : "");
        String detail = summary.received() == 1 ? named
                : "all " + summary.received() + " reports were refused: " + named;
        return new ImportProblem("about:blank", "Forbidden", 403, detail, summary.received(), summary.accepted(),
                summary.duplicates(), summary.rejected(), summary.errors());
    }
}
