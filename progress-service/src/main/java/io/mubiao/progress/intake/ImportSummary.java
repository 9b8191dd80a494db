package io.mubiao.progress.intake;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.problem.Problem;

/**
 * What became of the reports of one request. {@code accepted} were stored as new revisions,
 * {@code duplicates} changed nothing, {@code rejected} were refused: {@code errors} says why, one entry per
 * fault, each with the item's index and eventId.
 */
@Schema(name = "ImportSummary")
public record ImportSummary(int received, int accepted, int duplicates, int rejected, List<Problem.FieldError> errors) {
}
