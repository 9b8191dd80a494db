package io.mubiao.targets.orgunit;

import java.util.List;

import io.mubiao.problem.Problem;

/**
 * The 422 answer of an import that stored nothing: an RFC 9457 problem document whose extension members
 * are the import summary, so a client reads the counts the same way whatever the status.
 */
public record OrgUnitImportRejected(String type, String title, int status, String detail, int received, int created,
        int updated, int unchanged, int rejected, List<Problem.FieldError> errors, boolean dryRun) {

    static OrgUnitImportRejected of(OrgUnitImportSummary summary) {
        String detail = "all " + summary.received() + " rows were rejected; nothing was stored"
                + (summary.dryRun() ? " (dry run)" : "");
        return new OrgUnitImportRejected("about:blank", "Unprocessable Content", 422, detail, summary.received(),
                summary.created(), summary.updated(), summary.unchanged(), summary.rejected(), summary.errors(), summary.dryRun());
    }
}
