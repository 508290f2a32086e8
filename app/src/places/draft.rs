//! A place as an organisation proposes it: the form, parsed once, and the
//! field-by-field comparison a moderator reviews.
use serde::{Deserialize, Serialize};

/// Everything an organisation may set on a place. Stored as JSON with the
/// proposed change; turned into the public place when a moderator accepts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceDraft {
    pub name: String,
    pub name_en: String,
    pub category: String,
    pub address: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// OpenStreetMap `opening_hours` syntax, checked by the parser.
    pub opening_hours: Option<String>,
    /// Hours as the organisation words them, when the syntax cannot say it.
    pub hours_text: Option<String>,
    pub languages: Vec<String>,
    /// yes | no | limited
    pub wheelchair: Option<String>,
    pub description_en: Option<String>,
    /// In the city's language (Czech or Slovak).
    pub description_local: Option<String>,
    /// The description in other languages (language code → text).
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, String>,
    /// What it helps newcomers with (keys of `app/needs.json`).
    #[serde(default)]
    pub needs: Vec<String>,
}

/// The form's fields, in form order; each is also a row of the review diff.
pub static FIELDS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
    crate::listing::draft::form_fields(
        <PlaceDraft as crate::listing::draft::ListingDraft>::NAME,
        false,
        &[
            "category",
            "address",
            "lat",
            "lon",
            "phone",
            "email",
            "website",
            "opening_hours",
            "hours_text",
            "needs",
            "languages",
            "wheelchair",
        ],
    )
});

impl crate::listing::draft::ListingDraft for PlaceDraft {
    const KIND: crate::listing::ListingKind = crate::listing::ListingKind::Place;
    const NAME: [&'static str; 2] = ["name", "name_en"];

    fn fields() -> &'static [&'static str] {
        &FIELDS
    }

    fn located(&self) -> bool {
        self.lat.is_some() && self.lon.is_some()
    }
}

impl PlaceDraft {
    /// A field's value as the form and the diff show it.
    pub fn field(&self, name: &str) -> String {
        crate::listing::draft::ListingDraft::field(self, name)
    }

    /// (field, old, new) for every field that differs.
    pub fn diff(old: Option<&PlaceDraft>, new: &PlaceDraft) -> Vec<(&'static str, String, String)> {
        crate::listing::draft::diff(old, new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_lists_changed_fields_only() {
        let old = PlaceDraft {
            name: "Poradna".into(),
            opening_hours: Some("Mo 09:00-12:00".into()),
            languages: vec!["uk".into()],
            ..Default::default()
        };
        let mut new = old.clone();
        new.opening_hours = Some("Mo,We 09:00-12:00".into());
        new.languages.push("en".into());
        let d = PlaceDraft::diff(Some(&old), &new);
        assert_eq!(
            d,
            vec![
                ("opening_hours", "Mo 09:00-12:00".into(), "Mo,We 09:00-12:00".into()),
                ("languages", "uk".into(), "uk, en".into()),
            ]
        );
        assert_eq!(PlaceDraft::diff(Some(&new), &new), vec![]);
        assert!(PlaceDraft::diff(None, &new).iter().any(|(f, a, _)| *f == "name" && a.is_empty()));
    }
}
