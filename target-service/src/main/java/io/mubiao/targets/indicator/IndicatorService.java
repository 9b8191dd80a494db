package io.mubiao.targets.indicator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.mubiao.events.Direction;
import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.Measure;
import io.mubiao.events.Topics;
import io.mubiao.messaging.Outbox;
import io.mubiao.problem.ProblemException;
import io.mubiao.targets.KeyLocks;
import io.quarkus.panache.common.Sort;

/** Indicator definitions; every change is published with its full state through the outbox. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IndicatorService {

    static final int DEFAULT_DECIMALS = 2;

    public record Saved(IndicatorResponse indicator, boolean created) {
    }

    @Inject
    KeyLocks locks;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** @param changedBy the subject of the caller's token, recorded with the change */
    public Saved put(String code, IndicatorRequest request, String changedBy) {
        locks.lock(KeyLocks.Space.INDICATOR, code);
        Measure measure = Measure.valueOf(request.measure());
        Direction direction = Direction.valueOf(request.direction());
        int decimals = request.decimals() == null ? DEFAULT_DECIMALS : request.decimals();
        String name = request.name().strip();
        String unit = request.unit().strip();

        // Write lock: a target being saved for this indicator holds a share lock, so the measure cannot
        // change under a target validated against the old one.
        Indicator indicator = Indicator.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = indicator == null;
        if (created) {
            indicator = new Indicator();
            indicator.code = code;
        } else if (indicator.measure != measure && hasTargets(code)) {
            throw ProblemException.conflict("indicator " + code + " is a " + indicator.measure
                    + " and already has targets; its measure cannot become " + measure);
        } else if (indicator.name.equals(name) && indicator.unit.equals(unit) && indicator.measure == measure
                && indicator.direction == direction && Objects.equals(indicator.group, request.group())
                && indicator.decimals == decimals) {
            return new Saved(IndicatorResponse.of(indicator), false);
        }
        indicator.name = name;
        indicator.unit = unit;
        indicator.measure = measure;
        indicator.direction = direction;
        indicator.group = request.group();
        indicator.decimals = decimals;
        indicator.changedBy = changedBy;
        indicator.changedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        indicator.version = created ? 1 : indicator.version + 1;
        if (created) {
            indicator.persist();
        }
        outbox.append(Topics.INDICATORS, code, new IndicatorChanged(UUID.randomUUID().toString(), indicator.version,
                code, name, unit, measure, direction, indicator.group, decimals, indicator.changedAt));
        return new Saved(IndicatorResponse.of(indicator), created);
    }

    private boolean hasTargets(String code) {
        return em.createNativeQuery("select exists (select 1 from target where indicator = ?1)", Boolean.class)
                .setParameter(1, code)
                .getSingleResult() == Boolean.TRUE;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorResponse get(String code) {
        Indicator indicator = Indicator.findById(code);
        if (indicator == null) {
            throw ProblemException.notFound("indicator " + code + " does not exist");
        }
        return IndicatorResponse.of(indicator);
    }

    /** All indicators, or those of one group, sorted by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorResponse> list(String group) {
        List<Indicator> indicators = group == null
                ? Indicator.listAll(Sort.by("code"))
                : Indicator.list("group", Sort.by("code"), group);
        return indicators.stream().map(IndicatorResponse::of).toList();
    }
}
