//! Which language of a listing's text to show, and what to tell the visitor
//! about it: a fallback to another language, the languages it exists in, and
//! a translation older than its source text.
//!
//! A listing's source text is its English one when it has English, else the
//! one in the city's language (else the first there is); every other text is
//! a translation of it, and "may be out of date" once the source changed
//! after it (each text keeps the time of its own last change).
#[cfg(feature = "ssr")]
pub use crate::values::ListingText;
pub use crate::values::{translations_from_json, translations_to_json, Translations};
use serde::{Deserialize, Serialize};

/// Languages an organisation can translate a listing's description into,
/// beside English and the city's language (the interface languages).
pub const TRANSLATION_LANGS: [&str; 6] = ["cs", "sk", "uk", "ru", "vi", "ar"];
/// Their form fields and review rows, in the same order.
pub const TRANSLATION_FIELDS: [&str; 6] = [
    "translation_cs",
    "translation_sk",
    "translation_uk",
    "translation_ru",
    "translation_vi",
    "translation_ar",
];

/// Form fields of a title's translations (`title_<lang>`), in the same order;
/// the city's language has the title itself, English `title_en`.
pub const TITLE_FIELDS: [&str; 6] =
    ["title_cs", "title_sk", "title_uk", "title_ru", "title_vi", "title_ar"];

/// `pick_title` over the translations as stored: they are read only when
/// the visitor does not read the city's language and there are some (lists
/// call this once per occurrence).
pub fn title_in(
    original: &str,
    english: &str,
    stored: &str,
    visitor: &str,
    local: &str,
) -> (String, String) {
    let titles = if visitor == local || stored == "{}" {
        Translations::new()
    } else {
        translations_from_json(stored)
    };
    pick_title(original, english, &titles, visitor, local)
}

/// A title to show and its language: the original for a visitor reading
/// the city's language, else the visitor's translation, else English, else
/// the original. The page marks a title not in the visitor's language.
pub fn pick_title(
    original: &str,
    english: &str,
    titles: &Translations,
    visitor: &str,
    local: &str,
) -> (String, String) {
    let own = titles.get(visitor).filter(|t| !t.trim().is_empty());
    match own {
        _ if visitor == local => (original.to_string(), local.to_string()),
        Some(t) => (t.clone(), visitor.to_string()),
        None if !english.trim().is_empty() => (english.to_string(), "en".to_string()),
        None => (original.to_string(), local.to_string()),
    }
}

/// A draft's descriptions as stored: English, the city's language, then
/// the translations (never a second text for English or the city's language).
pub fn descriptions(
    en: &Option<String>,
    local_text: &Option<String>,
    local: &str,
    translations: &std::collections::BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(t) = en {
        out.push(("en".to_string(), t.clone()));
    }
    if let Some(t) = local_text {
        out.push((local.to_string(), t.clone()));
    }
    for (lang, t) in translations {
        if lang != "en" && lang != local {
            out.push((lang.clone(), t.clone()));
        }
    }
    out
}

/// The translations among stored descriptions (not English, not local).
pub fn translations_of(
    descriptions: &[(String, String)],
    local: &str,
) -> std::collections::BTreeMap<String, String> {
    descriptions.iter().filter(|(l, _)| l != "en" && l != local).cloned().collect()
}

/// The text a page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShownText {
    pub lang: String,
    pub body: String,
    /// Not in the visitor's language: the page says so.
    pub fallback: bool,
    /// A translation made before its source text last changed.
    pub outdated: bool,
    /// Who translated it, when the listing says.
    pub translated_by: Option<String>,
    /// Every language the text exists in, source first.
    pub available: Vec<String>,
}

/// The language the other texts are translated from.
#[cfg(feature = "ssr")]
pub fn source_lang<'a>(texts: &'a [ListingText], local: &str) -> Option<&'a str> {
    ["en", local]
        .iter()
        .find_map(|want| texts.iter().find(|t| t.lang == *want))
        .or_else(|| texts.first())
        .map(|t| t.lang.as_str())
}

/// Whether `text` is a translation made before its source last changed.
#[cfg(feature = "ssr")]
pub fn is_outdated(text: &ListingText, texts: &[ListingText], local: &str) -> bool {
    let Some(source) = source_lang(texts, local) else {
        return false;
    };
    text.lang != source
        && texts.iter().find(|t| t.lang == source).is_some_and(|s| s.updated_at > text.updated_at)
}

/// The languages whose translation is older than the source text.
#[cfg(feature = "ssr")]
pub fn outdated_langs(texts: &[ListingText], local: &str) -> Vec<String> {
    texts.iter().filter(|t| is_outdated(t, texts, local)).map(|t| t.lang.clone()).collect()
}

