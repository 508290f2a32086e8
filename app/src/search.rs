//! Diacritics- and case-insensitive search text. Both the stored text and the
//! visitor's query go through `normalize`, so "kosice" finds "Košice" and a
//! Cyrillic query finds Cyrillic text (both are transliterated the same way).
use deunicode::deunicode;

pub fn normalize(s: &str) -> String {
    let ascii = deunicode(s).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
    fn query_terms_are_split() {
        assert_eq!(terms("  Integracni   Centrum "), ["integracni", "centrum"]);
        assert!(terms("  ").is_empty());
    }
}
