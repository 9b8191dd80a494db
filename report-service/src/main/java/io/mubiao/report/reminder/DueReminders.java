package io.mubiao.report.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.mubiao.report.config.ReportConfig;
import io.mubiao.report.delivery.DeliveryStore;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * After the day's cut-off (in the configured zone), looks once at each unit that has contacts and writes a
 * reminder per contact when {@link ReminderSelection} finds something to say. "Once" is a row of
 * {@code reminder_check} inserted in the same transaction: a second tick or instance finds it and skips the
 * unit; the reminders then travel the delivery log like circulars (claims, retries, FAILED).
 */
@ApplicationScoped
public class DueReminders {

    @Inject
    EntityManager em;

    @Inject
    ReminderFacts facts;

    @Inject
    DeliveryStore store;

    @Inject
    ReportConfig config;

    @Transactional
    @SuppressWarnings("unchecked")
    public void open(Instant now) {
        ZonedDateTime local = now.atZone(config.timeZone());
        ReportConfig.Reminder settings = config.reminder();
        if (local.toLocalTime().isBefore(settings.cutOff())) {
            return;
        }
        LocalDate day = local.toLocalDate();
        List<String> units = em.createNativeQuery(
                "select distinct org_unit from unit_contact where deleted_at is null order by org_unit")
                .getResultList();
        for (String code : units) {
            int first = em.createNativeQuery("""
                    insert into reminder_check (org_unit, day, checked_at) values (:unit, :day, :now)
                    on conflict do nothing""")
                    .setParameter("unit", code).setParameter("day", day).setParameter("now", now).executeUpdate();
            OrgUnit unit = first == 0 ? null : OrgUnit.findById(code);
            if (unit == null) {
                continue;
            }
            List<ReminderSelection.Item> items = ReminderSelection.select(facts.of(unit, day), day,
                    settings.windowDays());
            if (items.isEmpty()) {
                continue;
            }
            for (UnitContact contact : UnitContact.<UnitContact>list("orgUnit = ?1 and deletedAt is null", code)) {
                store.openReminder(contact, day, ReminderText.of(unit.name, day, settings.cutOff(), items,
                        contact.lang), now);
            }
        }
    }
}
