//! Finding listings by what a visitor types. Both the indexed text and the
//! query go through `normalize`, so "kosice" finds "Košice", a Cyrillic
//! query finds Cyrillic text (both are transliterated the same way) and
//! Vietnamese tones do not have to be typed; `engine` ranks the matches.
use deunicode::deunicode;

pub mod engine;

pub fn normalize(s: &str) -> String {
    let ascii = deunicode(&arabic_folded(s)).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Arabic letters that people type interchangeably made one (hamza forms of
/// alef, tā' marbūṭa, alif maqṣūra), and the article "al-" (also after
/// "wa-", "bi-", "li-") taken off words: "اللغة" finds "لغة".
fn arabic_folded(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return s.into();
    }
    let letters: String = s
        .chars()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c) && *c != '\u{0640}')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            c => c,
        })
        .collect();
    letters
        .split(' ')
        .map(|w| {
            ["وال", "بال", "لل", "ال"]
                .iter()
                .find_map(|p| w.strip_prefix(p).filter(|rest| rest.chars().count() >= 2))
                .unwrap_or(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
        .into()
}

/// Words of a query, normalised; each must occur in the text.
pub fn terms(query: &str) -> Vec<String> {
    normalize(query).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Escapes LIKE wildcards; normalised text has none, but stay safe.
pub fn like_pattern(term: &str) -> String {
    let escaped = term.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_diacritics_and_case() {
        assert_eq!(normalize("Integrační centrum Praha"), "integracni centrum praha");
        assert_eq!(normalize("KOŠICE–Sever"), "kosice sever");
        assert!(normalize("Žukovského 888/2").contains("zukovskeho 888 2"));
    }

    #[test]
    fn cyrillic_query_matches_cyrillic_text() {
        let text = normalize("Українська громада в Празі");
        for t in terms("українська") {
            assert!(text.contains(&t), "{t} not in {text}");
        }
    }

    #[test]
    fn arabic_article_and_letter_forms_are_folded() {
        assert_eq!(normalize("اللغة"), normalize("لغة"));
        assert_eq!(normalize("أحمد"), normalize("احمد"));
        assert_ne!(normalize("لغة"), normalize("دروس"));
    }

    #[test]
    fn query_terms_are_split() {
        assert_eq!(terms("  Integracni   Centrum "), ["integracni", "centrum"]);
        assert!(terms("  ").is_empty());
    }
}
