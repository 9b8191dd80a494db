-- Codes compare byte by byte: they are identifiers, and the database's default collation (C.UTF-8 here) makes
-- PostgreSQL 15 call strcoll for every comparison of the joins, sorts and index descents of the as-of lookups.
-- The order is the same (C.UTF-8 sorts by code point); only the speed changes.
alter table org_unit alter column code type text collate "C", alter column parent type text collate "C",
    alter column path type text[] collate "C";
alter table indicator alter column code type text collate "C";
alter table target alter column indicator type text collate "C", alter column org_unit type text collate "C";
alter table observation alter column org_unit type text collate "C", alter column indicator type text collate "C";

-- The reports of one indicator on a few consecutive days lie side by side here, so that the as-of values of a
-- whole subtree (where most units report every day) come from one short range scan instead of one index
-- descent per unit: a national circular needs some 660,000 as-of values (3,300 units × 50 indicators ×
-- 4 dates), too many for descents (RankingRepository.loadAsOf).
create index observation_by_date on observation (indicator, date) include (org_unit, value, numerator, denominator);
