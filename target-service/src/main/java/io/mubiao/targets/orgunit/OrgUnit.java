package io.mubiao.targets.orgunit;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A node of the org-unit tree; {@code level} and {@code path} are derived from the parent chain and stored. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public String parent;

    @Column(nullable = false)
    public String kind;

    public int level;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] path;

    /** The subject of the token that made the last change. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** 1 when created, +1 with every published change (a move of an ancestor included); events carry it. */
    public long version;

    static OrgUnit of(OrgUnitState state, String changedBy, Instant now) {
        OrgUnit unit = new OrgUnit();
        unit.code = state.code();
        unit.version = 1;
        unit.apply(state, changedBy, now);
        return unit;
    }

    void apply(OrgUnitState state, String changedBy, Instant now) {
        name = state.name();
        parent = state.parent();
        kind = state.kind();
        level = state.level();
        path = state.path().toArray(String[]::new);
        this.changedBy = changedBy;
        changedAt = now;
    }

    OrgUnitState state() {
        return new OrgUnitState(code, name, parent, kind, level, List.of(path));
    }
}
