//! The search relevance suite: newcomer queries in every interface language
//! (`server/tests/relevance.json`: names without diacritics, typos, word
//! starts, inflected forms, initials, needs, words of translated
//! descriptions, mixed scripts, and queries that must find nothing), each
//! with the places it must return in the first five — named, or "the places
//! tagged with this need" in `data/demo/places.json`. Prints recall@5 per
//! language and per kind of query; fails below 0.9 overall or 0.8 for any
//! language.
use crate::common::{spawn_app, Backend};
use serde_json::Value;
use std::collections::BTreeMap;

const CASES: &str = include_str!("../relevance.json");
const DEMO: &str = include_str!("../../../data/demo/places.json");

/// The current (not historical) places of `city` tagged with `need`.
fn tagged(demo: &[Value], city: &str, need: &str) -> Vec<String> {
    demo.iter()
        .filter(|p| p["city"] == city && p["historical"] != true)
        .filter(|p| p["needs"].as_array().is_some_and(|n| n.iter().any(|n| n == need)))
        .filter_map(|p| p["slug"].as_str().map(str::to_string))
        .collect()
}

fn percent_encoded(q: &str) -> String {
    q.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[derive(Default)]
struct Tally {
    sum: f64,
    n: usize,
}

impl Tally {
    fn add(&mut self, recall: f64) {
        self.sum += recall;
        self.n += 1;
    }

    fn mean(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.sum / self.n as f64
        }
    }
}

#[tokio::test]
async fn recall_at_five() {
    let app = spawn_app(&Backend::Sqlite).await;
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("relevance.json");
    let demo: Vec<Value> = serde_json::from_str(DEMO).expect("demo places");
    assert!(cases.len() >= 100, "{} queries", cases.len());
    let (mut all, mut by_lang, mut by_kind) =
        (Tally::default(), BTreeMap::<String, Tally>::new(), BTreeMap::<String, Tally>::new());
    let mut misses = Vec::new();
    for case in &cases {
        let field = |k: &str| case[k].as_str().unwrap_or_default().to_string();
        let (lang, kind, city, q) = (field("lang"), field("kind"), field("city"), field("q"));
        let expected: Vec<String> = match case["need"].as_str() {
            Some(need) => tagged(&demo, &city, need),
            None => case["expect"]
                .as_array()
                .expect("expect or need")
                .iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect(),
        };
        assert!(
            case["need"].is_null() || !expected.is_empty(),
            "{q}: no place in {city} is tagged with the need"
        );
        let url =
            format!("{}/api/v1/places?city={city}&per_page=5&q={}", app.base, percent_encoded(&q));
        let body: Value =
            reqwest::get(&url).await.expect("request").json().await.expect("json answer");
        let top: Vec<String> = body["places"]
            .as_array()
            .expect("places")
            .iter()
            .filter_map(|p| p["slug"].as_str().map(str::to_string))
            .collect();
        let recall = if expected.is_empty() {
            f64::from(u8::from(top.is_empty()))
        } else {
            let found = top.iter().filter(|s| expected.contains(s)).count();
            found as f64 / expected.len().min(5) as f64
        };
        if recall < 1.0 {
            misses.push(format!("  {lang} {kind} {city} {q:?}: {recall:.2}, top five {top:?}"));
        }
        all.add(recall);
        by_lang.entry(lang).or_default().add(recall);
        by_kind.entry(kind).or_default().add(recall);
    }
    println!("search recall@5 over {} queries: {:.3}", all.n, all.mean());
    for (name, tallies) in [("language", &by_lang), ("kind of query", &by_kind)] {
        println!("by {name}:");
        for (key, t) in tallies {
            println!("  {key:<12} {:.3} ({} queries)", t.mean(), t.n);
        }
    }
    println!("below 1.0:\n{}", misses.join("\n"));
    assert!(all.mean() >= 0.9, "recall@5 {:.3} is below 0.9", all.mean());
    for (lang, t) in &by_lang {
        assert!(t.mean() >= 0.8, "recall@5 in {lang} is {:.3}, below 0.8", t.mean());
    }
}
