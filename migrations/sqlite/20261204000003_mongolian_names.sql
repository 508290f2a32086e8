-- Mongolian is an interface language: the demo cities' and the categories'
-- names in it (what the Mongolian pages show instead of the English ones).
INSERT INTO city_names (city, lang, name)
SELECT c.slug, 'mn', n.column2
FROM cities c
JOIN (VALUES
    ('prague', 'Прага'),
    ('kosice', 'Кошице')
) AS n ON n.column1 = c.slug;

INSERT INTO category_names (category, lang, name)
SELECT c.key, 'mn', n.column2
FROM categories c
JOIN (VALUES
    ('city_hall', 'Хот, дүүргийн захиргаа'),
    ('city_walk', 'Хотоор алхах аялал'),
    ('community_club', 'Нийгэмлэг, цөөнхийн клуб'),
    ('community_lunch', 'Хамтын хоол'),
    ('conversation_club', 'Ярианы клуб'),
    ('culture', 'Соёл'),
    ('embassy_consulate', 'Элчин сайдын яам, консулын газар'),
    ('festival', 'Наадам, фестиваль'),
    ('foreigners_office', 'Гадаадын иргэдийн алба'),
    ('health', 'Эрүүл мэнд'),
    ('integration_centre', 'Интеграцийн төв'),
    ('language_course', 'Хэлний курс'),
    ('language_school', 'Хэлний сургууль'),
    ('legal_help', 'Хуулийн туслалцаа'),
    ('library_community_centre', 'Номын сан, олон нийтийн төв'),
    ('ngo', 'ТББ, зөвлөгөө'),
    ('open_day', 'Нээлттэй өдөр'),
    ('schools_children', 'Сургууль, хүүхэд'),
    ('sport', 'Спорт'),
    ('support', 'Тусламж, зөвлөгөө'),
    ('talk', 'Илтгэл, хэлэлцүүлэг'),
    ('work', 'Ажил, хөдөлмөр эрхлэлт')
) AS n ON n.column1 = c.key;
