-- Instruments become data: each version is one JSON definition (items, subscales, scoring), immutable once a
-- round uses it. The built-ins (SOC-13 structure only, HME, the platform's own items) are loaded at startup.
drop table instrument_item;
drop table instrument;

create table instrument (
    code       text        not null,
    version    integer     not null,
    revision   integer     not null,
    definition jsonb       not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (code, version)
);

-- What survey-service knows of employees and units, from participants-service's state events: only what the
-- population and the breakdowns need (no name, no e-mail).
create table employee (
    employee_number text primary key,
    unit_code       text        not null,
    legal_gender    text        not null,
    birth_year      integer     not null,
    birth_date      date,
    start_date      date        not null,
    end_date        date,
    source_version  integer     not null,
    updated_at      timestamptz not null
);
create index employee_unit_idx on employee (unit_code);

create table unit (
    code           text primary key,
    parent_code    text,
    managers       text[]      not null,
    deleted        boolean     not null,
    source_version integer     not null,
    updated_at     timestamptz not null
);

create table survey_round (
    id          uuid primary key,
    name        text        not null,
    status      text        not null check (status in ('PLANNED', 'OPEN', 'CLOSED')),
    opens_at    timestamptz not null,
    closes_at   timestamptz not null check (closes_at > opens_at),
    unit_codes  text[]      not null,
    version     integer     not null,
    created_at  timestamptz not null,
    opened_at   timestamptz,
    closed_at   timestamptz,
    invited     integer,
    answered    integer,
    close_seconds double precision
);

create table round_instrument (
    round_id           uuid    not null references survey_round (id),
    position           integer not null,
    instrument_code    text    not null,
    instrument_version integer not null,
    primary key (round_id, instrument_code),
    foreign key (instrument_code, instrument_version) references instrument (code, version)
);

-- The unit tree as it was when the round opened: its breakdowns and generalisation hold to it.
create table round_unit (
    round_id    uuid not null references survey_round (id),
    code        text not null,
    parent_code text,
    primary key (round_id, code)
);

-- The population, frozen at open with the demographics the breakdowns need. An invitation records only that it
-- was answered: no time, nothing of the response.
create table invitation (
    id              uuid primary key,
    round_id        uuid    not null references survey_round (id),
    employee_number text    not null,
    unit_code       text    not null,
    legal_gender    text    not null,
    age_band        text    not null,
    answered        boolean not null,
    unique (round_id, employee_number)
);
create index invitation_employee_idx on invitation (employee_number);

-- How each invitee's demographics are stored with a response: generalised (unit up the tree, then age dropped,
-- then gender) until at least the threshold's number of invitees share the stored tuple.
create table round_class (
    round_id     uuid    not null references survey_round (id),
    unit_code    text    not null,
    legal_gender text    not null,
    age_band     text    not null,
    class_unit   text    not null,
    class_gender text,
    class_band   text,
    primary key (round_id, unit_code, legal_gender, age_band)
);

-- A draft is the invitee's until they submit it; then it is deleted.
create table draft (
    invitation_id uuid primary key references invitation (id) on delete cascade,
    answers       jsonb       not null,
    saved_at      timestamptz not null
);

-- Submitted, not yet mixed: written in the submit's transaction, moved into response in shuffled batches of at
-- least the threshold's number, so no response shares a transaction, an order or a time with its invitation.
create table response_pending (
    id           uuid primary key,
    round_id     uuid  not null references survey_round (id),
    submitted_on date  not null,
    pseudonym    text  not null,
    unit_code    text  not null,
    legal_gender text,
    age_band     text,
    answers      jsonb not null,
    unique (round_id, pseudonym)
);

-- Anonymous responses: a random id, the day only, the pseudonym (HMAC of the employee number with a secret this
-- database does not hold) and the generalised demographics.
create table response (
    id           uuid primary key,
    round_id     uuid not null references survey_round (id),
    submitted_on date not null,
    pseudonym    text not null,
    unit_code    text not null,
    legal_gender text,
    age_band     text,
    unique (round_id, pseudonym)
);

create table response_answer (
    response_id     uuid    not null references response (id) on delete cascade,
    instrument_code text    not null,
    item_id         text    not null,
    value           integer not null,
    primary key (response_id, instrument_code, item_id)
);

-- Each response's scores: the total and each subscale, with how many items they were made of.
create table response_score (
    response_id     uuid    not null references response (id) on delete cascade,
    instrument_code text    not null,
    measure         text    not null,
    value           double precision,
    answered        integer not null,
    items           integer not null,
    primary key (response_id, instrument_code, measure)
);

-- Free text is kept apart from the response it came with: no link, only the generalised unit; the group it may be
-- shown in (at least the free-text threshold of respondents) is set when the round closes.
create table free_text (
    id              uuid primary key,
    round_id        uuid not null references survey_round (id),
    instrument_code text not null,
    item_id         text not null,
    unit_code       text not null,
    text            text not null,
    group_unit      text
);

-- A closed round's protected publication: every cell a report can show, its figures only where it is shown.
create table report_cell (
    round_id        uuid not null references survey_round (id),
    instrument_code text not null,
    row_key         text not null,
    grp             text not null,
    respondents     integer,
    reason          text,
    figures         jsonb,
    primary key (round_id, instrument_code, row_key, grp)
);

-- The paired comparison of two closed rounds, protected once over every cell it can show.
create table comparison (
    baseline_id  uuid        not null references survey_round (id),
    follow_up_id uuid        not null references survey_round (id),
    computed_at  timestamptz not null,
    cells        jsonb       not null,
    primary key (baseline_id, follow_up_id)
);
