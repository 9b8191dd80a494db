package io.mubiao.target.orgunit;

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
        @Schema(description = "one entry per rejected row, by index in the array, ascending") List<Problem.FieldError> errors) {
}
