-- Outbox bundles (messaging module, Outbox): one row may hold several records of one topic, so that a batch
-- of thousands of events costs one outbox row to write, read and delete rather than thousands.
-- records: null for a plain row (one record: record_key and payload as before); n for a bundle of n records,
-- whose payload holds them two lines each (the key as a JSON string literal, then the value as JSON) and
-- whose record_key is null.
alter table outbox add column records integer;
alter table outbox alter column record_key drop not null;
-- A bundle of 10,000 progress.recorded records is about 2 MB of text. Compressed (pglz, the default) its COPY
-- took about 64 ms (0.7 MB of WAL); stored as it is, out of line, about 29 ms (2.2 MB of WAL), against about
-- 68 ms (3.3 MB of WAL) for the same records as 10,000 plain rows (PostgreSQL 15, this project's dev machine).
-- The row lives until the relay has published it, a second or two: no compression. (Not lz4: the embedded
-- PostgreSQL used as a fallback in tests may be built without it.)
alter table outbox alter column payload set storage external;
