-- The monthly facts summed per employee, calendar year and unit: a report over whole years reads one row per
-- employee and year instead of twelve. Written with the monthly facts, from them.
create table employee_year (
    employee_number text    not null,
    year            integer not null,
    unit_code       text    not null,
    legal_gender    text    not null,
    ordinary_0      float8  not null,
    ordinary_1      float8  not null,
    ordinary_2      float8  not null,
    sick_0          float8  not null,
    sick_1          float8  not null,
    sick_2          float8  not null,
    long_term       float8  not null,
    primary key (employee_number, year, unit_code)
);
create index employee_year_year_idx on employee_year (year, unit_code);

insert into employee_year
select employee_number, extract(year from month)::integer, unit_code, legal_gender,
       sum(ordinary_0), sum(ordinary_1), sum(ordinary_2), sum(sick_0), sum(sick_1), sum(sick_2), sum(long_term)
from employee_month
group by employee_number, extract(year from month), unit_code, legal_gender;
