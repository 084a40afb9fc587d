-- Events Kafka refused for good (too large, invalid topic, not serialisable): moved here by the relay with the
-- reason, so they no longer block the events behind them. Kept for ops to inspect, fix and re-publish; later
-- events of the same key were delivered (each event is the aggregate's whole state, so the later one supersedes).
create table outbox_parked (
    id          bigint      primary key, -- the row's id in outbox_event
    event_id    uuid        not null,
    topic       text        not null,
    event_key   text        not null,
    event_type  text        not null,
    subject     text        not null,
    occurred_at timestamptz not null,
    payload     text        not null,
    parked_at   timestamptz not null default now(),
    reason      text        not null
);
