//! Texts in many languages as stored: one language of a listing's
//! description, and the translations of a title or short text (a JSON
//! object from language code to text).

/// Language code → text: the translations of a title or a short text.
pub type Translations = std::collections::BTreeMap<String, String>;

/// Translations as stored (a JSON object); anything unreadable is none.
pub fn translations_from_json(stored: &str) -> Translations {
    serde_json::from_str(stored).unwrap_or_default()
}

pub fn translations_to_json(t: &Translations) -> String {
    serde_json::to_string(t).unwrap_or_else(|_| "{}".to_string())
}

/// One language of a listing's text, as stored (read on the server only:
/// pages get what to show, `locale::content::ShownText`).
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ListingText {
    pub lang: String,
    pub body: String,
    /// When this language was last written (a translation older than its
    /// source is outdated).
    pub updated_at: super::Timestamp,
    pub translated_by: Option<String>,
}
