//! The needs' names, explanations and search words, read from every
//! interface language's file.
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// Every file under `app/locales`, with its language code (from build.rs).
const LOCALE_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/locale_files.rs"));

/// A need as one language says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedText {
    pub lang: &'static str,
    pub name: String,
    pub about: String,
    /// Comma-separated words and phrases people search for it with.
    pub words: String,
}

fn files() -> &'static [(&'static str, Map<String, Value>)] {
    static FILES: OnceLock<Vec<(&'static str, Map<String, Value>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        LOCALE_FILES
            .iter()
            .filter_map(|(lang, text)| Some((*lang, serde_json::from_str(text).ok()?)))
            .collect()
    })
}

/// How every language names and explains the need `key` (languages whose
/// file lacks its name are left out; `locale::files` tests that none does).
pub fn texts(key: &str) -> Vec<NeedText> {
    let read = |file: &Map<String, Value>, k: String| {
        file.get(&k).and_then(Value::as_str).unwrap_or_default().to_string()
    };
    files()
        .iter()
        .filter_map(|(lang, file)| {
            let name = read(file, format!("need_{key}"));
            (!name.is_empty()).then(|| NeedText {
                lang,
                about: read(file, format!("need_{key}_about")),
                words: read(file, format!("need_{key}_words")),
                name,
            })
        })
        .collect()
}

/// Every need with its name in every language, in the order offered.
pub fn labels() -> Vec<super::NeedLabel> {
    super::all()
        .iter()
        .map(|n| super::NeedLabel {
            key: n.key.clone(),
            names: texts(&n.key).into_iter().map(|t| (t.lang.to_string(), t.name)).collect(),
        })
        .collect()
}

/// Everything the search index holds for a need: its name, explanation and
/// words in every language.
pub fn search_text(key: &str) -> Vec<String> {
    texts(key).into_iter().map(|t| format!("{}. {}. {}", t.name, t.about, t.words)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_taxonomy_parses_and_keys_are_unique() {
        let parsed: Vec<super::super::Need> =
            serde_json::from_str(include_str!("../../needs.json")).expect("needs.json");
        assert!(parsed.len() >= 15, "{} needs", parsed.len());
        let mut keys: Vec<&str> = parsed.iter().map(|n| n.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), parsed.len(), "a key twice");
        assert_eq!(super::super::all(), parsed.as_slice());
    }

    #[test]
    fn every_language_names_explains_and_gives_words_for_every_need() {
        assert!(files().len() >= 7, "{} locale files", files().len());
        for need in super::super::all() {
            let texts = texts(&need.key);
            let langs: Vec<&str> = texts.iter().map(|t| t.lang).collect();
            assert_eq!(texts.len(), files().len(), "{}: only {langs:?}", need.key);
            for t in &texts {
                assert!(!t.about.is_empty(), "{} has no explanation in {}", need.key, t.lang);
                assert!(
                    t.words.split(',').filter(|w| !w.trim().is_empty()).count() >= 5,
                    "{} has fewer than five search words in {}",
                    need.key,
                    t.lang
                );
            }
        }
    }
}
