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
        let find = |l: &str| self.names.iter().find(|(k, _)| k == l).map(|(_, n)| n);
        find(lang).or_else(|| find("en")).cloned().unwrap_or_else(|| self.key.clone())
    }
}
