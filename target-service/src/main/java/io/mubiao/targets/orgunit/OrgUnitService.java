package io.mubiao.targets.orgunit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.Topics;
import io.mubiao.messaging.Outbox;
import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;
import io.mubiao.targets.KeyLocks;
import io.quarkus.panache.common.Sort;

import org.jboss.logging.Logger;

/**
 * The org-unit tree. Every write holds the tree lock, so two concurrent moves can never build a cycle
 * that neither would build alone, and publishes the full state of every unit it changed through the
 * outbox, in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OrgUnitService {

    private static final Logger LOG = Logger.getLogger(OrgUnitService.class);

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
            OrgUnit created = OrgUnit.of(wanted, changedBy, now);
            created.persist();
            outbox.append(Topics.ORG_UNITS, code, event(new OrgUnitRepository.Versioned(wanted, created.version), now));
            return new Saved(OrgUnitResponse.of(created), true);
        }
        OrgUnitState before = unit.state();
        if (before.equals(wanted)) {
            return new Saved(OrgUnitResponse.of(unit), false);
        }
        unit.apply(wanted, changedBy, now);
        unit.version++;
        List<OrgUnitRepository.Versioned> changed = new ArrayList<>();
        changed.add(new OrgUnitRepository.Versioned(wanted, unit.version));
        if (!before.path().equals(wanted.path())) {
            changed.addAll(repository.moveDescendants(code, before.level(), wanted.path(), changedBy, now));
        }
        publish(changed, now);
        return new Saved(OrgUnitResponse.of(unit), false);
    }

    /** One page of a unit's children, and how many children it has in all. */
    public record ChildrenPage(List<OrgUnitResponse> units, long total) {
    }

    /**
     * Stores the valid rows of an import in one pass and reports every rejected row.
     *
     * @param changedBy the subject of the caller's token, recorded on every unit the import changes
     */
    public OrgUnitImportSummary importUnits(List<OrgUnitImportRow> rows, String changedBy) {
        return importUnits(rows, Map.of(), changedBy, false);
    }

    /**
     * @param readErrors rows that could not be read (null in {@code rows}), by index
     * @param dryRun     plan and report only: nothing is written and nothing published
     */
    public OrgUnitImportSummary importUnits(List<OrgUnitImportRow> rows, Map<Integer, Problem.FieldError> readErrors,
            String changedBy, boolean dryRun) {
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.invalid("the import holds no org units: send a JSON array of {code, name, parent?, kind?} "
                    + "or a CSV with the header code,name,parent[,kind] and at least one row", List.of());
        }
        if (!dryRun) {
            locks.lock(KeyLocks.Space.ORG_UNIT_TREE, "");
        }
        OrgUnitImport.Plan plan = OrgUnitImport.plan(rows, repository.loadTree(), readErrors);
        if (!dryRun) {
            Instant now = now();
            repository.insertAll(plan.inserts(), changedBy, now);
            repository.updateAll(plan.updates(), changedBy, now);
            List<OrgUnitState> changes = plan.changes();
            Map<String, Long> versions = repository.versions(changes.stream().map(OrgUnitState::code).toList());
            publish(changes.stream()
                    .map(unit -> new OrgUnitRepository.Versioned(unit, versions.get(unit.code())))
                    .toList(), now);
        }
        return new OrgUnitImportSummary(plan.received(), plan.created(), plan.updated(), plan.unchanged(),
                plan.rejected(), plan.errors(), dryRun);
    }

    /**
     * Deletes a leaf that no target refers to and publishes a tombstone for it, in the same transaction.
     * The unit's row is locked first, so a target written concurrently either is counted or waits and then
     * finds the unit gone.
     */
    public void delete(String code, String deletedBy) {
        locks.lock(KeyLocks.Space.ORG_UNIT_TREE, "");
        if (!repository.lockUnit(code)) {
            throw ProblemException.notFound("org unit " + code + " does not exist");
        }
        long children = repository.countChildren(code);
        long targets = repository.countTargets(code);
        if (children > 0 || targets > 0) {
            List<String> reasons = new ArrayList<>();
            if (children > 0) {
                reasons.add(children + (children == 1 ? " child" : " children"));
            }
            if (targets > 0) {
                reasons.add(targets + (targets == 1 ? " target" : " targets"));
            }
            throw ProblemException.conflict("org unit " + code + " still has " + String.join(" and ", reasons)
                    + "; move or delete them first");
        }
        repository.delete(code);
        outbox.append(Topics.ORG_UNITS, code, null);
        LOG.infof("org unit %s deleted by %s", code, deletedBy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnitResponse get(String code) {
        return OrgUnitResponse.of(find(code));
    }

    /** The direct children sorted by code, {@code size} per page from page 0; a page beyond the end is empty. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChildrenPage children(String code, int page, int size) {
        find(code);
        long total = OrgUnit.count("parent", code);
        long offset = (long) page * size;
        if (offset >= total) {
            return new ChildrenPage(List.of(), total);
        }
        List<OrgUnitResponse> units = OrgUnit.<OrgUnit>find("parent", Sort.by("code"), code)
                .range((int) offset, (int) Math.min(offset + size, total) - 1)
                .list().stream()
                .map(OrgUnitResponse::of)
                .toList();
        return new ChildrenPage(units, total);
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
    private void publish(List<OrgUnitRepository.Versioned> units, Instant now) {
        outbox.appendAll(units.stream()
                .sorted(Comparator.comparingInt((OrgUnitRepository.Versioned unit) -> unit.state().level())
                        .thenComparing(unit -> unit.state().code()))
                .map(unit -> new Outbox.Message(Topics.ORG_UNITS, unit.state().code(), event(unit, now)))
                .toList());
    }

    /** A new random event id every time; the version is the unit's as stored by this change. */
    private static OrgUnitChanged event(OrgUnitRepository.Versioned versioned, Instant now) {
        OrgUnitState unit = versioned.state();
        return new OrgUnitChanged(UUID.randomUUID().toString(), versioned.version(), unit.code(), unit.name(),
                unit.parent(), unit.kind(), unit.level(), unit.path(), now);
    }
}
