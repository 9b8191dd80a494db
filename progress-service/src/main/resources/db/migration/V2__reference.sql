-- The local copy of target-service's reference data, kept from the compacted topics reference.org-units and
-- reference.indicators (full current state per code; a tombstone deletes). No foreign keys from reports:
-- a unit or indicator deleted upstream keeps its history here.
create table org_unit (
    code       text primary key,
    name       text,
    parent     text,
    kind       text        not null,
    level      integer     not null,
    path       text[]      not null,
    changed_at timestamptz
);

create index org_unit_parent on org_unit (parent);

create table indicator (
    code       text primary key,
    name       text,
    unit       text,
    measure    text        not null,
    direction  text,
    decimals   integer     not null,
    changed_at timestamptz
);
