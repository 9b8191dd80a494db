-- GET /api/reporting-status. The units below a unit are those whose path holds its code (path @> array[code]);
-- each unit's latest report date on or before a day is one backward step of (org_unit, date). Not partial on
-- revision > 0: intake moves report_latest.revision on every correction, and an index that does not involve
-- that column keeps those updates HOT.
create index org_unit_path on org_unit using gin (path);
create index report_latest_unit_date on report_latest (org_unit, date);
