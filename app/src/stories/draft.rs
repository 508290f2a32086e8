//! A story as a moderator writes it in the editor: the community it is
//! about, its text in English (the source every translation is made from)
//! and, if wanted, in the city's language, and its sources (at least one:
//! a story without sources is not published). Parsed once, whole, so the
//! form shows every problem together.
use super::Source;
use serde::{Deserialize, Serialize};

/// Source rows in the editor.
pub const MAX_SOURCES: usize = 6;
pub const SOURCE_TITLE_FIELDS: [&str; MAX_SOURCES] = [
    "source_title_0",
    "source_title_1",
    "source_title_2",
    "source_title_3",
    "source_title_4",
    "source_title_5",
];
pub const SOURCE_URL_FIELDS: [&str; MAX_SOURCES] = [
    "source_url_0",
    "source_url_1",
    "source_url_2",
    "source_url_3",
    "source_url_4",
    "source_url_5",
];
/// The text fields, in the editor's order.
pub const TEXT_FIELDS: [&str; 7] = [
    "community",
    "title_en",
    "summary_en",
    "body_en",
    "title_local",
    "summary_local",
    "body_local",
];
pub const SUMMARY_MAX_CHARS: usize = 400;
pub const BODY_MAX_CHARS: usize = 20_000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryDraft {
    pub community: String,
    pub title_en: String,
    pub summary_en: String,
    /// Paragraphs separated by blank lines.
    pub body_en: String,
    /// In the city's language; empty when not written.
    #[serde(default)]
    pub title_local: String,
    #[serde(default)]
    pub summary_local: String,
    #[serde(default)]
    pub body_local: String,
    pub sources: Vec<Source>,
}

impl StoryDraft {
    fn text(&self, field: &str) -> String {
        match field {
            "community" => &self.community,
            "title_en" => &self.title_en,
            "summary_en" => &self.summary_en,
            "body_en" => &self.body_en,
            "title_local" => &self.title_local,
            "summary_local" => &self.summary_local,
            "body_local" => &self.body_local,
            _ => "",
        }
        .to_string()
    }

    fn sources_text(&self) -> String {
        self.sources
            .iter()
            .map(|s| format!("{} <{}>", s.title, s.url))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The editor's starting values.
    pub fn form_values(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> =
            TEXT_FIELDS.iter().map(|f| (f.to_string(), self.text(f))).collect();
        for (i, s) in self.sources.iter().take(MAX_SOURCES).enumerate() {
            v.push((SOURCE_TITLE_FIELDS[i].to_string(), s.title.clone()));
            v.push((SOURCE_URL_FIELDS[i].to_string(), s.url.clone()));
        }
        v
    }

    /// What changes, field by field: (field, now, proposed).
    pub fn diff(
        current: Option<&StoryDraft>,
        proposed: &StoryDraft,
    ) -> Vec<(String, String, String)> {
        let empty = StoryDraft::default();
        let current = current.unwrap_or(&empty);
        let mut out: Vec<(String, String, String)> = TEXT_FIELDS
            .iter()
            .map(|f| (f.to_string(), current.text(f), proposed.text(f)))
            .collect();
        out.push(("sources".into(), current.sources_text(), proposed.sources_text()));
        out.retain(|(_, a, b)| a != b);
        out
    }
}

#[cfg(feature = "ssr")]
pub use parse::parse_story;

#[cfg(feature = "ssr")]
mod parse {
    use super::*;
    use crate::accounts::model::{FieldError, FieldErrors};
    use crate::forms::{optional_website, required_text, TEXT_MAX_CHARS};
    use crate::http::form_post::FormValues;

