package io.mubiao.report.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.mubiao.messaging.Outbox;
import io.mubiao.report.calc.Cadence;
import io.mubiao.report.calc.Period;
import io.mubiao.report.config.ReportConfig;
import io.mubiao.report.subscription.Channel;
import io.mubiao.report.reminder.UnitContact;
import io.mubiao.report.subscription.Subscription;

/**
 * The delivery log's statements. A row is written once per subscription and period (the unique key
 * {@code delivery_once}) before anything is sent; workers claim due rows with {@code FOR UPDATE SKIP LOCKED}
 * and a lease, so that two instances never take the same row and a worker that dies leaves it to the next;
 * a worker marks only rows it still holds ({@code claimed_by}).
 */
@ApplicationScoped
public class DeliveryStore {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ReportConfig config;

    /** The media type of a reminder. */
    public static final String TEXT = "text/plain; charset=UTF-8";

    /** The row of the subscription's circular for {@code period}: written now, or the one already there. */
    @Transactional
    public Delivery open(long subscription, Period period, String channel, String address, Instant now) {
        em.createNativeQuery("""
                insert into delivery (id, subscription_id, period_from, period_to, channel, address, status, attempts,
                                      created_at, next_attempt_at, updated_at)
                values (:id, :subscription, :from, :to, :channel, :address, 'PENDING', 0, :now, :now, :now)
                on conflict on constraint delivery_once do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("subscription", subscription)
                .setParameter("from", period.from())
                .setParameter("to", period.to())
                .setParameter("channel", channel)
                .setParameter("address", address)
                .setParameter("now", now)
                .executeUpdate();
        return Delivery.<Delivery>find("subscriptionId = ?1 and periodFrom = ?2 and periodTo = ?3", (Long) subscription,
                period.from(), period.to()).singleResult();
    }

    /** A FAILED row due again now, its attempts counted afresh (a supervisor's run after the cause is fixed). */
    @Transactional
    public void rearmIfFailed(UUID id, Instant now) {
        em.createNativeQuery("""
                update delivery set status = 'RETRY', attempts = 0, next_attempt_at = :now, updated_at = :now
                where id = :id and status = 'FAILED'""")
                .setParameter("id", id).setParameter("now", now).executeUpdate();
    }

    /** Takes up to a batch of due rows for {@code claim} until {@code now} plus the lease. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> claim(UUID claim, Instant now) {
        List<UUID> ids = em.createNativeQuery("""
                select id from delivery
                where status in ('PENDING', 'RETRY') and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until <= :now)
                order by next_attempt_at, id
                limit :batch
                for update skip locked""", UUID.class)
                .setParameter("now", now)
                .setParameter("batch", config.delivery().batchSize())
                .getResultList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("""
                    update delivery set claimed_by = :claim, claimed_until = :until, updated_at = :now
                    where id in (:ids)""")
                    .setParameter("claim", claim)
                    .setParameter("until", now.plus(config.delivery().lease()))
                    .setParameter("now", now)
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        return ids;
    }

    /** The claimed row with what its subscription or contact says to send, read in one transaction. */
    @Transactional
    public Parcel parcel(UUID id) {
        Delivery d = Delivery.findById(id);
        Period period = new Period(d.periodFrom, d.periodTo);
        Channel channel = Channel.fromWord(d.channel).orElseThrow();
        if (d.contactId != null) {
            UnitContact c = UnitContact.findById(d.contactId);
            return new Parcel(d.id, null, d.orgUnit, null, period, c.lang, "text", channel, d.address, c.secret,
                    false, new Rendered(TEXT, d.body, d.subject));
        }
        Subscription s = Subscription.findById(d.subscriptionId);
        return new Parcel(d.id, s.id, s.scope, Cadence.parse(s.cadence), period, s.lang, s.format, channel,
                d.address, s.secret, s.deletedAt != null, null);
    }

    /**
     * A reminder to {@code contact} for {@code day}, unless the contact has one for that day already (in the
     * caller's transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openReminder(UnitContact contact, java.time.LocalDate day, Rendered reminder, Instant now) {
        em.createNativeQuery("""
                insert into delivery (id, kind, contact_id, org_unit, period_from, period_to, channel, address, status,
                                      attempts, subject, body, created_at, next_attempt_at, updated_at)
                values (:id, 'REMINDER', :contact, :unit, :day, :day, :channel, :address, 'PENDING', 0, :subject,
                        :body, :now, :now, :now)
                on conflict (contact_id, period_to) where kind = 'REMINDER' do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("contact", contact.id)
                .setParameter("unit", contact.orgUnit)
                .setParameter("day", day)
                .setParameter("channel", contact.channel)
                .setParameter("address", contact.address)
                .setParameter("subject", reminder.subject())
                .setParameter("body", reminder.body())
                .setParameter("now", now)
                .executeUpdate();
    }