/// The visitor's language if the text has it, else the source text, else the
/// city's language, else any.
#[cfg(feature = "ssr")]
pub fn show(texts: &[ListingText], visitor: &str, local: &str) -> Option<ShownText> {
    let source = source_lang(texts, local)?;
    let picked =
        [visitor, source, local].iter().find_map(|want| texts.iter().find(|t| t.lang == *want))?;
    let mut available: Vec<String> = texts.iter().map(|t| t.lang.clone()).collect();
    available.sort_by_key(|l| (l != source, l.clone()));
    Some(ShownText {
        lang: picked.lang.clone(),
        body: picked.body.clone(),
        fallback: picked.lang != visitor,
        outdated: is_outdated(picked, texts, local),
        translated_by: picked.translated_by.clone(),
        available,
    })
}

/// The description in `lang`, else English, else the city's language, else any.
pub fn pick_text<T: Clone>(texts: &[(String, T)], lang: &str, local: &str) -> Option<(String, T)> {
    [lang, "en", local]
        .iter()
        .find_map(|want| texts.iter().find(|(l, _)| l == want))
        .or_else(|| texts.first())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lang: &str, updated_at: &str) -> ListingText {
        ListingText {
            lang: lang.into(),
            body: format!("text in {lang}"),
            updated_at: crate::values::Timestamp::parse(updated_at)
                .unwrap_or_else(|| panic!("a time: {updated_at}")),
            translated_by: None,
        }
    }

    #[test]
    fn the_visitors_language_first_then_the_source_with_a_note() {
        let texts = vec![
            text("cs", "2026-01-02T00:00:00Z"),
            text("en", "2026-01-01T00:00:00Z"),
            text("uk", "2026-01-03T00:00:00Z"),
        ];
        let uk = show(&texts, "uk", "cs").unwrap_or_else(|| panic!("a text"));
        assert_eq!((uk.lang.as_str(), uk.fallback, uk.outdated), ("uk", false, false));
        assert_eq!(uk.available, vec!["en", "cs", "uk"]);
        let vi = show(&texts, "vi", "cs").unwrap_or_else(|| panic!("a text"));
        assert_eq!((vi.lang.as_str(), vi.fallback), ("en", true));
        // Without English, the city's language is the source.
        let czech_only = vec![text("cs", "2026-01-01T00:00:00Z")];
        let shown = show(&czech_only, "vi", "cs").unwrap_or_else(|| panic!("a text"));
        assert_eq!((shown.lang.as_str(), shown.fallback), ("cs", true));
        assert_eq!(show(&[], "en", "cs"), None);
    }

    #[test]
    fn a_title_in_the_visitors_language_else_english_else_the_original() {
        let mut titles = Translations::new();
        titles.insert("uk".into(), "Розмовний клуб".into());
        let pick = |visitor: &str, english: &str| {
            pick_title("Konverzační klub", english, &titles, visitor, "cs")
        };
        assert_eq!(pick("uk", "Conversation club"), ("Розмовний клуб".into(), "uk".into()));
        assert_eq!(pick("vi", "Conversation club"), ("Conversation club".into(), "en".into()));
        assert_eq!(pick("vi", ""), ("Konverzační klub".into(), "cs".into()));
        // The city's language always reads the original.
        assert_eq!(pick("cs", "Conversation club"), ("Konverzační klub".into(), "cs".into()));
        let stored = translations_to_json(&titles);
        assert_eq!(translations_from_json(&stored), titles);
        assert_eq!(translations_from_json("not json"), Translations::new());
        // As stored: read for another language, not for the city's.
        assert_eq!(
            title_in("Klub", "Club", r#"{"uk":"Клуб"}"#, "uk", "cs"),
            ("Клуб".into(), "uk".into())
        );
        assert_eq!(
            title_in("Klub", "Club", r#"{"cs":"x"}"#, "cs", "cs"),
            ("Klub".into(), "cs".into())
        );
    }

    #[test]
    fn a_translation_older_than_its_source_may_be_out_of_date() {
        let texts = vec![
            text("en", "2026-03-01T00:00:00Z"),
            text("uk", "2026-02-01T00:00:00Z"),
            text("vi", "2026-03-02T00:00:00Z"),
        ];
        let uk = show(&texts, "uk", "cs").unwrap_or_else(|| panic!("a text"));
        assert!(uk.outdated);
        let vi = show(&texts, "vi", "cs").unwrap_or_else(|| panic!("a text"));
        assert!(!vi.outdated);
        // The source itself is never out of date.
        assert!(!show(&texts, "en", "cs").is_some_and(|t| t.outdated));
        assert_eq!(outdated_langs(&texts, "cs"), vec!["uk"]);
    }
}
