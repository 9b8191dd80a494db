package io.mubiao.report.readmodel;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.ProgressRecorded;
import io.mubiao.events.TargetChanged;

/**
 * Writes the read model in JDBC batches, one statement per table and kind of change, in the consumer's
 * transaction. Upserts take the published full state as is; observations keep the highest revision. The
 * consumer ends each transaction that wrote here with {@link ReadModelVersions#bump}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelStore {

    /** A target's identity, as in its record key {@code indicator|orgUnit|year}. */
    public record TargetKey(String indicator, String orgUnit, int year) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public void upsertOrgUnits(Collection<OrgUnitChanged> units) {
        batch("""
                insert into org_unit (code, name, parent, kind, level, path, changed_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, parent = excluded.parent, kind = excluded.kind,
                    level = excluded.level, path = excluded.path, changed_at = excluded.changed_at""",
                units, (connection, insert, unit) -> {
                    insert.setString(1, unit.code());
                    insert.setString(2, unit.name());
                    insert.setString(3, unit.parent());
                    insert.setString(4, unit.kind() == null ? "region" : unit.kind());
                    insert.setInt(5, unit.level());
                    insert.setArray(6, connection.createArrayOf("text", unit.path().toArray()));
                    setInstant(insert, 7, unit.changedAt());
                });
    }

    public void deleteOrgUnits(Collection<String> codes) {
        batch("delete from org_unit where code = ?", codes, (connection, delete, code) -> delete.setString(1, code));
    }

    public void upsertIndicators(Collection<IndicatorChanged> indicators) {
        batch("""
                insert into indicator (code, name, unit, measure, direction, indicator_group, decimals, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, unit = excluded.unit, measure = excluded.measure,
                    direction = excluded.direction, indicator_group = excluded.indicator_group,
                    decimals = excluded.decimals, changed_at = excluded.changed_at""",
                indicators, (connection, insert, indicator) -> {
                    insert.setString(1, indicator.code());
                    insert.setString(2, indicator.name());
                    insert.setString(3, indicator.unit());
                    insert.setString(4, indicator.measure().name());
                    insert.setString(5, indicator.direction().name());
                    insert.setString(6, indicator.group());
                    insert.setInt(7, indicator.decimals());
                    setInstant(insert, 8, indicator.changedAt());
                });
    }

    public void deleteIndicators(Collection<String> codes) {
        batch("delete from indicator where code = ?", codes, (connection, delete, code) -> delete.setString(1, code));
    }

    public void upsertTargets(Collection<TargetChanged> targets) {
        batch("""
                insert into target (indicator, org_unit, year, kind, value, start, trajectory, milestones, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict (indicator, year, org_unit) do update set kind = excluded.kind, value = excluded.value,
                    start = excluded.start, trajectory = excluded.trajectory, milestones = excluded.milestones,
                    changed_at = excluded.changed_at""",
                targets, (connection, insert, target) -> {
                    insert.setString(1, target.indicator());
                    insert.setString(2, target.orgUnit());
                    insert.setInt(3, target.year());
                    insert.setString(4, target.kind() == null ? "VALUE" : target.kind().name());
                    insert.setBigDecimal(5, target.value());
                    insert.setBigDecimal(6, target.start());
                    insert.setString(7, target.trajectory() == null ? null : target.trajectory().name());
                    insert.setString(8, toJson(target.milestones() == null ? List.of() : target.milestones()));
                    setInstant(insert, 9, target.changedAt());
                });
    }

    public void deleteTargets(Collection<TargetKey> keys) {
        batch("delete from target where indicator = ? and year = ? and org_unit = ?", keys, (connection, delete, key) -> {
            delete.setString(1, key.indicator());
            delete.setInt(2, key.year());
            delete.setString(3, key.orgUnit());
        });
    }

    /**
     * Stores each report unless a revision at least as high is already stored, so that a record delivered
     * twice, or an old revision arriving late, changes nothing. Callers pass at most one record per
     * (orgUnit, indicator, date). One statement for the whole batch, its columns bound as arrays: a batch of
     * single-row upserts costs PostgreSQL a statement execution per report, the main cost of this consumer.
     */
    public void recordObservations(Collection<ProgressRecorded> observations) {
        if (observations.isEmpty()) {
            return;
        }
        int size = observations.size();
        String[] orgUnits = new String[size];
        String[] indicators = new String[size];
        String[] dates = new String[size];
        BigDecimal[] values = new BigDecimal[size];
        BigDecimal[] numerators = new BigDecimal[size];
        BigDecimal[] denominators = new BigDecimal[size];
        Integer[] revisions = new Integer[size];
        String[] eventIds = new String[size];
        String[] recordedAts = new String[size];
        int i = 0;
        for (ProgressRecorded observation : observations) {
            orgUnits[i] = observation.orgUnit();
            indicators[i] = observation.indicator();
            dates[i] = observation.date().toString();
            values[i] = observation.value();
            numerators[i] = observation.numerator();
            denominators[i] = observation.denominator();
            revisions[i] = observation.revision();
            eventIds[i] = observation.eventId();
            recordedAts[i] = observation.recordedAt() == null ? null : observation.recordedAt().toString();
            i++;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into observation (org_unit, indicator, date, value, numerator, denominator, revision,
                        event_id, recorded_at)
                    select * from unnest(?::text[], ?::text[], ?::date[], ?::numeric[], ?::numeric[], ?::numeric[],
                        ?::integer[], ?::text[], ?::timestamptz[])
                    on conflict (org_unit, indicator, date) do update set value = excluded.value,
                        numerator = excluded.numerator, denominator = excluded.denominator,
                        revision = excluded.revision, event_id = excluded.event_id, recorded_at = excluded.recorded_at
                    where excluded.revision > observation.revision""")) {
                upsert.setArray(1, connection.createArrayOf("text", orgUnits));
                upsert.setArray(2, connection.createArrayOf("text", indicators));
                upsert.setArray(3, connection.createArrayOf("text", dates));
                upsert.setArray(4, connection.createArrayOf("numeric", values));
                upsert.setArray(5, connection.createArrayOf("numeric", numerators));
                upsert.setArray(6, connection.createArrayOf("numeric", denominators));
                upsert.setArray(7, connection.createArrayOf("integer", revisions));
                upsert.setArray(8, connection.createArrayOf("text", eventIds));
                upsert.setArray(9, connection.createArrayOf("text", recordedAts));
                upsert.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(Connection connection, PreparedStatement statement, T item) throws SQLException;
    }

    private <T> void batch(String sql, Collection<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(connection, statement, item);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
