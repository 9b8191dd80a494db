package io.mubiao.progress.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored revision of a report, for reading. Intake writes the table with JDBC batches
 * ({@code intake.ReportRepository}); nothing updates a row once written.
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "org_unit")
    public String orgUnit;

    public String indicator;

    public LocalDate date;

    public int revision;

    @Column(precision = 20, scale = 6)
    public BigDecimal value;

    @Column(precision = 20, scale = 6)
    public BigDecimal numerator;

    @Column(precision = 20, scale = 6)
    public BigDecimal denominator;

    public String note;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
