package io.mubiao.progress.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mubiao.access.Caller;
import io.mubiao.problem.ProblemException;
import io.mubiao.progress.reference.Indicator;
import io.mubiao.progress.reference.OrgUnit;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads stored reports: the latest revision per date, and every revision of one date; for a caller who is not
 * an admin, only of a unit inside its area.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressQueries {

    @Inject
    Caller caller;

    public Series series(String orgUnit, String indicator, String from, String to) {
        QueryParams params = new QueryParams();
        params.code("orgUnit", orgUnit);
        params.code("indicator", indicator);
        LocalDate fromDate = params.date("from", from, false);
        LocalDate toDate = params.date("to", to, false);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            params.fail("from", "from " + fromDate + " is after to " + toDate);
        }
        params.throwIfFailed();
        requireKnownAndCovered(orgUnit, indicator);

        StringBuilder query = new StringBuilder("from Report r where r.orgUnit = :orgUnit and r.indicator = :indicator");
        Map<String, Object> values = new HashMap<>(Map.of("orgUnit", orgUnit, "indicator", indicator));
        if (fromDate != null) {
            query.append(" and r.date >= :from");
            values.put("from", fromDate);
        }
        if (toDate != null) {
            query.append(" and r.date <= :to");
            values.put("to", toDate);
        }
        // the unique (org_unit, indicator, date, revision) index answers the max per date
        query.append(" and r.revision = (select max(x.revision) from Report x where x.orgUnit = r.orgUnit"
                + " and x.indicator = r.indicator and x.date = r.date) order by r.date");
        List<Observation> points = Report.<Report>find(query.toString(), values).stream()
                .map(Observation::of).toList();
        return new Series(orgUnit, indicator, fromDate, toDate, points);
    }

    public History history(String orgUnit, String indicator, String date) {
        QueryParams params = new QueryParams();
        params.code("orgUnit", orgUnit);
        params.code("indicator", indicator);
        LocalDate day = params.date("date", date, true);
        params.throwIfFailed();
        requireKnownAndCovered(orgUnit, indicator);

        List<Observation> revisions = Report.<Report>find("orgUnit = ?1 and indicator = ?2 and date = ?3",
                Sort.by("revision"), orgUnit, indicator, day).stream().map(Observation::of).toList();
        return new History(orgUnit, indicator, day, revisions);
    }

    /** 404 for an unknown code, whoever asks; then 403 unless the unit lies inside the caller's area. */
    private void requireKnownAndCovered(String orgUnit, String indicator) {
        OrgUnit unit = OrgUnit.findById(orgUnit);
        if (unit == null) {
            throw ProblemException.notFound("unknown org unit " + orgUnit);
        }
        if (Indicator.findById(indicator) == null) {
            throw ProblemException.notFound("unknown indicator " + indicator);
        }
        caller.requireCovers(orgUnit, unit.path);
    }
}
