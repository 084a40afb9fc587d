-- The seven key figures straight from the raw spells and the employee table (no pre-aggregated facts), the way a
-- report writer would: ordinary hours per employee over the period, sick days per spell period in the period.
-- :from and :to are psql variables (first and last day); :units, the unit codes counted ('' = everyone).
with e as (
    select employee_number, legal_gender, birth_year, employment_rate / 100.0 * full_time_hours / 7 as daily,
           greatest(start_date, :'from'::date) as f, least(coalesce(end_date, :'to'::date), :'to'::date) as t
    from employee
    where start_date <= :'to'::date and coalesce(end_date, :'to'::date) >= :'from'::date
      and (:'units' = '' or unit_code = any(string_to_array(:'units', ',')))),
s as (
    select sp.employee_number, (coalesce(sp.last_day, current_date) - sp.first_day + 1) >= 60 as long_term,
           (least(coalesce(p.last_day, current_date), :'to'::date) - greatest(p.first_day, :'from'::date) + 1)
               * p.extent / 100.0 as days
    from spell sp join spell_period p on p.spell_id = sp.spell_id
    where sp.kind = 'SICK_LEAVE' and p.first_day <= :'to'::date and coalesce(p.last_day, current_date) >= :'from'::date),
per as (
    select e.employee_number, e.legal_gender,
           case when extract(year from :'to'::date) - e.birth_year <= 29 then 0
                when extract(year from :'to'::date) - e.birth_year <= 49 then 1 else 2 end as band,
           e.daily * (e.t - e.f + 1) as ordinary,
           e.daily * coalesce(sum(s.days), 0) as sick,
           e.daily * coalesce(sum(s.days) filter (where s.long_term), 0) as long_term
    from e left join s on s.employee_number = e.employee_number
    group by e.employee_number, e.legal_gender, e.birth_year, e.daily, e.f, e.t)
select legal_gender, band, count(*) as employees, round((100 * sum(sick) / sum(ordinary))::numeric, 2) as rate,
       round((100 * sum(long_term) / nullif(sum(sick), 0))::numeric, 2) as long_term_share
from per group by grouping sets ((), (legal_gender), (band));
