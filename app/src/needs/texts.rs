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

/// What a page tells of the need `key`; None for an unknown key.
pub fn note(key: &str) -> Option<super::NeedNote> {
    let need = super::find(key)?;
    Some(super::NeedNote {
        key: need.key.clone(),
        texts: texts(key).into_iter().map(|t| (t.lang.to_string(), t.about)).collect(),
        call: need.call.clone(),
    })
}

/// Everything the search index holds for a need: its name, explanation and
/// words in every language.
pub fn search_text(key: &str) -> Vec<String> {
    texts(key).into_iter().map(|t| format!("{}. {}. {}", t.name, t.about, t.words)).collect()
}

/// The needs whose words in any language a query shares, best first: what
/// to offer when a search finds no place. A query word counts when a need's
/// word starts with it or it starts with the need's word (3 letters at least),
/// so inflected and half-typed words count too. Each with how many of the
/// query's words it shares.
pub fn matching_scored(query: &str) -> Vec<(usize, String)> {
    let words: Vec<String> =
        crate::search::terms(query).into_iter().filter(|w| w.chars().count() >= 3).collect();
    // Each need's words, folded once: searches ask on every request.
    static WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let all_words = WORDS.get_or_init(|| {
        super::all()
            .iter()
            .map(|n| {
                let text = crate::search::normalize(&search_text(&n.key).join(" "));
                let mut theirs: Vec<String> =
                    text.split(' ').filter(|w| w.len() >= 3).map(str::to_string).collect();
                theirs.sort_unstable();
                theirs.dedup();
                theirs
            })
            .collect()
    });
    let mut scored: Vec<(usize, usize, String)> = super::all()
        .iter()
        .zip(all_words)
        .enumerate()
        .filter_map(|(rank, (n, theirs))| {
            let shared = words
                .iter()
                .filter(|w| theirs.iter().any(|t| t.starts_with(w.as_str()) || w.starts_with(t)))
                .count();
            (shared > 0).then(|| (shared, rank, n.key.clone()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(3).map(|(shared, _, key)| (shared, key)).collect()
}

/// The needs a query's words belong to, best first (at most three).
pub fn matching(query: &str) -> Vec<String> {
    matching_scored(query).into_iter().map(|(_, key)| key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_that_names_a_need_is_offered_it() {
        // Words from the need files, in two scripts and inflected.
        assert!(matching("psychoterapie").contains(&"mental_health".to_string()));
        let uk = matching("перекладача");
        assert!(uk.contains(&"interpreting".to_string()), "{uk:?}");
        assert!(matching("zzqx wvvb").is_empty());
    }

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
