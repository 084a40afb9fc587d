-- The organisation as participants-service publishes it: the tree, for unit subtrees, and the managers, for access.
create table unit (
    code           text primary key,
    parent_code    text,
    managers       text[]      not null default '{}',
    deleted        boolean     not null default false,
    source_version integer     not null,
    updated_at     timestamptz not null
);
create index unit_parent_idx on unit (parent_code);

-- What the statistics need of an employee over time: the values that held from valid_from on. The first known
-- state holds from 1900-01-01 (from the start); a later change from the day its event was published (participants-service sends
-- state, not effective dates).
create table employee_history (
    employee_number text          not null,
    valid_from      date          not null,
    unit_code       text          not null,
    employment_rate numeric(5, 2) not null,
    full_time_hours numeric(4, 2) not null,
    primary key (employee_number, valid_from)
);
insert into employee_history (employee_number, valid_from, unit_code, employment_rate, full_time_hours)
select employee_number, date '1900-01-01', unit_code, employment_rate, full_time_hours from employee;

-- Absence spells from HR/payroll. A spell for an employee not (yet) known is kept: events come in any order.
create table spell (
    spell_id           text primary key,
    employee_number    text        not null,
    kind               text        not null,
    first_day          date        not null,
    last_day           date,
    expected_long_term boolean     not null,
    version            integer     not null,
    updated_at         timestamptz not null,
    updated_by         text        not null
);
create index spell_employee_idx on spell (employee_number, first_day);
create index spell_open_idx on spell (employee_number) where last_day is null;

-- The extent of a spell over its days: contiguous periods covering the spell. Written only together with their
-- spell (no per-row foreign-key check: a batch of a million spells writes them with COPY).
create table spell_period (
    spell_id  text     not null,
    first_day date     not null,
    last_day  date,
    extent    smallint not null,
    primary key (spell_id, first_day)
);

-- Pre-aggregated facts, kept exact in the same transaction as every change of an employee or a spell: per employee,
-- month and unit, the ordinary and sick hours by age band (0: 29 or younger, 1: 30-49, 2: 50 or older, as on the
-- day the hours fall) and the hours of spells of 60 days or more.
create table employee_month (
    employee_number text    not null,
    month           date    not null,
    unit_code       text    not null,
    legal_gender    text    not null,
    ordinary_0      float8  not null,
    ordinary_1      float8  not null,
    ordinary_2      float8  not null,
    sick_0          float8  not null,
    sick_1          float8  not null,
    sick_2          float8  not null,
    long_term       float8  not null,
    primary key (employee_number, month, unit_code)
);
create index employee_month_month_idx on employee_month (month, unit_code);

-- Every read of an individual's absence data.
create table audit_entry (
    id              bigserial primary key,
    at              timestamptz not null,
    actor           text        not null,
    actor_employee  text,
    employee_number text        not null,
    endpoint        text        not null
);
create index audit_entry_employee_idx on audit_entry (employee_number, at);
create index audit_entry_at_idx on audit_entry (at);

-- Follow-up signals: the kind and its dates, no other health detail.
create table follow_up (
    id              uuid primary key,
    employee_number text        not null,
    kind            text        not null,
    due_on          date        not null,
    spell_id        text,
    window_start    date,
    created_at      timestamptz not null,
    unique (employee_number, kind, due_on)
);
create index follow_up_employee_idx on follow_up (employee_number);

-- Retention: months whose individual facts were purged, and their figures, kept per scope (the whole municipality
-- '*', a unit's subtree 'S:<code>', a unit's own staff 'O:<code>') and legal gender, for each month and each whole
-- year, so the statutory figures of closed years stay reproducible without anyone's spells.
create table archived_month (
    month       date primary key,
    archived_at timestamptz not null
);
create table archived_figure (
    first_month  date    not null,
    last_month   date    not null,
    scope        text    not null,
    legal_gender text    not null,
    heads        integer not null,
    sick_heads   integer not null,
    long_heads   integer not null,
    heads_0      integer not null,
    heads_1      integer not null,
    heads_2      integer not null,
    sick_heads_0 integer not null,
    sick_heads_1 integer not null,
    sick_heads_2 integer not null,
    ordinary_0   float8  not null,
    ordinary_1   float8  not null,
    ordinary_2   float8  not null,
    sick_0       float8  not null,
    sick_1       float8  not null,
    sick_2       float8  not null,
    long_term    float8  not null,
    primary key (scope, first_month, last_month, legal_gender)
);

-- Employees whose facts are to be recomputed (marked by the employee-event consumer, drained in bulk).
create table fact_refresh (
    employee_number text primary key
);
