package io.mubiao.targets.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of {@code POST /api/org-units/import}. Not bean-validated: a bad row is reported in the import
 * summary with its index while the good rows are stored.
 */
public record OrgUnitImportRow(
        @Schema(required = true, examples = "FJ-FZ") String code,
        @Schema(required = true, examples = "福州市") String name,
        @Schema(description = "code of the parent, in the file (before or after this row) or already stored; "
                + "absent or empty for a root", examples = "FJ") String parent,
        @Schema(description = "default region", examples = "region") String kind) {
}
