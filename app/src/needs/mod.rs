//! What newcomers look for — residence permits, legal help, Czech classes,
//! someone who speaks their language… The needs and the place categories
//! that serve each are data (`app/needs.json`); every interface language's
//! file names each need, explains it in a line and gives the words people
//! search for it with (`need_<key>`, `need_<key>_about`, `need_<key>_words`),
//! so a need's words in any language find its places.
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub key: String,
    /// Place and event categories whose listings meet this need unless
    /// tagged otherwise.
    pub categories: Vec<String>,
    /// A number to call straight away (emergencies: 112 across the EU).
    #[serde(default)]
    pub call: Option<String>,
}

/// What a page says of a need chosen or searched for: its one-line
/// explanation in every language, and the number to call if it has one
/// (so "Emergencies" never ends at an empty list).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedNote {
    pub key: String,
    /// (language code, explanation)
    pub texts: Vec<(String, String)>,
    pub call: Option<String>,
}

impl NeedNote {
    /// The explanation in `lang`, else the English one.
    pub fn text(&self, lang: &str) -> String {
        crate::values::name_in(&self.texts, lang, "")
    }
}

/// A need's name in every interface language, for pages that pick theirs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedLabel {
    pub key: String,
    /// (language code, name)
    pub names: Vec<(String, String)>,
}

impl NeedLabel {
    /// The name in `lang`, else the English one, else the key.
    pub fn label(&self, lang: &str) -> String {
        crate::values::name_in(&self.names, lang, &self.key)
    }
}

/// A `need` parameter: one of the needs' keys.
pub fn parse_param(v: &str) -> Result<Option<String>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    match find(v) {
        Some(n) => Ok(Some(n.key.clone())),
        None => {
            let keys: Vec<&str> = all().iter().map(|n| n.key.as_str()).collect();
            Err(format!("unknown need; one of: {}", keys.join(", ")))
        }
    }
}

/// The needs, in the order they are offered.
pub fn all() -> &'static [Need] {
    static NEEDS: OnceLock<Vec<Need>> = OnceLock::new();
    // The file is part of the build and parsed by a test: an empty list
    // here could only come from a build that skipped the tests.
    NEEDS.get_or_init(|| serde_json::from_str(include_str!("../../needs.json")).unwrap_or_default())
}

/// The need with this key, if there is one.
pub fn find(key: &str) -> Option<&'static Need> {
    all().iter().find(|n| n.key == key)
}

/// The needs a place of `category` meets when it is not tagged.
pub fn of_category(category: &str) -> impl Iterator<Item = &'static Need> + '_ {
    all().iter().filter(move |n| n.categories.iter().any(|c| c == category))
}

/// Where a category's first need stands in the list of needs (a category
/// serving no need comes last): the order of places when nothing is
/// searched and no point is known.
pub fn rank_of_category(category: &str) -> usize {
    all().iter().position(|n| n.categories.iter().any(|c| c == category)).unwrap_or(all().len())
}

#[cfg(feature = "ssr")]
mod texts;
#[cfg(feature = "ssr")]
pub use texts::*;
