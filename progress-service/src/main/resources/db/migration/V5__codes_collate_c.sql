-- Codes and eventIds compare byte by byte: they are identifiers, and the database's default collation (C.UTF-8
-- here) makes PostgreSQL 15 call strcoll for every comparison in the unique checks of intake's inserts, the
-- key locks and their sorts. The order is the same (C.UTF-8 sorts by code point); only the speed changes.
-- report-service did the same to its read model (its V3).
alter table report alter column event_id type text collate "C", alter column org_unit type text collate "C",
    alter column indicator type text collate "C";
alter table report_latest alter column org_unit type text collate "C", alter column indicator type text collate "C";
alter table org_unit alter column code type text collate "C", alter column parent type text collate "C",
    alter column path type text[] collate "C";
alter table indicator alter column code type text collate "C";
