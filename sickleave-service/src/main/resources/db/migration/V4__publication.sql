-- The protected publication: every figure of a year the statistics can show, with its pattern of suppression,
-- computed for the whole year at once off the request path and answered from here.

-- Bumped whenever a year's facts (or the unit tree) change; a year whose publication is older is recomputed.
create table publication_year (
    year          integer primary key,
    facts_version bigint not null
);

-- The publication now answered from, per year.
create table publication (
    year          integer primary key,
    facts_version bigint      not null,
    computed_at   timestamptz not null,
    cells         integer     not null,
    hidden        integer     not null,
    millis        bigint      not null
);

-- unit_row: '*' everyone, 'S:code' a unit's subtree, 'O:code' its own staff; period: 'Y', 'M01'..'M12', 'Q1'..'Q4';
-- figure: TOTAL, WOMEN, MEN, AGE_*; reason null when shown. long_term and long_reason belong to TOTAL.
create table published_cell (
    year        integer not null,
    unit_row    text    not null,
    figure      text    not null,
    period      text    not null,
    heads       integer not null,
    ordinary    float8  not null,
    sick        float8  not null,
    long_term   float8  not null,
    reason      text,
    long_reason text,
    primary key (year, unit_row, figure, period)
);

-- the years that already have facts are to be published
insert into publication_year (year, facts_version)
select distinct extract(year from month)::integer, 1 from employee_month;
