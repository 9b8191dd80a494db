package io.mubiao.progress.intake;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.problem.Problem;

/**
 * The 422 answer when every report of a request was rejected: an {@code application/problem+json} document
 * (RFC 9457) that also carries the import summary's fields, so a client reads the same fields whatever the
 * status.
 */
@Schema(name = "ImportProblem")
public record ImportProblem(String type, String title, int status, String detail, int received, int accepted,
        int duplicates, int rejected, List<Problem.FieldError> errors) {

    public static ImportProblem allRejected(ImportSummary summary) {
        String detail = summary.received() == 1
                ? "the report was rejected: " + String.join("; ", summary.errors().stream().map(Problem.FieldError::message).toList())
                : "all " + summary.received() + " reports were rejected";
        return new ImportProblem("about:blank", "Unprocessable Content", 422, detail, summary.received(),
                summary.accepted(), summary.duplicates(), summary.rejected(), summary.errors());
    }
}
