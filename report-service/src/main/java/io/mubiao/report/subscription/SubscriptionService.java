package io.mubiao.report.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.access.Caller;
import io.mubiao.problem.ProblemException;
import io.mubiao.report.config.ReportConfig;
import io.mubiao.report.delivery.Delivery;
import io.mubiao.report.delivery.DeliverySchedule;
import io.mubiao.report.delivery.DeliveryStore;
import io.mubiao.report.delivery.DeliveryView;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * Subscriptions and their runs. A subscription's scope must be a known unit (422, as an unknown code in a body)
 * inside the caller's area (403); afterwards it is read and deleted by whoever's area holds its scope.
 */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    @Inject
    Caller caller;

    @Inject
    ReportConfig config;

    @Inject
    DeliveryStore deliveries;

    @Inject
    Clock clock;

    public SubscriptionView create(SubscriptionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a subscription is required in the body");
        }
        SubscriptionRules.Outcome outcome = SubscriptionRules.check(request, config.delivery().defaultTime());
        if (!outcome.errors().isEmpty()) {
            throw ProblemException.invalid(outcome.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b).orElseThrow(),
                    outcome.errors());
        }
        SubscriptionRules.Checked checked = outcome.checked();
        OrgUnit scope = OrgUnit.findById(checked.scope());
        if (scope == null) {
            throw ProblemException.invalid("scope", "org unit " + checked.scope() + " is unknown");
        }
        caller.requireCovers(scope.code, Arrays.asList(scope.path));
        Subscription s = new Subscription();
        s.scope = scope.code;
        s.cadence = checked.cadence().path();
        s.lang = checked.lang();
        s.format = checked.format();
        s.channel = checked.channel().word();
        s.address = checked.address();
        s.secret = checked.channel() == Channel.WEBHOOK ? io.mubiao.report.delivery.Signature.newSecret() : null;
        s.sendTime = checked.time();
        s.createdBy = caller.subject();
        // Microseconds, as the database keeps it: the answer shows what a later GET shows.
        s.createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        s.persist();
        return SubscriptionView.of(s, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionView> list() {
        return Subscription.<Subscription>list("deletedAt is null order by id").stream()
                .filter(this::inArea)
                .map(s -> SubscriptionView.of(s, false))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionView get(String id) {
        return SubscriptionView.of(require(id), false);
    }

    /** Deleted: no longer scheduled or listed; rows still to be sent are CANCELLED; the log stays. */
    public void delete(String id) {
        Subscription s = require(id);
        Instant now = clock.instant();
        s.deletedAt = now;
        deliveries.cancelAll(s.id, now);
    }

    /**
     * The delivery the schedule would make on {@code date} (default today): the circular of the period that
     * ended before it. Once per period: a period already in the log is not written again; a FAILED one is
     * due again.
     */
    public DeliveryView run(String id, LocalDate date) {
        Subscription s = require(id);
        LocalDate day = date != null ? date : LocalDate.now(clock);
        Instant now = clock.instant();
        Delivery row = deliveries.open(s.id, DeliverySchedule.coveredBy(s.cadence(), day), s.channel, s.address, now);
        deliveries.rearmIfFailed(row.id, now);
        Delivery.getEntityManager().refresh(row);
        return DeliveryView.of(row);
    }

    /** A live subscription the caller may see: 404 when there is none, 403 when its scope is outside the area. */
    public Subscription require(String id) {
        return require(id, false);
    }

    /** As {@link #require(String)}, a deleted one included when {@code deletedToo} (its log stays readable). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription require(String id, boolean deletedToo) {
        Subscription s = parse(id) == null ? null : Subscription.findById(parse(id));
        if (s == null || (s.deletedAt != null && !deletedToo)) {
            throw ProblemException.notFound("subscription " + id + " is unknown");
        }
        if (!inArea(s)) {
            throw caller.forbidden(s.scope);
        }
        return s;
    }

    private boolean inArea(Subscription s) {
        OrgUnit unit = OrgUnit.findById(s.scope);
        return caller.covers(unit == null ? null : Arrays.asList(unit.path));
    }

    private static Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
