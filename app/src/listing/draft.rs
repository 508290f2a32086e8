//! What every kind of listing shares in review: a draft stored as JSON with
//! the proposed change, shown field by field next to what the public sees.
use crate::locale::content::{TITLE_FIELDS, TRANSLATION_FIELDS};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub trait ListingDraft: Serialize + DeserializeOwned + Default + Clone {
    const KIND: super::ListingKind;
    /// The form's fields, in form order; each is a row of the review diff.
    fn fields() -> &'static [&'static str];
    /// A field's value as the form and the diff show it.
    fn field(&self, name: &str) -> String;
    /// The listing's name in the queue and in messages.
    fn title(&self) -> String;
    /// The English name a new listing's slug is made from.
    fn slug_source(&self) -> &str;
    /// False when the listing should have a point on the map and has none.
    fn located(&self) -> bool {
        true
    }
    /// The place it is held at (events, opportunities): the form's `place`
    /// field carries its id, the diff its name.
    fn place_id(&self) -> Option<i64> {
        None
    }
    /// The form's starting values.
    fn form_values(&self) -> Vec<(String, String)> {
        form_values(self)
    }
}

/// A kind's fields in form order: its name and English name, the title's
/// translations when the kind has them, its own fields, then the
/// description in English, in the city's language and its translations
/// (the per-language lists live in `locale::content`, so a new language
/// changes no kind).
pub fn form_fields(
    name: [&'static str; 2],
    translated_title: bool,
    own: &[&'static str],
) -> Vec<&'static str> {
    let titles: &[&'static str] = if translated_title { &TITLE_FIELDS } else { &[] };
    let description: &[&'static str] = &["description_en", "description_local"];
    [&name[..], titles, own, description, &TRANSLATION_FIELDS].concat()
}

/// (field, old, new) for every field that differs; a new listing compares
/// with an empty one.
pub fn diff<D: ListingDraft>(old: Option<&D>, new: &D) -> Vec<(&'static str, String, String)> {
    let empty = D::default();
    let old = old.unwrap_or(&empty);
    D::fields()
        .iter()
        .filter_map(|f| {
            let (a, b) = (old.field(f), new.field(f));
            (a != b).then_some((*f, a, b))
        })
        .collect()
}

/// The diff as audit text, one "field: old → new" per line.
pub fn diff_text<D: ListingDraft>(old: Option<&D>, new: &D) -> String {
    diff(old, new)
        .into_iter()
        .map(|(f, a, b)| format!("{f}: {a} → {b}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The form's starting values: every field of the draft, the place by its
/// id.
pub fn form_values<D: ListingDraft>(d: &D) -> Vec<(String, String)> {
    D::fields()
        .iter()
        .map(|&f| {
            let value = match f {
                "place" => d.place_id().map(|p| p.to_string()).unwrap_or_default(),
                _ => d.field(f),
            };
            (f.to_string(), value)
        })
        .collect()
}

/// What an event or opportunity form starts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingFormData {
    /// (id, name) of the organisations the member may propose for.
    pub organisations: Vec<(i64, String)>,
    /// The listing edited, if any: (id, city, slug).
    pub listing: Option<(i64, String, String)>,
    /// The form's fields as the listing has them now.
    pub values: Vec<(String, String)>,
    /// Places it may be held at: (id, name).
    pub places: Vec<(i64, String)>,
    /// A moderator's direct edit (published at once) rather than a proposal.
    pub moderator_edit: bool,
    /// The city a moderator adds a new listing to (the form carries it).
    pub new_in_city: Option<String>,
    /// The city's language, and the translations older than their source.
    pub local_lang: String,
    pub outdated: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::form_fields;
    use crate::locale::content::{TITLE_FIELDS, TRANSLATION_FIELDS};

    #[test]
    fn fields_come_in_form_order_with_every_language() {
        let with_titles = form_fields(["title", "title_en"], true, &["date"]);
        let at = |f: &str| with_titles.iter().position(|x| *x == f);
        assert_eq!(&with_titles[..2], ["title", "title_en"]);
        assert_eq!(&with_titles[2..2 + TITLE_FIELDS.len()], TITLE_FIELDS);
        assert!(at("date") < at("description_en"));
        assert!(at("description_en") < at("description_local"));
        assert!(with_titles.ends_with(&TRANSLATION_FIELDS));
        let without = form_fields(["name", "name_en"], false, &[]);
        assert!(TITLE_FIELDS.iter().all(|f| !without.contains(f)));
        assert_eq!(without.len(), 4 + TRANSLATION_FIELDS.len());
    }
}
