-- The outbox only passes payloads on, as written: text is cheaper to write than jsonb (no parsing, no
-- re-serialising), which counts when one HR import writes 50,000 events. Event ids are random UUIDs and never
-- looked up, so they need no unique index either.
alter table outbox_event alter column payload type text;
alter table outbox_event drop constraint outbox_event_event_id_key;
