package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.mubiao.events.TargetChanged;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Topics;
import io.mubiao.events.Trajectory;
import io.mubiao.messaging.Outbox;
import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;
import io.mubiao.targets.KeyLocks;
import io.mubiao.targets.indicator.Indicator;
import io.mubiao.targets.orgunit.OrgUnit;

/**
 * Targets with their milestones. Every change is published with its full state through the outbox and
 * recorded as a new version in the target's history, with who made it and when.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TargetService {

    public record Saved(TargetResponse target, boolean created) {
    }

    @Inject
    KeyLocks locks;

    @Inject
    Outbox outbox;

    @Inject
    TargetHistory history;

    /** @param changedBy the subject of the caller's token, recorded with the change */
    public Saved put(String indicatorCode, String orgUnitCode, int year, TargetRequest request, String changedBy) {
        // Share lock: the indicator's measure, which the rules depend on, cannot change until we commit.
        Indicator indicator = Indicator.findById(indicatorCode, LockModeType.PESSIMISTIC_READ);
        if (indicator == null) {
            throw ProblemException.notFound("indicator " + indicatorCode + " does not exist");
        }
        if (OrgUnit.findById(orgUnitCode) == null) {
            throw ProblemException.notFound("org unit " + orgUnitCode + " does not exist");
        }
        TargetKind kind = request.kind() == null ? TargetKind.VALUE : TargetKind.valueOf(request.kind());
        Trajectory trajectory = request.trajectory() == null
                ? TargetRules.defaultTrajectory(indicator.measure, kind)
                : Trajectory.valueOf(request.trajectory());
        BigDecimal start = request.start() == null ? BigDecimal.ZERO : request.start();
        List<TargetRequest.Milestone> milestones = request.milestones() == null ? List.of() : request.milestones();
        String key = TargetChanged.key(indicatorCode, orgUnitCode, year);
        List<Problem.FieldError> errors = TargetRules.check(indicator.measure, indicator.direction, year, kind,
                request.value(), start, milestones);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; "));
            throw ProblemException.invalid("target " + key + " is invalid: " + detail, errors);
        }

        return write(indicatorCode, orgUnitCode, year, kind, request.value(), start, trajectory, milestones,
                changedBy);
    }

    /**
     * Creates or replaces the target with this (validated) state, exactly as a PUT does: a change becomes a
     * new version in the history and a TargetChanged in the outbox; a write that changes nothing does neither.
     */
    private Saved write(String indicatorCode, String orgUnitCode, int year, TargetKind kind, BigDecimal value,
            BigDecimal start, Trajectory trajectory, List<TargetRequest.Milestone> milestones, String changedBy) {
        String key = TargetChanged.key(indicatorCode, orgUnitCode, year);
        locks.lock(KeyLocks.Space.TARGET, key);
        Target target = find(indicatorCode, orgUnitCode, year);
        boolean created = target == null;
        if (created) {
            target = new Target();
            target.indicator = indicatorCode;
            target.orgUnit = orgUnitCode;
            target.year = year;
            target.version = 1;
        } else if (same(target, kind, value, start, trajectory, milestones)) {
            return new Saved(TargetResponse.of(target), false);
        }
        target.kind = kind;
        target.value = value;
        target.start = start;
        target.trajectory = trajectory;
        target.milestones.clear();
        for (TargetRequest.Milestone milestone : milestones) {
            target.milestones.add(new TargetMilestone(milestone.due(), milestone.value()));
        }
        target.changedBy = changedBy;
        // PostgreSQL keeps microseconds: the response shows the time the history will show
        target.changedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (created) {
            target.persist();
        } else {
            target.version++;
        }
        history.record(target);
        outbox.append(Topics.TARGETS, key, event(target));
        return new Saved(TargetResponse.of(target), created);
    }

    /**
     * Splits the target over direct children of its org unit (see {@link TargetAllocations} for the rules) and
     * writes each child's target as a PUT would. All or nothing: every check runs before the first write, and
     * the whole allocation is one transaction, so a refused re-allocation leaves the previous one as it was.
     * Children of the previous allocation that are not in this one keep their targets; they are only no
     * longer listed in the parent's allocation.
     *
     * @return the children's targets, in the order given
     */
    public List<TargetResponse> allocate(String indicatorCode, String orgUnitCode, int year,
            AllocationRequest request, String changedBy) {
        Indicator indicator = Indicator.findById(indicatorCode, LockModeType.PESSIMISTIC_READ);
        if (indicator == null) {
            throw ProblemException.notFound("indicator " + indicatorCode + " does not exist");
        }
        String key = TargetChanged.key(indicatorCode, orgUnitCode, year);
        // The parent's lock first, then the children's in the order given: two allocations of one parent
        // queue here, and a PUT takes one key only, so no cycle can form.
        locks.lock(KeyLocks.Space.TARGET, key);
        Target parent = find(indicatorCode, orgUnitCode, year);
        if (parent == null) {
            throw notFound(indicatorCode, orgUnitCode, year);
        }
        List<AllocationRequest.Child> children = request.children();
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < children.size(); i++) {
            String field = "children[" + i + "].orgUnit";
            String child = children.get(i).orgUnit();
            Integer earlier = firstIndex.putIfAbsent(child, i);
            if (earlier != null) {
                errors.add(Problem.FieldError.of(field, child + " is given twice (also children[" + earlier
                        + "]): each child takes one share"));
                continue;
            }
            OrgUnit unit = OrgUnit.findById(child);
            if (unit == null) {
                errors.add(Problem.FieldError.of(field, "org unit " + child + " does not exist"));
            } else if (!orgUnitCode.equals(unit.parent)) {
                errors.add(Problem.FieldError.of(field, child + " is not a direct child of " + orgUnitCode
                        + (unit.parent == null ? " (it is a root)" : " (its parent is " + unit.parent + ")")));
            }
        }
        errors.addAll(TargetAllocations.checkSum(indicator, parent, children));
        List<TargetAllocations.Share> shares = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            TargetAllocations.Share share = TargetAllocations.share(indicator, parent, children.get(i).value());
            shares.add(share);
            for (Problem.FieldError error : TargetRules.check(indicator.measure, indicator.direction, year,
                    parent.kind, share.value(), share.start(), share.milestones())) {
                errors.add(Problem.FieldError.of("children[" + i + "]." + error.field(), "the child's target "
                        + "would break a rule: " + error.message()));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; "));
            throw ProblemException.invalid("allocation of " + key + " is invalid: " + detail, errors);
        }

        List<TargetResponse> written = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            TargetAllocations.Share share = shares.get(i);
            written.add(write(indicatorCode, children.get(i).orgUnit(), year, parent.kind, share.value(),
                    share.start(), parent.trajectory, share.milestones(), changedBy).target());
        }
        parent.allocation.clear();
        for (AllocationRequest.Child child : children) {
            parent.allocation.add(new TargetAllocation(child.orgUnit(), child.value()));
        }
        return written;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetResponse get(String indicator, String orgUnit, int year) {
        Target target = find(indicator, orgUnit, year);
        if (target == null) {
            throw notFound(indicator, orgUnit, year);
        }
        return TargetResponse.of(target);
    }

    /** Every version of the target, oldest first, the current one last. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetVersionResponse> history(String indicator, String orgUnit, int year) {
        List<TargetVersionResponse> versions = history.versions(indicator, orgUnit, year);
        if (versions.isEmpty()) {
            throw notFound(indicator, orgUnit, year);
        }
        return versions;
    }

    /**
     * Targets matching every filter given, sorted by indicator, org unit and year; {@code parent} selects
     * the targets of its direct children. An unknown indicator or parent is an error, not an empty list,
     * so that a typo does not read as "no targets".
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetResponse> list(String indicator, Integer year, String parent) {
        StringBuilder query = new StringBuilder("select t from Target t left join fetch t.milestones where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (indicator != null) {
            if (Indicator.findById(indicator) == null) {
                throw ProblemException.invalid("indicator", "unknown indicator " + indicator);
            }
            query.append(" and t.indicator = :indicator");
            parameters.put("indicator", indicator);
        }
        if (year != null) {
            query.append(" and t.year = :year");
            parameters.put("year", year);
        }
        if (parent != null) {
            if (OrgUnit.findById(parent) == null) {
                throw ProblemException.invalid("parent", "unknown org unit " + parent);
            }
            query.append(" and t.orgUnit in (select u.code from OrgUnit u where u.parent = :parent)");
            parameters.put("parent", parent);
        }
        query.append(" order by t.indicator, t.orgUnit, t.year");
        // list(), not stream(): reading each target's allocation must not happen while the result set is open
        return Target.<Target>find(query.toString(), parameters).list().stream().map(TargetResponse::of).toList();
    }

    private static ProblemException notFound(String indicator, String orgUnit, int year) {
        return ProblemException.notFound("no target of " + indicator + " for " + orgUnit + " in " + year);
    }

    private static Target find(String indicator, String orgUnit, int year) {
        return Target.find("indicator = ?1 and orgUnit = ?2 and year = ?3", indicator, orgUnit, year).firstResult();
    }

    private static boolean same(Target target, TargetKind kind, BigDecimal value, BigDecimal start,
            Trajectory trajectory, List<TargetRequest.Milestone> milestones) {
        if (target.kind != kind || target.trajectory != trajectory || target.value.compareTo(value) != 0
                || target.start.compareTo(start) != 0 || target.milestones.size() != milestones.size()) {
            return false;
        }
        for (int i = 0; i < milestones.size(); i++) {
            TargetMilestone stored = target.milestones.get(i);
            TargetRequest.Milestone given = milestones.get(i);
            if (!stored.due.equals(given.due()) || stored.value.compareTo(given.value()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static TargetChanged event(Target target) {
        return new TargetChanged(UUID.randomUUID().toString(), target.version, target.indicator, target.orgUnit,
                target.year, target.kind, target.value, target.start, target.trajectory,
                target.milestones.stream().map(m -> new TargetChanged.Milestone(m.due, m.value)).toList(),
                target.changedAt);
    }
}
