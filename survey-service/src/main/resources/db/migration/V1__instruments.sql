-- Survey instruments: structure and scoring only. SOC-13 item texts are copyrighted (Antonovsky family) and are
-- never shipped: a deployment loads licensed texts as data. HME (SKR) is free for municipalities.
create table instrument (
    code        text primary key,
    name        text    not null,
    scale_min   integer not null,
    scale_max   integer not null check (scale_max > scale_min),
    source      text    not null
);

create table instrument_item (
    instrument_code text    not null references instrument (code),
    item_no         integer not null,
    subscale        text    not null,
    reversed        boolean not null,
    text            text,
    primary key (instrument_code, item_no)
);

insert into instrument (code, name, scale_min, scale_max, source) values
    ('SOC-13', 'Sense of Coherence, short form (Antonovsky)', 1, 7,
     'Subscales and reversed items: Stern et al. 2019, Zdr Varst 58(1). Item texts licensed separately.'),
    ('HME', 'Hållbart medarbetarengagemang (SKR)', 1, 5,
     'SKR; Kolada U00200 (total index), U00201 (motivation). Styrning wording unconfirmed.');

insert into instrument_item (instrument_code, item_no, subscale, reversed, text) values
    ('SOC-13', 1, 'MEANINGFULNESS', true, null),
    ('SOC-13', 2, 'COMPREHENSIBILITY', true, null),
    ('SOC-13', 3, 'MANAGEABILITY', true, null),
    ('SOC-13', 4, 'MEANINGFULNESS', false, null),
    ('SOC-13', 5, 'MANAGEABILITY', false, null),
    ('SOC-13', 6, 'COMPREHENSIBILITY', false, null),
    ('SOC-13', 7, 'MEANINGFULNESS', true, null),
    ('SOC-13', 8, 'COMPREHENSIBILITY', false, null),
    ('SOC-13', 9, 'COMPREHENSIBILITY', false, null),
    ('SOC-13', 10, 'MANAGEABILITY', true, null),
    ('SOC-13', 11, 'COMPREHENSIBILITY', false, null),
    ('SOC-13', 12, 'MEANINGFULNESS', false, null),
    ('SOC-13', 13, 'MANAGEABILITY', false, null),
    ('HME', 1, 'MOTIVATION', false, 'Mitt arbete känns meningsfullt.'),
    ('HME', 2, 'MOTIVATION', false, 'Jag lär nytt och utvecklas i mitt dagliga arbete.'),
    ('HME', 3, 'MOTIVATION', false, 'Jag ser fram emot att gå till arbetet.'),
    ('HME', 4, 'LEDARSKAP', false, 'Min närmaste chef visar uppskattning för mina arbetsinsatser.'),
    ('HME', 5, 'LEDARSKAP', false, 'Min närmaste chef visar förtroende för mig som medarbetare.'),
    ('HME', 6, 'LEDARSKAP', false, 'Min närmaste chef ger mig förutsättningar att ta ansvar i mitt arbete.'),
    ('HME', 7, 'STYRNING', false, 'Jag är insatt i min arbetsplats mål.'),
    ('HME', 8, 'STYRNING', false, 'Jag förstår vad som förväntas av mig i mitt arbete.'),
    ('HME', 9, 'STYRNING', false, 'Min arbetsplats mål följs upp och utvärderas på ett bra sätt.');
