-- Cities are data: a city's names in the interface languages and its
-- address lookup are rows, so `welcome-kit add-city` adds a city without
-- code. A name is stored where it differs from the default (the local name
-- for readers of the local language, the English name for everyone else).
CREATE TABLE city_names (
    city TEXT NOT NULL REFERENCES cities(slug),
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (city, lang)
);

ALTER TABLE cities ADD COLUMN address_lookup TEXT;
UPDATE cities SET address_lookup = 'ruian' WHERE slug = 'prague';

INSERT INTO city_names (city, lang, name)
SELECT c.slug, n.lang, n.name
FROM cities c
JOIN (VALUES
    ('prague', 'sk', 'Praha'),
    ('prague', 'uk', 'Прага'),
    ('prague', 'ru', 'Прага'),
    ('prague', 'vi', 'Praha'),
    ('prague', 'ar', 'براغ'),
    ('kosice', 'uk', 'Кошиці'),
    ('kosice', 'ru', 'Кошице'),
    ('kosice', 'ar', 'كوشيتسه')
) AS n (city, lang, name) ON n.city = c.slug;
