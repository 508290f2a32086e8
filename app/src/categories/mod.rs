//! Categories of places (offices for foreigners, legal help, …) and of
//! events (conversation clubs, city walks, …). They are rows with a name
//! per interface language, added with `welcome-kit add-category` or on the
//! admins' page; no code lists them.
use crate::values::ListingKind;
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
        find(lang)
            .or_else(|| find("en"))
            .cloned()
            .unwrap_or_else(|| self.key.clone())
    }
}

/// Every category, as the page being rendered knows them (see `Layout`).
#[derive(Clone, Debug, Default)]
pub struct CategoryDirectory(pub Vec<Category>);

/// The keys of the categories of `kind` the page knows, in their order.
pub fn keys(kind: ListingKind) -> Vec<String> {
    leptos::prelude::use_context::<CategoryDirectory>()
        .map(|d| {
            d.0.into_iter()
                .filter(|c| c.kind == kind)
                .map(|c| c.key)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod new;
mod server;
pub use server::*;

/// A category's name in the interface language, from the categories
/// the page knows (`CategoryDirectory`, provided by the layout).
pub fn label(i18n: leptos_i18n::I18nContext<crate::i18n::Locale>, key: &str) -> String {
    let lang = crate::locale::code(i18n.get_locale_untracked());
    leptos::prelude::use_context::<CategoryDirectory>()
        .and_then(|d| d.0.iter().find(|c| c.key == key).map(|c| c.label(lang)))
        .unwrap_or_else(|| key.to_string())
}
