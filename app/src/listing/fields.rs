//! The fields every kind's form shares, checked the same way for each: the
//! title and its translations, the descriptions and theirs, the languages,
//! the place it is held at, and small whole numbers. Each adds its problem
//! to the form's errors and returns what it could read.
use crate::forms::{required_text, FieldError, FieldErrors};
use crate::http::form_post::{optional_text, take, text, FormValues};
use crate::values::{Translations, LISTING_LANGUAGES};

/// The longest description, in characters.
pub const LONG_TEXT_MAX_CHARS: usize = 3000;

/// A title (`title`, required), its English form (`title_en`, the title if
/// left empty) and its translations (`title_<lang>`).
pub struct Titles {
    pub title: String,
    pub title_en: String,
    pub translations: Translations,
}

pub fn titles(v: &FormValues, local: &str, errors: &mut FieldErrors) -> Titles {
    let title =
        take(errors, "title", required_text(text(v, "title")).map(Some)).unwrap_or_default();
    let title_en = take(errors, "title_en", optional_text(text(v, "title_en"), 200));
    Titles {
        title_en: title_en.unwrap_or_else(|| title.clone()),
        title,
        translations: crate::http::form_post::title_translations(v, local, errors),
    }
}

/// The descriptions: English, the city's language, and the translations.
pub struct Descriptions {
    pub en: Option<String>,
    pub local: Option<String>,
    pub translations: Translations,
}

pub fn descriptions(v: &FormValues, local: &str, errors: &mut FieldErrors) -> Descriptions {
    let mut one = |field: &'static str| {
        take(errors, field, optional_text(text(v, field), LONG_TEXT_MAX_CHARS))
    };
    let (en, local_text) = (one("description_en"), one("description_local"));
    Descriptions {
        en,
        local: local_text,
        translations: crate::http::form_post::translations(v, local, LONG_TEXT_MAX_CHARS, errors),
    }
}

/// Codes split at commas, spaces, semicolons or line ends.
pub fn list(s: &str) -> Vec<String> {
    s.split([',', ' ', '\n', ';'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// The languages ticked (`languages`, one pair per box, joined with ',').
pub fn languages(v: &FormValues, errors: &mut FieldErrors) -> Vec<String> {
    let languages = list(text(v, "languages"));
    if languages.iter().any(|l| !LISTING_LANGUAGES.contains(&l.as_str())) {
        errors.insert("languages", FieldError::UnknownChoice);
    }
    languages
}

/// The needs ticked (`needs`, like `languages`), each a key of
/// `app/needs.json`.
pub fn needs(v: &FormValues, errors: &mut FieldErrors) -> Vec<String> {
    let mut needs = list(text(v, "needs"));
    if needs.iter().any(|n| crate::needs::find(n).is_none()) {
        errors.insert("needs", FieldError::UnknownChoice);
    }
    // In the order the database reads them back, so the same needs ticked
    // in another order are no change.
    needs.sort();
    needs.dedup();
    needs
}

/// The place chosen (`place`, an id) among `places` (id, name): None when
/// none is chosen, an error when the id is not among them.
pub fn place(
    v: &FormValues,
    places: &[(i64, String)],
) -> Result<Option<(i64, String)>, FieldError> {
    match text(v, "place") {
        "" => Ok(None),
        p => p
            .parse::<i64>()
            .ok()
            .and_then(|id| places.iter().find(|(pid, _)| *pid == id).cloned())
            .map(Some)
            .ok_or(FieldError::UnknownChoice),
    }
}

/// An optional whole number within `range`.
pub fn number(
    v: &FormValues,
    field: &'static str,
    range: std::ops::RangeInclusive<i64>,
    errors: &mut FieldErrors,
) -> Option<i64> {
    match text(v, field) {
        "" => None,
        n => match n.parse::<i64>() {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                errors.insert(field, FieldError::InvalidNumber);
                None
            }
        },
    }
}
