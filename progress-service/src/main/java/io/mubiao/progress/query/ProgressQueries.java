package io.mubiao.progress.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.mubiao.access.Caller;
import io.mubiao.problem.Problem.FieldError;
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

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    Caller caller;

    public Series series(String orgUnit, String indicator, String from, String to) {
        Params params = new Params();
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
        Params params = new Params();
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

    /** Collects every fault of the query parameters, answered together as a 400. */
    private static final class Params {

        private final List<FieldError> errors = new ArrayList<>();

        void code(String name, String value) {
            if (value == null || value.isEmpty()) {
                fail(name, name + " is required");
            } else if (!CODE.matcher(value).matches()) {
                fail(name, name + " '" + value + "' is not a code: 1 to 64 letters, digits, '.', '_' or '-'");
            }
        }

        LocalDate date(String name, String value, boolean required) {
            if (value == null || value.isEmpty()) {
                if (required) {
                    fail(name, name + " is required, written YYYY-MM-DD");
                }
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                fail(name, name + " '" + value + "' is not a real date written YYYY-MM-DD");
                return null;
            }
        }

        void fail(String field, String message) {
            errors.add(FieldError.of(field, message));
        }

        void throwIfFailed() {
            if (!errors.isEmpty()) {
                String detail = String.join("; ", errors.stream().map(FieldError::message).toList());
                throw new ProblemException(400, "Bad Request", detail, errors);
            }
        }
    }
}
