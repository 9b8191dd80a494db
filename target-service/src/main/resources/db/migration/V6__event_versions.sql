-- The version carried by OrgUnitChanged and IndicatorChanged events: 1 when a row is created, +1 with every
-- published change of it (for an org unit, a move of an ancestor included). Targets have had theirs since V3.
-- Rows stored before this migration start at version 1.

alter table org_unit add column version bigint not null default 1 check (version >= 1);
alter table indicator add column version bigint not null default 1 check (version >= 1);
