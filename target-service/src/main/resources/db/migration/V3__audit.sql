-- Who changed the reference data, and every version of every target (issue 3).
-- changed_by is the subject (sub) of the bearer token of the request that wrote the row; changed_at already
-- exists (V2). Rows written before this migration were not attributed to anyone: they say so.

alter table org_unit add column changed_by text not null default 'unknown (before audit)';
alter table org_unit alter column changed_by drop default;

alter table indicator add column changed_by text not null default 'unknown (before audit)';
alter table indicator alter column changed_by drop default;

alter table target add column changed_by text not null default 'unknown (before audit)';
alter table target alter column changed_by drop default;
-- the number of the current version in target_version; 1 for a new target, +1 per change
alter table target add column version integer not null default 1 check (version >= 1);
alter table target alter column version drop default;

-- Every version of a target, the current one included, written in the same transaction as the change.
-- Keyed by the target's natural key rather than its id, so that the record outlives the row it describes.
create table target_version (
    indicator   text        not null,
    org_unit    text        not null,
    year        integer     not null,
    version     integer     not null check (version >= 1),
    kind        text        not null check (kind in ('VALUE', 'GROWTH')),
    value       numeric     not null,
    start_value numeric     not null,
    trajectory  text        not null check (trajectory in ('LINEAR', 'STEP', 'FLAT')),
    -- as the user gave them, ascending by due date: [{"due": "2026-03-31", "value": 20}, …]
    milestones  jsonb       not null check (jsonb_typeof(milestones) = 'array'),
    changed_by  text        not null,
    changed_at  timestamptz not null,
    primary key (indicator, org_unit, year, version)
);

-- The targets stored before this migration: their current state is their first recorded version.
insert into target_version (indicator, org_unit, year, version, kind, value, start_value, trajectory, milestones,
                            changed_by, changed_at)
select t.indicator, t.org_unit, t.year, t.version, t.kind, t.value, t.start_value, t.trajectory,
       coalesce((select jsonb_agg(jsonb_build_object('due', m.due, 'value', m.value) order by m.seq)
                   from target_milestone m
                  where m.target_id = t.id), '[]'::jsonb),
       t.changed_by, t.changed_at
  from target t;
