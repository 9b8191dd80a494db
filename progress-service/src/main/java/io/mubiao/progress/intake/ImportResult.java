package io.mubiao.progress.intake;

/**
 * What became of a request's reports ({@link ImportSummary}), and how many were refused only because their
 * unit lies outside the submitter's area: when that is every report, the request as a whole is forbidden.
 */
public record ImportResult(ImportSummary summary, int outside) {

    public boolean everyReportOutside() {
        return summary.received() > 0 && outside == summary.received();
    }
}
