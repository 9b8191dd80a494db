-- Events waiting to be published by the outbox relay (messaging module), written in the same
-- transaction as the change they announce.
create table outbox (
    id         bigserial primary key,
    topic      text        not null,
    record_key text        not null,
    payload    text,
    created_at timestamptz not null default now()
);
