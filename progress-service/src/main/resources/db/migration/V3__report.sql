-- Every revision of every report. A correction adds a revision; nothing is updated or deleted.
create table report (
    event_id    text primary key,
    org_unit    text          not null,
    indicator   text          not null,
    date        date          not null,
    revision    integer       not null check (revision > 0),
    value       numeric(20,6) not null,
    numerator   numeric(20,6),
    denominator numeric(20,6),
    note        text,
    reported_by text          not null,
    recorded_at timestamptz   not null,
    constraint report_revision_unique unique (org_unit, indicator, date, revision)
);

-- The latest revision per unit, indicator and date. Its row is what a writer locks (select ... for update)
-- before numbering the next revision, so two concurrent writers never pick the same number. A row with
-- revision 0 is a lock placeholder for a key whose first report was not stored.
create table report_latest (
    org_unit  text    not null,
    indicator text    not null,
    date      date    not null,
    revision  integer not null,
    primary key (org_unit, indicator, date)
);
