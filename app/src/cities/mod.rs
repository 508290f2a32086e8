//! Cities the app serves: their centre, bounds, time zone, local language,
//! names in the interface languages and address lookup. Cities are rows,
//! added with `welcome-kit add-city`; no code names one.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct City {
    pub slug: crate::values::CitySlug,
    pub name_local: String,
    pub name_en: String,
    /// ISO 3166 code; selects the public-holiday calendar.
    pub country: String,
    pub timezone: String,
    pub local_lang: String,
    pub center: [f64; 2],
    /// south, west, north, east
    pub bounds: [f64; 4],
    pub zoom: i64,
    /// The city's name in interface languages where it differs from the
    /// English one (language code, name).
    pub names: Vec<(String, String)>,
    /// The address lookup the city has (`ruian`: Czech address points),
    /// if any; without one, places get a map pin and typed coordinates.
    pub address_lookup: Option<String>,
}

impl City {
    /// The name a reader of `lang` knows the city by: a name given for that
    /// language, the local name for readers of the local language, else the
    /// English name.
    pub fn label(&self, lang: &str) -> String {
        if let Some((_, n)) = self.names.iter().find(|(l, _)| l == lang) {
            return n.clone();
        }
        if lang == self.local_lang {
            self.name_local.clone()
        } else {
            self.name_en.clone()
        }
    }
}

/// Every city, as the page being rendered knows them (see `Layout`).
#[derive(Clone, Debug, Default)]
pub struct CityDirectory(pub Vec<City>);

impl CityDirectory {
    pub fn find(&self, slug: &str) -> Option<&City> {
        self.0.iter().find(|c| c.slug == slug)
    }
}

#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod new;

/// The slugs of every city the page knows, in the cities' order.
pub fn all_slugs() -> Vec<String> {
    leptos::prelude::use_context::<CityDirectory>()
        .map(|d| d.0.into_iter().map(|c| c.slug.into()).collect())
        .unwrap_or_default()
}
mod server;
pub use server::*;

/// The city's name in the interface language, from the cities the page
/// knows (`CityDirectory`, provided by the layout); the slug if unknown.
pub fn label(i18n: leptos_i18n::I18nContext<crate::i18n::Locale>, slug: &str) -> String {
    let lang = crate::locale::code(i18n.get_locale_untracked());
    leptos::prelude::use_context::<CityDirectory>()
        .and_then(|d| d.find(slug).map(|c| c.label(lang)))
        .unwrap_or_else(|| slug.to_string())
}
