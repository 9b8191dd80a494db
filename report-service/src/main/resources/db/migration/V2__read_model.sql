-- The read model: a local copy of the reference data and the latest revision of every observation, fed by
-- the Kafka consumers of io.mubiao.report.readmodel. No foreign keys: topics arrive in any order relative to
-- each other (a report may precede its unit), and each table simply mirrors its topic.

-- Org units as last published on reference.org-units; path = codes from the root, this unit last.
create table org_unit (
    code       text primary key,
    name       text    not null,
    parent     text,
    kind       text    not null default 'region',
    level      integer not null,
    path       text[]  not null,
    changed_at timestamptz
);
create index org_unit_parent on org_unit (parent);
-- A subtree is "path @> array[code]": the GIN index serves it without recursion.
create index org_unit_path on org_unit using gin (path);

create table indicator (
    code            text primary key,
    name            text    not null,
    unit            text,
    measure         text    not null,
    direction       text    not null,
    indicator_group text,
    decimals        integer not null default 2,
    changed_at      timestamptz
);

-- Targets; kind, start and trajectory stay null when the publisher left them out, so that the defaults
-- (which depend on the indicator's measure) are applied when the target is read.
create table target (
    indicator  text    not null,
    org_unit   text    not null,
    year       integer not null,
    kind       text    not null default 'VALUE',
    value      numeric not null,
    start      numeric,
    trajectory text,
    milestones jsonb   not null default '[]',
    changed_at timestamptz,
    primary key (indicator, year, org_unit)
);

-- The highest revision seen of each report; older revisions are the progress-service's history.
create table observation (
    org_unit    text    not null,
    indicator   text    not null,
    date        date    not null,
    value       numeric,
    numerator   numeric,
    denominator numeric,
    revision    integer not null,
    event_id    text,
    recorded_at timestamptz,
    primary key (org_unit, indicator, date)
);
-- The as-of lookup (latest report of a unit on or before a date) is one backward index step per unit,
-- answered from the index alone.
create index observation_as_of on observation (indicator, org_unit, date desc)
    include (value, numerator, denominator);
