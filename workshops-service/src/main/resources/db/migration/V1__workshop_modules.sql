-- The three workshop modules every employee attends (Kasam 2.0, Strömsunds kommun).
create table workshop_module (
    code        text primary key,
    ordinal     integer not null unique,
    title       text    not null,
    theme       text    not null,
    hours       numeric(3, 1) not null check (hours > 0)
);

insert into workshop_module (code, ordinal, title, theme, hours) values
    ('GOD-ARBETSMILJO', 1, 'Vad är en god arbetsmiljö?', 'Begriplighet: what makes a workplace good, and what each of us adds', 3.0),
    ('HALSA-ORK', 2, 'Hälsan och orken i vardagslivet', 'Hanterbarhet: health and energy in everyday life and work', 3.0),
    ('ARBETSPLATSER-SOM-LYCKAS', 3, 'Arbetsplatser som lyckas', 'Meningsfullhet: workplaces that succeed together', 3.0);
