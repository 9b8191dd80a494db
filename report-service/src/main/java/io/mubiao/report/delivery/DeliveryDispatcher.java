package io.mubiao.report.delivery;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.mubiao.events.BriefingPublished;
import io.mubiao.events.Topics;
import io.mubiao.messaging.Outbox;
import io.mubiao.report.reminder.DueReminders;

/**
 * One pass of the delivery worker: writes the rows the schedule makes due ({@link DueDeliveries}) and the day's
 * reminders once past the cut-off ({@code DueReminders}), then claims
 * due rows a batch at a time and sends each. The order within one row is claim (committed), render, send,
 * mark; a worker that dies between claim and mark leaves the row to be claimed again when its lease ends, so
 * a crash before sending costs a delay, never a second copy, and a crash after sending but before marking sends
 * again (at least once; receivers drop repeats by {@code X-Mubiao-Delivery}). The kafka channel has no such
 * window: its record is an outbox row written in the transaction that marks the delivery SENT.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    @Inject
    DueDeliveries due;

    @Inject
    DueReminders reminders;

    @Inject
    DeliveryStore store;

    @Inject
    CircularContent content;

    @Inject
    WebhookChannel webhook;

    @Inject
    EmailChannel email;

    @Inject
    Event<DeliveryClaimed> claimed;

    /** Runs the schedule and sends every row due at {@code now}; the number of rows attempted. */
    public int runOnce(Instant now) {
        // Each on its own: reminders that cannot be worked out must not hold up the circulars, nor the sending.
        writeDue("circulars", () -> due.open(now));
        writeDue("reminders", () -> reminders.open(now));
        int attempted = 0;
        while (true) {
            UUID claim = UUID.randomUUID();
            List<UUID> ids = store.claim(claim, now);
            if (ids.isEmpty()) {
                return attempted;
            }
            for (UUID id : ids) {
                deliver(id, claim, now);
                attempted++;
            }
        }
    }

    private static void writeDue(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot write the %s due now; trying again at the next pass", what);
        }
    }

    private void deliver(UUID id, UUID claim, Instant now) {
        Parcel parcel = store.parcel(id);
        if (parcel.cancelled()) {
            store.cancel(id, now);
            return;
        }
        Rendered circular;
        try {
            circular = parcel.isReminder() ? parcel.reminder() : content.render(parcel);
        } catch (RuntimeException e) {
            failed(parcel, claim, e, now);
            return;
        }
        // Outside the try: an observer that throws stands for a crash, which marks nothing.
        claimed.fire(new DeliveryClaimed(id));
        try {
            switch (parcel.channel()) {
                case WEBHOOK -> webhook.send(parcel, circular);
                case EMAIL -> email.send(parcel, circular);
                case KAFKA -> {
                    if (!store.markSentWithRecord(id, claim, now, record(parcel, circular, now))) {
                        LOG.warnf("delivery %s was taken over by another worker before it was published", id);
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(parcel, claim, e, now);
            return;
        } catch (Exception e) {
            failed(parcel, claim, e, now);
            return;
        }
        if (!store.markSent(id, claim, now)) {
            LOG.warnf("delivery %s was sent after its claim ran out; another worker may send it again", id);
        }
    }

    private void failed(Parcel parcel, UUID claim, Exception e, Instant now) {
        String error = describe(e);
        DeliveryStatus status = store.markFailed(parcel.delivery(), claim, error, now);
        if (status == DeliveryStatus.FAILED) {
            LOG.errorf("delivery %s (%s of %s, %s to %s) FAILED after its last attempt: %s", parcel.delivery(),
                    parcel.isReminder() ? "reminder" : "subscription " + parcel.subscription(), parcel.scope(),
                    parcel.channel().word(), parcel.address(), error);
        } else {
            LOG.warnf("delivery %s (%s of %s) failed, to be retried: %s", parcel.delivery(),
                    parcel.isReminder() ? "reminder" : "subscription " + parcel.subscription(), parcel.scope(), error);
        }
    }

    private static Outbox.Message record(Parcel parcel, Rendered circular, Instant now) {
        return new Outbox.Message(Topics.BRIEFINGS_PUBLISHED, parcel.scope(), new BriefingPublished(
                parcel.delivery().toString(), parcel.subscription(), parcel.scope(), parcel.cadence().path(),
                parcel.period().from(), parcel.period().to(), parcel.lang(), parcel.format(), circular.contentType(),
                circular.body(), now));
    }

    /** The error as the log shows it: what failed and why, in one line, without a stack or repeated causes. */
    static String describe(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = e; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            parts.add(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        String text = String.join(" / caused by ", parts);
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
