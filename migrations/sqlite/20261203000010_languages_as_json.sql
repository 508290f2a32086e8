-- Language lists become JSON arrays of codes (`["uk","en"]`) instead of
-- comma-wrapped text (",uk,en,"): every reader decodes one representation
-- and no filter matches part of a code. An empty list is `[]`; rows that
-- never had languages keep the column's default (empty text), which reads
-- as an empty list. Keep in step with the other database's migrations.
UPDATE places SET languages = CASE
    WHEN trim(languages, ',') = '' THEN '[]'
    ELSE '["' || replace(trim(languages, ','), ',', '","') || '"]'
END
WHERE languages <> '' AND languages NOT LIKE '[%';
UPDATE events SET languages = CASE
    WHEN trim(languages, ',') = '' THEN '[]'
    ELSE '["' || replace(trim(languages, ','), ',', '","') || '"]'
END
WHERE languages <> '' AND languages NOT LIKE '[%';
UPDATE opportunities SET languages = CASE
    WHEN trim(languages, ',') = '' THEN '[]'
    ELSE '["' || replace(trim(languages, ','), ',', '","') || '"]'
END
WHERE languages <> '' AND languages NOT LIKE '[%';
UPDATE organisations SET profile_languages = CASE
    WHEN trim(profile_languages, ',') = '' THEN '[]'
    ELSE '["' || replace(trim(profile_languages, ','), ',', '","') || '"]'
END
WHERE profile_languages <> '' AND profile_languages NOT LIKE '[%';
