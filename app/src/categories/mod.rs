//! Place categories (offices for foreigners, legal help, …). They are rows
//! with a name per interface language, added with `welcome-kit
//! add-category`; no code lists them.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub key: String,
    /// (language code, name); English is always there.
    pub names: Vec<(String, String)>,
}

impl Category {
    /// The name in `lang`, else the English one, else the key.
    pub fn label(&self, lang: &str) -> String {
        let find = |l: &str| self.names.iter().find(|(k, _)| k == l).map(|(_, n)| n);
        find(lang)
            .or_else(|| find("en"))
            .cloned()
            .unwrap_or_else(|| self.key.clone())
    }
}

/// Every category, as the page being rendered knows them (see `Layout`).
#[derive(Clone, Debug, Default)]
pub struct CategoryDirectory(pub Vec<Category>);

/// The keys of every category the page knows, in their order.
pub fn all_keys() -> Vec<String> {
    leptos::prelude::use_context::<CategoryDirectory>()
        .map(|d| d.0.into_iter().map(|c| c.key).collect())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod new;
mod server;
pub use server::*;
