package io.mubiao.report.briefing;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** When the units under a scope last reported an indicator: one grouped statement over {@code observation}. */
@ApplicationScoped
public class ReportActivity {

    /** A unit's own reports: its latest on or before the date, and whether one is dated within the period. */
    public record Own(LocalDate lastReportDate, boolean reportedInPeriod) {
    }

    @Inject
    EntityManager em;

    /** Per unit of the scope's subtree that reported {@code indicator} on or before {@code to}. */
    public Map<String, Own> own(String indicator, String scope, LocalDate from, LocalDate to) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select o.org_unit, max(o.date), bool_or(o.date >= ?)
                    from observation o join org_unit u on u.code = o.org_unit
                    where o.indicator = ? and o.date <= ? and u.path @> array[?]::text[]
                    group by o.org_unit""")) {
                select.setDate(1, Date.valueOf(from));
                select.setString(2, indicator);
                select.setDate(3, Date.valueOf(to));
                select.setString(4, scope);
                Map<String, Own> own = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        own.put(rows.getString(1), new Own(rows.getDate(2).toLocalDate(), rows.getBoolean(3)));
                    }
                }
                return own;
            }
        });
    }
}
