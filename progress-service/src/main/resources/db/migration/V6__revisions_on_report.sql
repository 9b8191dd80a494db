-- Revisions are numbered against report's own unique key (org_unit, indicator, date, revision): intake reads a
-- key's highest stored revision and inserts the next; two writers that pick the same number collide on that
-- key and the loser plans again. The latest-revision table, written and row-locked once per report on top of
-- the report itself, goes. The reporting status takes each unit's latest report date from report itself.
create index report_unit_date on report (org_unit, date);
drop table report_latest;
