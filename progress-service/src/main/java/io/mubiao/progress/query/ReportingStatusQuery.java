package io.mubiao.progress.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;

import io.mubiao.access.Caller;
import io.mubiao.problem.ProblemException;
import io.mubiao.progress.config.ProgressConfig;
import io.mubiao.progress.reference.Indicator;
import io.mubiao.progress.reference.OrgUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * "Has every county reported today?": for each direct child of a unit, whether it or a unit below it reported on
 * a day, and the latest day on or before it with a report, in one query over the local copy of the tree and
 * {@code report} (index {@code report_unit_date}; a correction counts as a report of its date).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportingStatusQuery {

    /**
     * Per child: its subtree (every unit whose path holds the child's code), and per unit of it the latest
     * report date on or before the day. The child reported when one of them is the day itself.
     */
    private static final String SQL = """
            select c.code, c.name, c.kind, count(*) as units,
                   count(*) filter (where l.date = ?) as reported_units, max(l.date) as last_date
            from org_unit c
            join org_unit u on u.path @> array[c.code]
            left join lateral (
                select r.date from report r
                where r.org_unit = u.code and r.date <= ? %s
                order by r.date desc limit 1) l on true
            where c.parent = ?
            group by c.code, c.name, c.kind
            order by c.code""";

    @Inject
    Caller caller;

    @Inject
    ProgressConfig config;

    @Inject
    EntityManager em;

    /**
     * @param date YYYY-MM-DD, or null for today in {@code progress.time-zone}
     * @param indicator null or empty for any indicator
     */
    public ReportingStatus status(String parent, String date, String indicator) {
        QueryParams params = new QueryParams();
        params.code("parent", parent);
        params.optionalCode("indicator", indicator);
        LocalDate day = params.date("date", date, false);
        params.throwIfFailed();
        if (day == null) {
            day = LocalDate.now(config.timeZone());
        }
        String only = indicator == null || indicator.isEmpty() ? null : indicator;

        OrgUnit unit = OrgUnit.findById(parent);
        if (unit == null) {
            throw ProblemException.notFound("unknown org unit " + parent);
        }
        if (only != null && Indicator.findById(only) == null) {
            throw ProblemException.invalid("indicator", "unknown indicator " + only);
        }
        caller.requireCovers(parent, unit.path);

        List<ReportingStatus.Child> children = children(parent, day, only);
        int reported = (int) children.stream().filter(ReportingStatus.Child::reported).count();
        return new ReportingStatus(parent, day, only, reported, children.size(), children);
    }

    private List<ReportingStatus.Child> children(String parent, LocalDate day, String indicator) {
        String sql = SQL.formatted(indicator == null ? "" : "and r.indicator = ?");
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<ReportingStatus.Child> children = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 0;
                select.setObject(++i, day);
                select.setObject(++i, day);
                if (indicator != null) {
                    select.setString(++i, indicator);
                }
                select.setString(++i, parent);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int reportedUnits = rows.getInt("reported_units");
                        children.add(new ReportingStatus.Child(rows.getString("code"), rows.getString("name"),
                                rows.getString("kind"), reportedUnits > 0, rows.getObject("last_date", LocalDate.class),
                                rows.getInt("units"), reportedUnits));
                    }
                }
            }
            return children;
        });
    }
}