    fn field<'a>(v: &'a FormValues, k: &str) -> &'a str {
        v.get(k).map(|s| s.trim()).unwrap_or("")
    }

    /// A text of at most `max` characters; its blank lines kept (paragraphs),
    /// its line ends made plain.
    fn long(v: &FormValues, k: &'static str, max: usize, errors: &mut FieldErrors) -> String {
        let t = field(v, k).replace("\r\n", "\n");
        if t.chars().count() > max {
            errors.insert(k, FieldError::TooLong);
        }
        t
    }

    fn line(v: &FormValues, k: &'static str, required: bool, errors: &mut FieldErrors) -> String {
        match (field(v, k), required) {
            ("", false) => String::new(),
            (t, _) => required_text(t).unwrap_or_else(|e| {
                errors.insert(k, e);
                t.to_string()
            }),
        }
    }

    pub fn parse_story(v: &FormValues) -> Result<StoryDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut d = StoryDraft {
            community: line(v, "community", true, &mut errors),
            title_en: line(v, "title_en", true, &mut errors),
            summary_en: long(v, "summary_en", SUMMARY_MAX_CHARS, &mut errors),
            body_en: long(v, "body_en", BODY_MAX_CHARS, &mut errors),
            title_local: line(v, "title_local", false, &mut errors),
            summary_local: long(v, "summary_local", SUMMARY_MAX_CHARS, &mut errors),
            body_local: long(v, "body_local", BODY_MAX_CHARS, &mut errors),
            sources: Vec::new(),
        };
        for k in ["summary_en", "body_en"] {
            if field(v, k).is_empty() {
                errors.insert(k, FieldError::Required);
            }
        }
        // The city's language: all three or none, so a page never shows
        // a title over another language's text.
        let local = [&d.title_local, &d.summary_local, &d.body_local];
        if local.iter().any(|t| !t.is_empty()) {
            for (k, t) in ["title_local", "summary_local", "body_local"].into_iter().zip(local) {
                if t.is_empty() {
                    errors.insert(k, FieldError::Required);
                }
            }
        }
        for i in 0..MAX_SOURCES {
            let (title_k, url_k) = (SOURCE_TITLE_FIELDS[i], SOURCE_URL_FIELDS[i]);
            let (title, url) = (field(v, title_k), field(v, url_k));
            if title.is_empty() && url.is_empty() {
                continue;
            }
            if title.is_empty() {
                errors.insert(title_k, FieldError::Required);
            } else if title.chars().count() > TEXT_MAX_CHARS {
                errors.insert(title_k, FieldError::TooLong);
            }
            match optional_website(url) {
                Ok(Some(url)) => d.sources.push(Source { title: title.to_string(), url }),
                Ok(None) => {
                    errors.insert(url_k, FieldError::Required);
                }
                Err(e) => {
                    errors.insert(url_k, e);
                }
            }
        }
        if d.sources.is_empty() && !errors.keys().any(|k| k.starts_with("source_")) {
            errors.insert(SOURCE_URL_FIELDS[0], FieldError::SourceRequired);
        }
        if errors.is_empty() {
            d.sources.truncate(MAX_SOURCES);
            Ok(d)
        } else {
            Err(errors)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::http::form_post::form_of as form;

        fn good() -> Vec<(&'static str, &'static str)> {
            vec![
                ("community", "Vietnamese"),
                ("title_en", "  Sapa,   a market town "),
                ("summary_en", "How a market became a centre."),
                ("body_en", "First paragraph.\r\n\r\nSecond paragraph."),
                ("source_title_0", "City archive"),
                ("source_url_0", "archive.example.org/sapa"),
            ]
        }

        #[test]
        fn a_story_with_its_sources() {
            let d = parse_story(&form(&good())).expect("valid");
            assert_eq!(d.title_en, "Sapa, a market town");
            assert_eq!(d.body_en, "First paragraph.\n\nSecond paragraph.");
            assert_eq!(d.sources[0].url, "https://archive.example.org/sapa");
            // Back through the editor's values, unchanged.
            let values = d.form_values();
            let pairs: Vec<(&str, &str)> =
                values.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(parse_story(&form(&pairs)), Ok(d));
        }

        #[test]
        fn every_problem_at_its_field() {
            let mut f = good();
            f.retain(|(k, _)| !k.starts_with("source_") && *k != "summary_en");
            f.push(("title_local", "Sapa"));
            f.push(("source_title_1", "No link"));
            let errors = parse_story(&form(&f)).expect_err("refused");
            assert_eq!(errors.get("summary_en"), Some(&FieldError::Required));
            assert_eq!(errors.get("body_local"), Some(&FieldError::Required));
            assert_eq!(errors.get("source_url_1"), Some(&FieldError::Required));
            f.retain(|(k, _)| !k.starts_with("source_") && !k.ends_with("_local"));
            f.push(("summary_en", "x"));
            let errors = parse_story(&form(&f)).expect_err("no source");
            assert_eq!(errors.get("source_url_0"), Some(&FieldError::SourceRequired));
        }

        #[test]
        fn the_diff_names_what_changes() {
            let old = parse_story(&form(&good())).expect("valid");
            let mut new = old.clone();
            new.summary_en = "Changed.".into();
            let diff = StoryDraft::diff(Some(&old), &new);
            assert_eq!(diff.len(), 1);
            assert_eq!(diff[0].0, "summary_en");
            assert_eq!(StoryDraft::diff(Some(&old), &old), vec![]);
        }
    }
}
