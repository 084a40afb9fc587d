-- A monthly series of the key figures straight from the raw spells and the employee table.
with m as (
    select d::date as first, (d + interval '1 month - 1 day')::date as last
    from generate_series(:'from'::date, :'to'::date, interval '1 month') d),
e as (
    select employee_number, legal_gender, birth_year, employment_rate / 100.0 * full_time_hours / 7 as daily,
           start_date, coalesce(end_date, date '9999-12-31') as end_date
    from employee where (:'units' = '' or unit_code = any(string_to_array(:'units', ',')))),
o as (
    select m.first as month, e.employee_number, e.legal_gender,
           case when extract(year from m.first) - e.birth_year <= 29 then 0
                when extract(year from m.first) - e.birth_year <= 49 then 1 else 2 end as band,
           e.daily, e.daily * (least(e.end_date, m.last) - greatest(e.start_date, m.first) + 1) as ordinary
    from e join m on e.start_date <= m.last and e.end_date >= m.first),
s as (
    select m.first as month, sp.employee_number, (coalesce(sp.last_day, current_date) - sp.first_day + 1) >= 60 as long_term,
           (least(coalesce(p.last_day, current_date), m.last) - greatest(p.first_day, m.first) + 1) * p.extent / 100.0 as days
    from spell sp join spell_period p on p.spell_id = sp.spell_id
         join m on p.first_day <= m.last and coalesce(p.last_day, current_date) >= m.first
    where sp.kind = 'SICK_LEAVE'),
per as (
    select o.month, o.employee_number, o.legal_gender, o.band, o.ordinary,
           o.daily * coalesce(sum(s.days), 0) as sick, o.daily * coalesce(sum(s.days) filter (where s.long_term), 0) as long_term
    from o left join s on s.month = o.month and s.employee_number = o.employee_number
    group by o.month, o.employee_number, o.legal_gender, o.band, o.daily, o.ordinary)
select month, legal_gender, band, count(*) as employees, round((100 * sum(sick) / sum(ordinary))::numeric, 2) as rate,
       round((100 * sum(long_term) / nullif(sum(sick), 0))::numeric, 2) as long_term_share
from per group by grouping sets ((month), (month, legal_gender), (month, band)) order by 1;
