//! Checks the translation files against English: a language that misses a key
//! would show English text in the middle of a page (or, for a plural form CLDR
//! requires, pick the wrong word), so the test names every missing key.
use icu_locale_core::Locale as IcuLocale;
use icu_plurals::{PluralCategory, PluralRuleType, PluralRules, PluralRulesOptions};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

const SUFFIXES: [(&str, PluralCategory); 6] = [
    ("zero", PluralCategory::Zero),
    ("one", PluralCategory::One),
    ("two", PluralCategory::Two),
    ("few", PluralCategory::Few),
    ("many", PluralCategory::Many),
    ("other", PluralCategory::Other),
];

fn read(path: &Path) -> Map<String, Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        other => panic!("{path:?} is not a JSON object: {other:?}"),
    }
}

/// Splits "results_count_few" into ("results_count", "few").
fn plural_base(key: &str) -> Option<(&str, &str)> {
    let (base, suffix) = key.rsplit_once('_')?;
    SUFFIXES.iter().any(|(s, _)| *s == suffix).then_some((base, suffix))
}

/// Keys English writes as plurals: a base with `_other` and at least one more
/// form (leptos_i18n reads a lone `lang_other` as an ordinary key).
fn plural_bases(en: &Map<String, Value>) -> BTreeSet<String> {
    en.keys()
        .filter_map(|k| plural_base(k))
        .filter(|(base, suffix)| *suffix != "other" && en.contains_key(&format!("{base}_other")))
        .map(|(base, _)| base.to_string())
        .collect()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}"))
        .map(|(inside, _)| inside.split(',').next().unwrap_or("").trim().to_string())
        .collect()
}

/// Everything `code`'s file lacks or gets wrong compared with English.
fn problems(code: &str, en: &Map<String, Value>, other: &Map<String, Value>) -> Vec<String> {
    let locale: IcuLocale = code.parse().unwrap_or_else(|e| panic!("{code}: {e:?}"));
    let rules = PluralRules::try_new(
        (&locale).into(),
        PluralRulesOptions::default().with_type(PluralRuleType::Cardinal),
    )
    .unwrap_or_else(|e| panic!("no plural rules for {code}: {e:?}"));
    let needed: Vec<&str> = SUFFIXES
        .iter()
        .filter(|(_, c)| rules.categories().any(|have| have == *c))
        .map(|(s, _)| *s)
        .collect();
    let plurals = plural_bases(en);
    let mut found = Vec::new();
    for base in &plurals {
        let mut forms: Vec<&str> = needed.clone();
        // leptos_i18n needs two forms to see a plural, even where CLDR has one.
        if forms.len() == 1 {
            forms.push("one");
        }
        for form in forms {
            let key = format!("{base}_{form}");
            if !other.contains_key(&key) {
                found.push(format!("missing plural form {key}"));
            }
        }
    }
    for (key, value) in en {
        if plural_base(key).is_some_and(|(base, _)| plurals.contains(base)) {
            continue;
        }
        match other.get(key).and_then(Value::as_str) {
            None => found.push(format!("missing {key}")),
            Some(text) if text.trim().is_empty() => found.push(format!("empty {key}")),
            Some(text) => {
                let want = placeholders(value.as_str().unwrap_or(""));
                if placeholders(text) != want {
                    found.push(format!("{key} must use the placeholders {want:?}"));
                }
            }
        }
    }
    found
}

#[test]
fn every_language_has_every_english_key() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let en = read(&dir.join("en.json"));
    let mut report = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
        let path = entry.map(|e| e.path()).unwrap_or_default();
        let Some(code) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if code == "en" || path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        checked += 1;
        for p in problems(code, &en, &read(&path)) {
            report.push(format!("{code}.json: {p}"));
        }
    }
    assert!(checked >= 2, "expected translation files beside en.json");
    assert!(report.is_empty(), "{} problems:\n{}", report.len(), report.join("\n"));
}

#[test]
fn a_missing_key_and_a_missing_plural_form_are_named() {
    let en: Map<String, Value> = serde_json::from_str(
        r#"{"hello": "Hello {{ name }}", "n_one": "{{ count }} place", "n_other": "{{ count }} places", "lang_other": "Other"}"#,
    )
    .unwrap_or_default();
    let cs: Map<String, Value> = serde_json::from_str(
        r#"{"hello": "Ahoj", "n_one": "{{ count }} místo", "n_few": "{{ count }} místa", "n_other": "{{ count }} míst"}"#,
    )
    .unwrap_or_default();
    let found = problems("cs", &en, &cs);
    assert!(found.contains(&"missing plural form n_many".to_string()), "{found:?}");
    assert!(found.contains(&"missing lang_other".to_string()), "{found:?}");
    assert!(found.iter().any(|p| p.starts_with("hello must use")), "{found:?}");
    assert_eq!(found.len(), 3, "{found:?}");
}
