package io.mubiao.progress.intake;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.mubiao.progress.config.ProgressConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes a body of reports: reads it ({@link ReportReader}), then has {@link ReportStore} validate and store
 * it in one transaction. A batch whose eventIds are already stored (a retried request), or two requests
 * racing for the same new eventId or the same revision of a day, fail on a unique key of {@code report};
 * the whole batch is then retried in a fresh transaction that looks the eventIds up first, sees the other
 * rows and answers duplicate, rejected or the next revision instead of failing. Retries run one at a time
 * ({@link ReportRepository#takeRetryTurn}), so a crowd of requests for one day all get through. A Kafka batch, read
 * record by record, comes in through {@link #submit(List, Submitter)} and is stored the same way.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);
    /**
     * Retries run one at a time (takeRetryTurn), so a retry can lose only to the first attempt of another
     * request for the same keys, which then retries after it: each lost attempt means another request got
     * through. 16 attempts let 16 requests for one unit, indicator and day arrive at the same moment (4 were too
     * few for IntakeResourceTest's 8 on a loaded host: one request lost 4 times and answered 500).
     */
    private static final int ATTEMPTS = 16;
    /** unique_violation, serialization_failure, deadlock_detected */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01");

    @Inject
    ReportStore store;

    @Inject
    ProgressConfig config;

    public ImportResult submit(JsonNode body, Submitter submitter, boolean dryRun) {
        List<JsonNode> items = ReportReader.items(body, config.maxReportsPerRequest());
        List<ReportReader.Parsed> parsed = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            parsed.add(ReportReader.read(index, items.get(index)));
        }
        return store(parsed, submitter, dryRun);
    }

    /**
     * Stores reports already read one by one ({@link ReportReader#read}), as a Kafka batch is: their indexes
     * are whatever the caller gave them, and each error of the result names the index of its report.
     */
    public ImportResult submit(List<ReportReader.Parsed> parsed, Submitter submitter) {
        return store(parsed, submitter, false);
    }

    private ImportResult store(List<ReportReader.Parsed> parsed, Submitter submitter, boolean dryRun) {
        boolean retrying = false;
        for (int attempt = 1;; attempt++) {
            try {
                return store.store(parsed, submitter, dryRun, retrying);
            } catch (RuntimeException e) {
                String state = sqlState(e);
                if (attempt >= ATTEMPTS || state == null || !RETRYABLE.contains(state)) {
                    throw e;
                }
                // The first attempt takes every eventId as new and reads the latest revisions without locking;
                // a stored eventId (a retried request) or a revision taken meanwhile fails it.
                retrying = true;
                LOG.debugf("storing %d reports collided with stored eventIds or another request (SQL state %s); "
                        + "retrying", parsed.size(), state);
            }
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // a failed JDBC batch carries the statement's own exception as the next one
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (each.getSQLState() != null) {
                        return each.getSQLState();
                    }
                }
            }
        }
        return null;
    }
}
