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

/// `current` with the form fields `accepted` taken from `proposed` (a
/// change accepted in part); None if the draft cannot be read back.
/// `place` brings the place's name along, `title_{lang}` and
/// `translation_{lang}` one language of the translations.
pub fn merge_fields<D: ListingDraft>(current: &D, proposed: &D, accepted: &[&str]) -> Option<D> {
    use serde_json::{Map, Value};
    let (Ok(Value::Object(mut cur)), Ok(Value::Object(new))) =
        (serde_json::to_value(current), serde_json::to_value(proposed))
    else {
        return None;
    };
    fn copy(cur: &mut Map<String, Value>, new: &Map<String, Value>, key: &str) {
        match new.get(key) {
            Some(v) => cur.insert(key.to_string(), v.clone()),
            None => cur.remove(key),
        };
    }
    for &field in accepted {
        let in_map = |map: &str, prefix: &str| {
            let lang = field.strip_prefix(prefix)?;
            (!new.contains_key(field)).then(|| (map.to_string(), lang.to_string()))
        };
        let translation = in_map("title_translations", "title_")
            .or_else(|| in_map("translations", "translation_"));
        match (field, translation) {
            ("place", _) => {
                copy(&mut cur, &new, "place");
                copy(&mut cur, &new, "place_name");
            }
            (_, Some((map, lang))) => {
                let value = new.get(&map).and_then(|m| m.get(&lang)).cloned();
                let entry = cur.entry(map).or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(m) = entry {
                    match value {
                        Some(v) => m.insert(lang, v),
                        None => m.remove(&lang),
                    };
                }
            }
            _ => copy(&mut cur, &new, field),
        }
    }
    serde_json::from_value(Value::Object(cur)).ok()
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

    #[test]
    fn merging_takes_only_the_accepted_fields() {
        use crate::places::draft::PlaceDraft;
        let current = PlaceDraft {
            name: "Poradna".into(),
            name_en: "Advice".into(),
            opening_hours: Some("Mo 09:00-12:00".into()),
            translations: [("uk".to_string(), "Стара".to_string())].into(),
            ..Default::default()
        };
        let mut proposed = current.clone();
        proposed.name = "Nová poradna".into();
        proposed.opening_hours = None;
        proposed.website = Some("https://example.org".into());
        proposed.translations =
            [("uk".to_string(), "Нова".to_string()), ("ar".to_string(), "جديد".to_string())].into();
        let merged = super::merge_fields(
            &current,
            &proposed,
            &["opening_hours", "website", "translation_ar"],
        )
        .expect("merged");
        assert_eq!(merged.name, "Poradna", "not accepted");
        assert_eq!(merged.opening_hours, None, "an emptied field is accepted as empty");
        assert_eq!(merged.website.as_deref(), Some("https://example.org"));
        assert_eq!(merged.translations.get("uk").map(String::as_str), Some("Стара"));
        assert_eq!(merged.translations.get("ar").map(String::as_str), Some("جديد"));
        // What is left to decide is exactly what was not accepted.
        let left: Vec<&str> =
            super::diff(Some(&merged), &proposed).into_iter().map(|(f, _, _)| f).collect();
        assert_eq!(left, vec!["name", "translation_uk"]);
    }
}
