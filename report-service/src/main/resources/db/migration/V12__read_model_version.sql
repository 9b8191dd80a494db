-- How far the read model has moved, so that report-service instances may keep what they computed from it in
-- memory: each transaction that writes the read model bumps the counters here before it commits
-- (ReadModelVersions.bump, called by ReadModelStore), and a reader compares them with one primary-key read.
-- A counter in the database, not a message between instances: each instance consumes only some partitions of
-- progress.recorded, so none of them sees every write. reference counts writes of org units and indicators,
-- figures counts every write (targets and observations too). The epoch tells a schema made anew from this one:
-- counters that start again at 0 must not match what was cached from the old one.
create table read_model_version (
    id        integer primary key check (id = 1),
    epoch     uuid   not null default gen_random_uuid(),
    reference bigint not null default 0,
    figures   bigint not null default 0
);
insert into read_model_version (id) values (1);
