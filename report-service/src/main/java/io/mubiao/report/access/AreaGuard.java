package io.mubiao.report.access;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mubiao.access.Caller;
import io.mubiao.problem.ProblemException;
import io.mubiao.report.QueryParams;
import io.mubiao.report.readmodel.OrgUnit;

/**
 * The area rule of every report endpoint: a supervisor or reporter reads only units inside its subtree (its
 * token's {@code orgUnit} and the units below it), an admin reads every unit. Whatever a report covers (the
 * children or descendants of a ranking's parent, a summary's unit, a briefing's or scorecard's scope) lies
 * below the unit checked here, so checking that unit is enough. The one thing shown from outside is a
 * summary's rank: the unit's place among its siblings and their number, none of their figures.
 * <p>
 * An unknown unit is a 404 for every caller, before the area is looked at: unit codes are not secret inside
 * the suite, and a 403 for a unit that does not exist would only mislead. The service's own deliveries
 * ({@link ServiceCall}) have no caller: the subscription's scope was checked when it was made.
 */
@ApplicationScoped
public class AreaGuard {

    @Inject
    Caller caller;

    @Inject
    ServiceCall serviceCall;

    /** The unit {@code code}, once known (else 404) and inside the caller's area (else 403 naming it). */
    public OrgUnit requireUnit(String code) {
        // a code that cannot exist is not looked up: text with U+0000 would fail in PostgreSQL as a 500
        OrgUnit unit = QueryParams.isCode(code) ? OrgUnit.findById(code) : null;
        if (unit == null) {
            throw ProblemException.notFound("org unit " + code + " is unknown");
        }
        requireCovers(unit);
        return unit;
    }

    /** The check of {@link #requireUnit} on a unit found already (a ranking finds its parent in a cache). */
    public void requireCovers(OrgUnit unit) {
        if (!serviceCall.active()) {
            caller.requireCovers(unit.code, List.of(unit.path));
        }
    }
}
