//! Cities the app serves: their centre, bounds, time zone, local language,
//! names in the interface languages and address lookup. Cities are rows,
//! added with `welcome-kit add-city`; no code names one.
pub use crate::values::City;

/// The cookie that remembers the visitor's city for the start page (a
/// functional cookie: nothing else is stored about the visitor).
pub const CITY_COOKIE: &str = "wk_city";

/// Every city, as the page being rendered knows them (see `Layout`).
#[derive(Clone, Debug, Default)]
pub struct CityDirectory(pub Vec<City>);

impl CityDirectory {
    pub fn find(&self, slug: &str) -> Option<&City> {
        self.0.iter().find(|c| c.slug == slug)
    }
}

server_only! {
    pub mod handlers; pub mod new; mod params;
}
#[cfg(feature = "ssr")]
pub use params::{city_or_404, known_city, refuse, required_city, unknown_city, CityQuery};

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
