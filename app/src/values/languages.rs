//! Language codes and the lists of them that listings and groups carry
//! ("spoken here", "the group's languages"). A list is stored as a JSON
//! array of codes (`["uk","en"]`), so no query or reader splits strings.
use serde::{Deserialize, Serialize};

/// Languages an organisation can say a listing is available in.
pub const LISTING_LANGUAGES: [&str; 15] =
    ["cs", "sk", "en", "uk", "ru", "vi", "ar", "hu", "de", "fr", "es", "mn", "rom", "pl", "zh"];

/// An ISO 639 code as the app uses it: two or three lowercase letters
/// ("uk", "vi", "rom"). Whether the app offers the language is the caller's
/// check; this only guarantees the shape.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LangCode(String);

impl LangCode {
    pub fn parse(s: &str) -> Option<Self> {
        let ok = (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase());
        ok.then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<LangCode> for String {
    fn from(c: LangCode) -> Self {
        c.0
    }
}

impl std::fmt::Display for LangCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

crate::text_value!(LangCode);

/// The languages of one listing or group, in the order given, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Languages(Vec<LangCode>);

impl Languages {
    /// Keeps the well-formed codes of `codes`, first occurrence first.
    pub fn from_codes<S: AsRef<str>>(codes: &[S]) -> Self {
        let mut out: Vec<LangCode> = Vec::new();
        for code in codes.iter().filter_map(|c| LangCode::parse(c.as_ref())) {
            if !out.contains(&code) {
                out.push(code);
            }
        }
        Self(out)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.0.iter().any(|c| c.as_str() == code)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &LangCode> {
        self.0.iter()
    }

    /// The codes as plain strings, for views and JSON answers.
    pub fn codes(&self) -> Vec<String> {
        self.0.iter().map(|c| c.0.clone()).collect()
    }

    /// The stored form: a JSON array of codes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    /// Reads the stored form. An empty column (the default of rows that
    /// never had languages) is an empty list.
    pub fn from_json(s: &str) -> Result<Self, serde_json::Error> {
        if s.trim().is_empty() {
            return Ok(Self::default());
        }
        serde_json::from_str(s)
    }
}

crate::any_column!(Languages, String,
    decode: |s| Ok(Languages::from_json(&s)?),
    encode: |l| l.to_json());

#[cfg(test)]
mod tests {
    use super::{LangCode, Languages};

    #[test]
    fn codes_have_the_shape_of_iso_639() {
        for ok in ["uk", "vi", "rom"] {
            assert_eq!(LangCode::parse(ok).map(|c| c.to_string()), Some(ok.into()));
        }
        for bad in ["", "u", "UK", "ukrainian", "u,k", "'"] {
            assert_eq!(LangCode::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn lists_keep_order_drop_repeats_and_round_trip_as_json() {
        let l = Languages::from_codes(&["uk", "en", "uk", "X", "rom"]);
        assert_eq!(l.codes(), vec!["uk", "en", "rom"]);
        assert_eq!(l.to_json(), r#"["uk","en","rom"]"#);
        assert_eq!(Languages::from_json(&l.to_json()).ok(), Some(l.clone()));
        assert!(l.contains("en") && !l.contains("e"));
        assert_eq!(Languages::from_json("").ok(), Some(Languages::default()));
        assert!(Languages::from_json(",uk,en,").is_err());
        assert!(Languages::from_json(r#"["Ukrainian"]"#).is_err());
    }
}