    /** SENT, if {@code claim} still holds the row; false when another worker has taken it over. */
    @Transactional
    public boolean markSent(UUID id, UUID claim, Instant now) {
        return em.createNativeQuery("""
                update delivery set status = 'SENT', attempts = attempts + 1, sent_at = :now, updated_at = :now,
                                    claimed_by = null, claimed_until = null
                where id = :id and claimed_by = :claim""")
                .setParameter("id", id).setParameter("claim", claim).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * SENT together with the outbox record that carries the circular to Kafka, in one transaction: the record
     * is published once exactly when the row says SENT. Nothing is written when the claim was lost.
     */
    @Transactional
    public boolean markSentWithRecord(UUID id, UUID claim, Instant now, Outbox.Message record) {
        if (!markSent(id, claim, now)) {
            return false;
        }
        outbox.append(record.topic(), record.key(), record.payload());
        return true;
    }

    /** The failed attempt counted: RETRY after the backoff, or FAILED after the last one. */
    @Transactional
    public DeliveryStatus markFailed(UUID id, UUID claim, String error, Instant now) {
        List<?> held = em.createNativeQuery("select attempts from delivery where id = :id and claimed_by = :claim "
                + "for update").setParameter("id", id).setParameter("claim", claim).getResultList();
        if (held.isEmpty()) {
            return null;
        }
        int attempts = ((Number) held.get(0)).intValue() + 1;
        ReportConfig.Delivery settings = config.delivery();
        DeliveryStatus status = attempts >= settings.maxAttempts() ? DeliveryStatus.FAILED : DeliveryStatus.RETRY;
        Instant next = status == DeliveryStatus.RETRY
                ? now.plus(Backoff.after(attempts, settings.backoff(), settings.maxBackoff())) : now;
        em.createNativeQuery("""
                update delivery set status = :status, attempts = :attempts, last_error = :error,
                                    next_attempt_at = :next, updated_at = :now, claimed_by = null, claimed_until = null
                where id = :id""")
                .setParameter("status", status.name()).setParameter("attempts", attempts)
                .setParameter("error", error).setParameter("next", next).setParameter("now", now)
                .setParameter("id", id).executeUpdate();
        return status;
    }

    /** CANCELLED, for a row whose subscription was deleted before it went out. */
    @Transactional
    public void cancel(UUID id, Instant now) {
        em.createNativeQuery("""
                update delivery set status = 'CANCELLED', updated_at = :now, claimed_by = null, claimed_until = null
                where id = :id and status in ('PENDING', 'RETRY')""")
                .setParameter("id", id).setParameter("now", now).executeUpdate();
    }

    /** Every row of a subscription still to be sent, CANCELLED (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelAll(long subscription, Instant now) {
        em.createNativeQuery("""
                update delivery set status = 'CANCELLED', updated_at = :now
                where subscription_id = :subscription and status in ('PENDING', 'RETRY')""")
                .setParameter("subscription", subscription).setParameter("now", now).executeUpdate();
    }
}
