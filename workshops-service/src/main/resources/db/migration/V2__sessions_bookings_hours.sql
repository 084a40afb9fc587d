-- Projections of participants-service's state events (employees, units, trio groups): who may book, who manages
-- whom, a workplace's staff for the staffing cap, and who is in which trio group.
create table employee (
    employee_number text primary key,
    name            text        not null,
    unit_code       text        not null,
    legal_gender    text        not null,
    occupation      text,
    start_date      date        not null,
    end_date        date,
    source_version  integer     not null,
    updated_at      timestamptz not null
);
create index employee_unit_idx on employee (unit_code);

create table unit (
    code           text primary key,
    name           text        not null,
    parent_code    text,
    managers       text[]      not null,
    deleted        boolean     not null,
    source_version integer     not null,
    updated_at     timestamptz not null
);

-- What HR does not send, set here by the project lead: where a workplace is (travel to sessions) and how many of
-- its staff may be away at one time.
create table unit_setting (
    unit_code        text primary key,
    place_name       text,
    latitude         double precision check (latitude between -90 and 90),
    longitude        double precision check (longitude between -180 and 180),
    away_cap_percent integer     not null check (away_cap_percent between 1 and 100),
    version          integer     not null,
    updated_at       timestamptz not null
);

create table trio_group (
    id             bigint primary key,
    round_id       bigint      not null,
    unit_code      text        not null,
    members        text[]      not null,
    dissolved      boolean     not null,
    source_version integer     not null,
    updated_at     timestamptz not null
);
create index trio_group_members_idx on trio_group using gin (members);

-- Modules: the three workshops for all staff and the managers' training. A module may follow another: it is booked
-- only once that one is attended or booked earlier in time.
alter table workshop_module
    add column audience       text    not null default 'ALL' check (audience in ('ALL', 'MANAGERS', 'UNITS')),
    add column audience_units text[]  not null default '{}',
    add column follows        text references workshop_module (code),
    add column version        integer not null default 0;

insert into workshop_module (code, ordinal, title, theme, hours, audience) values
    ('HALSOFRAMJANDE-LEDARSKAP', 4, 'Hälsofrämjande ledarskap', 'Health-promoting leadership: the salutogenic manager', 6.0, 'MANAGERS'),
    ('HANDLEDNING', 5, 'Handledning för chefer', 'Supervision: managers reflect on leading with KASAM', 2.0, 'MANAGERS');
update workshop_module set follows = 'GOD-ARBETSMILJO' where code = 'HALSA-ORK';
update workshop_module set follows = 'HALSA-ORK' where code = 'ARBETSPLATSER-SOM-LYCKAS';
update workshop_module set follows = 'HALSOFRAMJANDE-LEDARSKAP' where code = 'HANDLEDNING';

create table session (
    id          uuid primary key,
    module_code text             not null references workshop_module (code),
    starts_at   timestamptz      not null,
    ends_at     timestamptz      not null,
    place_name  text             not null,
    latitude    double precision check (latitude between -90 and 90),
    longitude   double precision check (longitude between -180 and 180),
    capacity    integer          not null check (capacity > 0),
    status      text             not null check (status in ('PLANNED', 'CANCELLED', 'HELD')),
    version     integer          not null,
    created_at  timestamptz      not null,
    updated_at  timestamptz      not null,
    check (ends_at > starts_at)
);
create index session_module_idx on session (module_code, starts_at);
create index session_time_idx on session (starts_at, ends_at);

create table session_facilitator (
    session_id      uuid not null references session (id),
    employee_number text not null,
    primary key (session_id, employee_number)
);
create index session_facilitator_employee_idx on session_facilitator (employee_number);

-- The order of arrival at a session: a waitlist is served in it.
create sequence booking_arrival;

create table booking (
    id              uuid primary key,
    session_id      uuid        not null references session (id),
    module_code     text        not null references workshop_module (code),
    employee_number text        not null,
    unit_code       text        not null,
    status          text        not null check (status in ('BOOKED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'ABSENT')),
    arrival         bigint      not null,
    booked_by       text        not null,
    hours           numeric(5, 2),
    cancel_reason   text,
    version         integer     not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
-- One booking per module per employee (a cancelled one or an absence may be booked again).
create unique index booking_one_per_module on booking (employee_number, module_code)
    where status in ('BOOKED', 'WAITLISTED', 'ATTENDED');
create index booking_session_idx on booking (session_id, status, arrival);
create index booking_employee_idx on booking (employee_number);

create table trio_meeting (
    id            uuid primary key,
    trio_group_id bigint      not null,
    met_on        date        not null,
    minutes       integer     not null check (minutes > 0 and minutes <= 600),
    present       text[]      not null,
    recorded_by   text        not null,
    recorded_at   timestamptz not null
);
create index trio_meeting_group_idx on trio_meeting (trio_group_id, met_on);

create table workplace_activity (
    id          uuid primary key,
    unit_code   text        not null,
    kind        text        not null check (kind in ('WORKPLACE_MEETING', 'DEVELOPMENT_TALK')),
    theme       text        not null,
    held_on     date        not null,
    minutes     integer     not null check (minutes > 0 and minutes <= 600),
    attendees   text[]      not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index workplace_activity_unit_idx on workplace_activity (unit_code, held_on);

-- Participant hours as a ledger: every attendance, meeting and activity adds lines, a correction adds a line that
-- takes back (negative hours) or adds; nothing is updated. A month's ESF export is the lines recorded up to the
-- moment it was first exported, so it is reproducible; lines recorded later are its corrections. The employee's
-- gender, unit and occupation are kept as they were when the line was recorded.
create table hour_entry (
    id              bigserial primary key,
    employee_number text          not null,
    legal_gender    text          not null,
    unit_code       text          not null,
    occupation      text,
    activity        text          not null,
    source_id       uuid          not null,
    activity_date   date          not null,
    hours           numeric(6, 2) not null,
    recorded_at     timestamptz   not null
);
create index hour_entry_date_idx on hour_entry (activity_date, recorded_at);
create index hour_entry_source_idx on hour_entry (source_id, employee_number);

-- A month once exported: its cut-off, and the hourly costs it was valued with (so it is valued the same ever after).
create table esf_export (
    month        date primary key check (extract(day from month) = 1),
    exported_at  timestamptz not null,
    exported_by  text        not null,
    hourly_costs jsonb       not null
);

-- The hourly wage cost counted as co-financing, per year and occupation ('*': any occupation without its own).
create table hourly_cost (
    year       integer       not null check (year between 2000 and 2100),
    occupation text          not null,
    sek        numeric(8, 2) not null check (sek >= 0),
    primary key (year, occupation)
);

-- Days an employee cannot attend (the planner keeps them free).
create table unavailable_day (
    employee_number text not null,
    day             date not null,
    primary key (employee_number, day)
);

-- Booking plans the planner proposes: solved in the background, the best so far readable while it runs, accepted
-- by the project lead (its bookings are then made, each re-checked).
create table booking_plan (
    id                 uuid primary key,
    status             text        not null check (status in ('SOLVING', 'DONE', 'ACCEPTED', 'FAILED')),
    score              text,
    parties            integer     not null,
    proposal           jsonb,
    first_feasible_ms  bigint,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
