-- What sickleave-service knows of employees: built from kasam.participants.employees, only the fields the
-- statistics need (no name, no e-mail).
create table employee (
    employee_number  text primary key,
    unit_code        text          not null,
    legal_gender     text          not null,
    birth_year       integer       not null,
    birth_date       date,
    employment_rate  numeric(5, 2) not null,
    full_time_hours  numeric(4, 2) not null,
    employment_type  text          not null,
    start_date       date          not null,
    end_date         date,
    source_version   integer       not null,
    updated_at       timestamptz   not null
);
create index employee_unit_idx on employee (unit_code);
