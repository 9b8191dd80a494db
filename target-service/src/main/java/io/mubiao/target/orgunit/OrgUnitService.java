package io.mubiao.target.orgunit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.Topics;
import io.mubiao.messaging.Outbox;
import io.mubiao.problem.ProblemException;
import io.mubiao.target.KeyLocks;
import io.quarkus.panache.common.Sort;

/**
 * The org-unit tree. Every write holds the tree lock, so two concurrent moves can never build a cycle
 * that neither would build alone, and publishes the full state of every unit it changed through the
 * outbox, in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OrgUnitService {

    /** A saved unit, and whether the request created it. */
    public record Saved(OrgUnitResponse unit, boolean created) {
    }

    @Inject
    OrgUnitRepository repository;

    @Inject
    KeyLocks locks;

    @Inject
    Outbox outbox;

    /** @param changedBy the subject of the caller's token, recorded with the change */
    public Saved put(String code, OrgUnitRequest request, String changedBy) {
        locks.lock(KeyLocks.Space.ORG_UNIT_TREE, "");
        List<String> path = new ArrayList<>();
        String parentCode = request.parent();
        if (parentCode != null) {
            if (parentCode.equals(code)) {
                throw ProblemException.invalid("parent", "org unit " + code + " cannot be its own parent");
            }
            OrgUnit parent = OrgUnit.findById(parentCode);
            if (parent == null) {
                throw ProblemException.invalid("parent", "unknown parent " + parentCode + ": create it first");
            }
            path.addAll(List.of(parent.path));
            if (path.contains(code)) {
                throw ProblemException.invalid("parent", "cycle: " + parentCode + " lies below " + code + " ("
                        + String.join(" > ", path) + "), so " + code + " cannot move under it");
            }
        }
        path.add(code);
        String kind = request.kind() == null ? OrgUnitState.DEFAULT_KIND : request.kind();
        OrgUnitState wanted = new OrgUnitState(code, request.name().strip(), parentCode, kind, path.size(), path);

        Instant now = now();
        OrgUnit unit = OrgUnit.findById(code);
        if (unit == null) {
            OrgUnit.of(wanted, changedBy, now).persist();
            outbox.append(Topics.ORG_UNITS, code, event(wanted, now));
            return new Saved(OrgUnitResponse.of(wanted, changedBy, now), true);
        }
        OrgUnitState before = unit.state();
        if (before.equals(wanted)) {
            return new Saved(OrgUnitResponse.of(unit), false);
        }
        unit.apply(wanted, changedBy, now);
        List<OrgUnitState> changed = new ArrayList<>();
        changed.add(wanted);
        if (!before.path().equals(wanted.path())) {
            changed.addAll(repository.moveDescendants(code, before.level(), wanted.path(), changedBy, now));
        }
        publish(changed, now);
        return new Saved(OrgUnitResponse.of(wanted, changedBy, now), false);
    }

    /**
     * Stores the valid rows of an import in one pass and reports every rejected row.
     *
     * @param changedBy the subject of the caller's token, recorded on every unit the import changes
     */
    public OrgUnitImportSummary importUnits(List<OrgUnitImportRow> rows, String changedBy) {
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.invalid("the import holds no org units: send a JSON array of {code, name, parent?, kind?}",
                    List.of());
        }
        locks.lock(KeyLocks.Space.ORG_UNIT_TREE, "");
        OrgUnitImport.Plan plan = OrgUnitImport.plan(rows, repository.loadTree());
        Instant now = now();
        repository.insertAll(plan.inserts(), changedBy, now);
        repository.updateAll(plan.updates(), changedBy, now);
        publish(plan.changes(), now);
        return new OrgUnitImportSummary(plan.received(), plan.created(), plan.updated(), plan.unchanged(),
                plan.rejected(), plan.errors());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnitResponse get(String code) {
        return OrgUnitResponse.of(find(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrgUnitResponse> children(String code) {
        find(code);
        return OrgUnit.<OrgUnit>list("parent", Sort.by("code"), code).stream()
                .map(OrgUnitResponse::of)
                .toList();
    }

    /** PostgreSQL keeps microseconds: a response shows the time a later read will show. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OrgUnit find(String code) {
        OrgUnit unit = OrgUnit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("org unit " + code + " does not exist");
        }
        return unit;
    }

    /** Parents before children: consumers of the single-partition topic may rely on it. */
    private void publish(List<OrgUnitState> units, Instant now) {
        outbox.appendAll(units.stream()
                .sorted(Comparator.comparingInt(OrgUnitState::level).thenComparing(OrgUnitState::code))
                .map(unit -> new Outbox.Message(Topics.ORG_UNITS, unit.code(), event(unit, now)))
                .toList());
    }

    private static OrgUnitChanged event(OrgUnitState unit, Instant now) {
        return new OrgUnitChanged(unit.code(), unit.name(), unit.parent(), unit.kind(), unit.level(), unit.path(), now);
    }
}
