package io.mubiao.progress.reference;

import java.time.Instant;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of an org unit, as last published by target-service; written by {@link ReferenceRepository}. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String parent;

    public String kind;

    public int level;

    /** Codes from the root to this unit, this unit last. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> path;

    @Column(name = "changed_at")
    public Instant changedAt;
}
