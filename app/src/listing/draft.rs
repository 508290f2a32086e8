//! What every kind of listing shares in review: a draft stored as JSON with
//! the proposed change, shown field by field next to what the public sees.
use crate::locale::content::{TITLE_FIELDS, TRANSLATION_FIELDS, TRANSLATION_LANGS};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub trait ListingDraft: Serialize + DeserializeOwned + Default + Clone {
    const KIND: super::ListingKind;
    /// The form's fields, in form order; each is a row of the review diff.
    fn fields() -> &'static [&'static str];
    /// A field's value as the form and the diff show it (see `field_of`).
    fn field(&self, name: &str) -> String {
        field_of(self, name)
    }
    /// The form fields of its name and of its English name.
    const NAME: [&'static str; 2] = ["title", "title_en"];
    /// The listing's name in the queue and in messages.
    fn title(&self) -> String {
        self.field(Self::NAME[0])
    }
    /// The English name a new listing's slug is made from.
    fn slug_source(&self) -> String {
        self.field(Self::NAME[1])
    }
    /// False when the listing should have a point on the map and has none.
    fn located(&self) -> bool {
        true
    }
    /// The place it is held at (events, opportunities): the form's `place`
    /// field carries its id, the diff its name.
    fn place_id(&self) -> Option<i64> {
        serde_json::to_value(self).ok()?.get("place")?.as_i64()
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

/// A form field of a draft, read from its serde fields: text as it is,
/// ticked boxes as "1", numbers and lists (", ") as text, nothing as "".
/// The form's `place` shows the place's name; `title_{lang}` and
/// `translation_{lang}` are the title's and description's translations.
pub fn field_of<D: Serialize>(draft: &D, name: &str) -> String {
    use serde_json::Value;
    let Ok(Value::Object(fields)) = serde_json::to_value(draft) else {
        return String::new();
    };
    let translated = |map: &str, prefix: &str| {
        let lang = name.strip_prefix(prefix)?;
        let known = prefix == "translation_" || TRANSLATION_LANGS.contains(&lang);
        known.then(|| fields.get(map)?.get(lang).cloned()).flatten()
    };
    let value = match name {
        "place" => fields.get("place_name").cloned(),
        _ => fields.get(name).cloned(),
    };
    let value = value
        .or_else(|| translated("title_translations", "title_"))
        .or_else(|| translated("translations", "translation_"));
    match value {
        Some(Value::String(s)) => s,
        Some(Value::Bool(b)) => if b { "1" } else { "" }.to_string(),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().map(|f| f.to_string()).unwrap_or_default(),
        },
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
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

/// The diff as messages to organisations write it, one "field: old → new"
/// per line.
pub fn diff_text<D: ListingDraft>(old: Option<&D>, new: &D) -> String {
    diff(old, new)
        .into_iter()
        .map(|(f, a, b)| format!("{f}: {a} → {b}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The diff as the audit log keeps it: a JSON list of [field, old, new]
/// (read back by `values::audit_changes`).
pub fn diff_json<D: ListingDraft>(old: Option<&D>, new: &D) -> String {
    serde_json::to_string(&diff(old, new)).unwrap_or_default()
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
    /// The needs to tick, named in every language.
    pub needs: Vec<crate::needs::NeedLabel>,
    /// A moderator's direct edit (published at once) rather than a proposal.
    pub moderator_edit: bool,
    /// The city a moderator adds a new listing to (the form carries it).
    pub new_in_city: Option<String>,
    /// The listing's city (a new one's: the organisation's), its language,
    /// and the translations older than their source.
    pub city: String,
    pub local_lang: String,
    pub outdated: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::{field_of, form_fields};
    use crate::locale::content::{TITLE_FIELDS, TRANSLATION_FIELDS};

    #[derive(serde::Serialize)]
    struct Sample {
        title: String,
        title_en: String,
        place_name: Option<String>,
        free: bool,
        capacity: Option<i64>,
        lat: Option<f64>,
        languages: Vec<String>,
        title_translations: std::collections::BTreeMap<String, String>,
        translations: std::collections::BTreeMap<String, String>,
    }

    #[test]
    fn a_field_reads_as_the_form_shows_it() {
        let d = Sample {
            title: "Klub".into(),
            title_en: "Club".into(),
            place_name: Some("Knihovna".into()),
            free: true,
            capacity: None,
            lat: Some(50.5),
            languages: vec!["uk".into(), "en".into()],
            title_translations: [("uk".to_string(), "Клуб".to_string())].into(),
            translations: [("vi".to_string(), "Câu lạc bộ".to_string())].into(),
        };
        let f = |name: &str| field_of(&d, name);
        assert_eq!(
            (f("title"), f("title_en"), f("place")),
            ("Klub".into(), "Club".into(), "Knihovna".into())
        );
        assert_eq!(
            (f("free"), f("capacity"), f("lat")),
            ("1".into(), String::new(), "50.5".into())
        );
        assert_eq!(f("languages"), "uk, en");
        assert_eq!((f("title_uk"), f("title_vi")), ("Клуб".into(), String::new()));
        assert_eq!(
            (f("translation_vi"), f("translation_ar")),
            ("Câu lạc bộ".into(), String::new())
        );
        // Not a field, nor a title in a language the app translates into.
        assert_eq!((f("nothing"), f("title_xx")), (String::new(), String::new()));
    }

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
