//! A category of places or events, as its row reads.
use super::ListingKind;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub key: String,
    /// What it sorts: places or events.
    pub kind: ListingKind,
    /// (language code, name); English is always there.
    pub names: Vec<(String, String)>,
}

impl Category {
    /// The name in `lang`, else the English one, else the key.
    pub fn label(&self, lang: &str) -> String {
        name_in(&self.names, lang, &self.key)
    }
}

/// From (language code, name) pairs, the name in `lang`, else the English
/// one, else `fallback` (categories and needs name themselves this way).
pub fn name_in(names: &[(String, String)], lang: &str, fallback: &str) -> String {
    let find = |l: &str| names.iter().find(|(k, _)| k == l).map(|(_, n)| n);
    find(lang).or_else(|| find("en")).cloned().unwrap_or_else(|| fallback.to_string())
}
