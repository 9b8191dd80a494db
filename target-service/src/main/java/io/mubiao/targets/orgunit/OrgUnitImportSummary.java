package io.mubiao.targets.orgunit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.problem.Problem;

/**
 * What an import did, row by row: every row counts exactly once, so
 * {@code received = created + updated + unchanged + rejected}.
 */
public record OrgUnitImportSummary(
        int received,
        int created,
        int updated,
        @Schema(description = "rows that matched the stored unit exactly") int unchanged,
        int rejected,
        @Schema(description = "one entry per rejected row, by index in the array, ascending; for CSV the index is "
                + "the 0-based data row (the header line is not counted)") List<Problem.FieldError> errors,
        @Schema(description = "true when the import only validated (?dryRun=true): nothing was stored or published, "
                + "the counts say what a real import would have done") boolean dryRun) {
}
