-- Organisation units: a tree keyed by the HR code.
create table unit (
    code        text primary key,
    name        text        not null,
    parent_code text references unit (code),
    version     integer     not null,
    updated_at  timestamptz not null
);
create index unit_parent_idx on unit (parent_code);

-- The employee numbers of a unit's managers (HR's word for who manages it).
create table unit_manager (
    unit_code       text not null references unit (code) on delete cascade,
    employee_number text not null,
    primary key (unit_code, employee_number)
);

-- Employees as HR knows them. Never a personnummer: birth year or date and legal gender only.
create table employee (
    employee_number  text primary key,
    name             text          not null,
    email            text,
    legal_gender     text          not null check (legal_gender in ('FEMALE', 'MALE')),
    birth_year       integer       not null,
    birth_date       date,
    unit_code        text          not null references unit (code),
    occupation       text,
    employment_rate  numeric(5, 2) not null check (employment_rate > 0 and employment_rate <= 100),
    full_time_hours  numeric(4, 2) not null check (full_time_hours > 0 and full_time_hours <= 60),
    employment_type  text          not null,
    start_date       date          not null,
    end_date         date,
    version          integer       not null,
    updated_at       timestamptz   not null
);
create index employee_unit_idx on employee (unit_code);
