-- Shared by every service (platform-core): the transactional outbox and the consumer inbox.

-- Events written in the same transaction as the change they describe; the relay sends them in id order and
-- deletes them once Kafka has acknowledged them.
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_key   text        not null,
    event_type  text        not null,
    subject     text        not null,
    occurred_at timestamptz not null,
    payload     jsonb       not null
);

-- Ids of consumed events, written in the same transaction as the projection change: a redelivered event is
-- recognised and skipped.
create table inbox_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
