package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jboss.logging.Logger;

import io.mubiao.events.ProgressRecorded;
import io.mubiao.events.Topics;
import io.mubiao.messaging.Outbox;
import io.mubiao.problem.Problem.FieldError;
import io.mubiao.progress.config.ProgressConfig;
import io.mubiao.progress.intake.ReportReader.Parsed;
import io.mubiao.progress.intake.RevisionPlanner.Accepted;
import io.mubiao.progress.intake.RevisionPlanner.Outcome;
import io.mubiao.progress.intake.RevisionPlanner.Rejected;
import io.mubiao.progress.reference.ReferenceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Validates a batch of reports and stores the valid ones in one transaction: reads the latest revision of
 * each key it touches, numbers the new revisions ({@link RevisionPlanner}), inserts them and appends one
 * {@link ProgressRecorded} per stored revision to the outbox, so what is stored and what is published commit
 * together. Nothing is locked up front: the unique keys of {@code report} settle races (see
 * {@link IntakeService}). Both writes are COPYs: a batch of 10,000 reports is a handful of statements.
 */
@ApplicationScoped
@Transactional
public class ReportStore {

    private static final Logger LOG = Logger.getLogger(ReportStore.class);

    @Inject
    ReferenceRepository reference;

    @Inject
    ReportRepository reports;

    @Inject
    Outbox outbox;

    @Inject
    ProgressConfig config;

    /**
     * @param submitter recorded as {@code reportedBy} on each stored revision; reports for units outside its
     *            area are refused
     * @param dryRun validate and plan only: the transaction is rolled back, nothing is stored or published
     * @param retrying an earlier attempt collided (a unique violation): plan with the stored content of the
     *            reports' eventIds read first, and after any other retrying transaction. A first attempt takes
     *            every eventId as new, so that a batch of new reports, nearly every batch, skips looking up
     *            thousands of ids that are not there; a stored one, or a revision number another writer took
     *            first, makes the insert fail and {@link IntakeService} calls again. A dry run always looks them up.
     */
    public ImportResult store(List<Parsed> items, Submitter submitter, boolean dryRun, boolean retrying) {
        String reportedBy = submitter.reportedBy();
        List<FieldError> errors = new ArrayList<>();
        List<ValidReport> valid = new ArrayList<>(items.size());
        long started = System.nanoTime();
        int outside = validate(items, submitter, valid, errors);
        long validated = System.nanoTime();

        if (retrying && !dryRun) {
            reports.takeRetryTurn();
        }
        Map<Content.Key, RevisionPlanner.Stored> latest = reports.latest(
                new HashSet<>(valid.stream().map(report -> report.content().key()).toList()));
        long read = System.nanoTime();
        List<Outcome> outcomes = plan(valid, latest, dryRun || retrying);
        long planned = System.nanoTime();
        List<Accepted> accepted = new ArrayList<>();
        int duplicates = 0;
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Accepted stored) {
                accepted.add(stored);
            } else if (outcome instanceof Rejected rejected) {
                errors.add(rejected.error());
            } else {
                duplicates++;
            }
        }
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        } else {
            Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as precise as timestamptz
            reports.insert(accepted, reportedBy, recordedAt);
            long inserted = System.nanoTime();
            outbox.appendAll(accepted.stream().map(report -> new Outbox.Message(Topics.PROGRESS_RECORDED,
                    report.report().content().orgUnit(), recorded(report, reportedBy, recordedAt))).toList());
            // where a batch's time goes, for profiling intake (docs/BENCHMARKS.md)
            LOG.debugf("stored %d of %d reports: validate %d ms, read %d ms, plan %d ms, insert %d ms, outbox %d ms",
                    accepted.size(), items.size(), millis(started, validated), millis(validated, read),
                    millis(read, planned), millis(planned, inserted), millis(inserted, System.nanoTime()));
        }
        errors.sort(Comparator.comparing(FieldError::index));
        int rejected = (int) errors.stream().map(FieldError::index).distinct().count();
        return new ImportResult(new ImportSummary(items.size(), accepted.size(), duplicates, rejected, errors), outside);
    }

    /**
     * Adds the valid reports to {@code valid} and the faults of the others to {@code errors}; answers how many
     * were refused only because their unit lies outside the submitter's area.
     */
    private int validate(List<Parsed> items, Submitter submitter, List<ValidReport> valid, List<FieldError> errors) {
        Set<String> orgUnits = new HashSet<>();
        Set<String> indicators = new HashSet<>();
        for (Parsed item : items) {
            if (item.request() != null) {
                addIfPresent(orgUnits, item.request().orgUnit());
                addIfPresent(indicators, item.request().indicator());
            }
        }
        Map<String, List<String>> paths = reference.orgUnitPaths(orgUnits);
        Map<String, String> outsideArea = new HashMap<>();
        paths.forEach((code, path) -> {
            if (!submitter.covers(path)) {
                outsideArea.put(code, submitter.outsideMessage().apply(code));
            }
        });
        ReportValidator.Known known = new ReportValidator.Known(paths.keySet(), reference.measures(indicators),
                outsideArea);
        LocalDate today = LocalDate.now(config.timeZone());
        ReportValidator validator = new ReportValidator(known, today, config.timeZone());
        int outside = 0;
        for (Parsed item : items) {
            ReportValidator.Result result = validator.validate(item);
            if (result.valid()) {
                valid.add(result.report());
            } else {
                errors.addAll(result.errors());
                if (result.outside()) {
                    outside++;
                }
            }
        }
        return outside;
    }

    /**
     * Plans against the stored state. Derived eventIds are known only once planned,
     * so when eventIds are looked up their use is checked afterwards and the plan redone if one is taken (in
     * practice never).
     */
    private List<Outcome> plan(List<ValidReport> valid, Map<Content.Key, RevisionPlanner.Stored> latest,
            boolean lookUpEventIds) {
        if (valid.isEmpty()) {
            return List.of();
        }
        if (!lookUpEventIds) {
            return RevisionPlanner.plan(valid, latest, Map.of());
        }
        Set<String> looked = new HashSet<>(valid.stream().map(ValidReport::eventId).filter(Objects::nonNull).toList());
        Map<String, Content> known = new HashMap<>(reports.contentByEventId(looked));
        while (true) {
            List<Outcome> outcomes = RevisionPlanner.plan(valid, latest, known);
            List<String> unchecked = outcomes.stream()
                    .filter(Accepted.class::isInstance).map(outcome -> ((Accepted) outcome).eventId())
                    .filter(eventId -> !looked.contains(eventId)).toList();
            if (unchecked.isEmpty()) {
                return outcomes;
            }
            looked.addAll(unchecked);
            Map<String, Content> taken = reports.contentByEventId(unchecked);
            if (taken.isEmpty()) {
                return outcomes;
            }
            known.putAll(taken);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static ProgressRecorded recorded(Accepted accepted, String reportedBy, Instant recordedAt) {
        Content content = accepted.report().content();
        return new ProgressRecorded(accepted.eventId(), content.orgUnit(), content.indicator(), content.date(),
                strip(content.value()), strip(content.numerator()), strip(content.denominator()), accepted.revision(),
                reportedBy, recordedAt);
    }

    private static BigDecimal strip(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros();
    }

    private static void addIfPresent(Set<String> codes, String code) {
        if (code != null) {
            codes.add(code);
        }
    }
}
