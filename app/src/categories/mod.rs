//! Categories of places (offices for foreigners, legal help, …) and of
//! events (conversation clubs, city walks, …). They are rows with a name
//! per interface language, added with `welcome-kit add-category` or on the
//! admins' page; no code lists them.
pub use crate::values::Category;
use crate::values::ListingKind;

/// Every category, as the page being rendered knows them (see `Layout`).
#[derive(Clone, Debug, Default)]
pub struct CategoryDirectory(pub Vec<Category>);

/// The keys of the categories of `kind` the page knows, in their order.
pub fn keys(kind: ListingKind) -> Vec<String> {
    leptos::prelude::use_context::<CategoryDirectory>()
        .map(|d| d.0.into_iter().filter(|c| c.kind == kind).map(|c| c.key).collect())
        .unwrap_or_default()
}

server_only! {
    pub mod handlers; pub mod new;
}
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

/// `known_category` against the database's categories of `kind`; no query
/// when no category is asked for.
#[cfg(feature = "ssr")]
pub async fn check_in_db(
    db: &crate::db::Db,
    kind: crate::values::ListingKind,
    category: &mut Option<String>,
) -> Result<Option<crate::http::params::ParamError>, sqlx::Error> {
    if category.is_none() {
        return Ok(None);
    }
    Ok(crate::http::params::known_category(category, &db.category_keys(kind).await?))
}
