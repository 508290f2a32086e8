//! What a community group publishes (its profile), and what the pages show
//! of it. Shared by the server and the browser build.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::accounts::model::{KIND_COMMUNITY_GROUP, KIND_NGO};

/// Kinds of channel, in the order the form offers them.
pub const CHANNEL_KINDS: [&str; 10] = [
    "website",
    "facebook",
    "telegram",
    "viber",
    "whatsapp",
    "signal",
    "instagram",
    "email",
    "meeting_place",
    "other",
];

/// The form's channel rows: at most this many channels per group.
pub const MAX_CHANNELS: usize = 10;

/// The rows' field names (field errors are keyed by `&'static str`).
pub const CHANNEL_KIND_FIELDS: [&str; MAX_CHANNELS] = [
    "channel_kind_0",
    "channel_kind_1",
    "channel_kind_2",
    "channel_kind_3",
    "channel_kind_4",
    "channel_kind_5",
    "channel_kind_6",
    "channel_kind_7",
    "channel_kind_8",
    "channel_kind_9",
];
pub const CHANNEL_VALUE_FIELDS: [&str; MAX_CHANNELS] = [
    "channel_value_0",
    "channel_value_1",
    "channel_value_2",
    "channel_value_3",
    "channel_value_4",
    "channel_value_5",
    "channel_value_6",
    "channel_value_7",
    "channel_value_8",
    "channel_value_9",
];

/// The languages a group can tick: the listings' list, in the order the
/// public page shows its sections.
pub use crate::values::LISTING_LANGUAGES as LANGUAGES;

/// The longest description a group may write.
pub const DESCRIPTION_MAX_CHARS: usize = 1000;

/// Languages a group can translate its description into (the interface
/// languages), and their form fields, in the same order.
pub const DESCRIPTION_LANGS: [&str; 7] = ["en", "cs", "sk", "uk", "ru", "vi", "ar"];
pub const DESCRIPTION_FIELDS: [&str; 7] = [
    "description_en",
    "description_cs",
    "description_sk",
    "description_uk",
    "description_ru",
    "description_vi",
    "description_ar",
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    /// One of `CHANNEL_KINDS`.
    pub kind: String,
    /// An https link, an e-mail address, or (meeting_place) free text.
    pub value: String,
}

impl Channel {
    /// Where the channel links to: https links as they are, e-mail
    /// addresses as `mailto:`, a meeting place nowhere.
    pub fn href(&self) -> Option<String> {
        match self.kind.as_str() {
            "meeting_place" => None,
            "email" => Some(format!("mailto:{}", self.value)),
            _ if self.value.starts_with("https://") => Some(self.value.clone()),
            _ => None,
        }
    }

    /// The link's text: the address without `https://` and a bare
    /// trailing slash, so a phone shows what matters.
    pub fn text(&self) -> String {
        let v = self.value.strip_prefix("https://").unwrap_or(&self.value);
        v.strip_suffix('/').unwrap_or(v).to_string()
    }
}

/// A group's profile, as proposed (stored as JSON) or approved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupProfile {
    /// Codes from `LANGUAGES`.
    pub languages: Vec<String>,
    /// In the group's own words.
    pub description: String,
    /// The language the description is written in ("" when not said).
    #[serde(default)]
    pub description_lang: String,
    /// The description in other interface languages (code → text).
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
    pub channels: Vec<Channel>,
}

impl GroupProfile {
    /// The profile as the form's fields, to fill the form with it.
    pub fn form_values(&self) -> BTreeMap<String, String> {
        let mut v = BTreeMap::new();
        v.insert("languages".to_string(), self.languages.join(","));
        v.insert("description".to_string(), self.description.clone());
        v.insert("description_lang".to_string(), self.description_lang.clone());
        for (lang, field) in DESCRIPTION_LANGS.iter().zip(DESCRIPTION_FIELDS) {
            if let Some(t) = self.translations.get(*lang) {
                v.insert(field.to_string(), t.clone());
            }
        }
        for (i, c) in self.channels.iter().take(MAX_CHANNELS).enumerate() {
            v.insert(CHANNEL_KIND_FIELDS[i].to_string(), c.kind.clone());
            v.insert(CHANNEL_VALUE_FIELDS[i].to_string(), c.value.clone());
        }
        v
    }
}

/// One group as the public page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupCard {
    pub id: i64,
    pub name: String,
    pub languages: Vec<String>,
    /// In the visitor's language when the group gave one.
    pub description: Option<String>,
    /// The language of the description shown ("" when not said).
    pub description_lang: String,
    /// Not in the visitor's language: the page says so.
    pub description_fallback: bool,
    pub channels: Vec<Channel>,
    /// Where the facts come from (demo groups).
    pub sources: Vec<String>,
}

/// The groups using one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LanguageSection {
    pub code: String,
    pub groups: Vec<GroupCard>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunitiesView {
    pub city: crate::values::CitySlug,
    /// One section per language some group uses (or only the chosen one),
    /// in the order of `LANGUAGES`.
    pub sections: Vec<LanguageSection>,
    /// The language filter in force, if any.
    pub lang_used: Option<String>,
    /// The filter's value was not a language we know (it was ignored).
    pub ignored: bool,
    /// Every language some listed group uses, for the jump links.
    pub languages_used: Vec<String>,
    /// How many groups are listed in the city (any language).
    pub group_count: usize,
    pub share_url: String,
}

/// The state of a group's profile, for its members' dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupProfileStatus {
    pub organisation_id: i64,
    /// An approved profile exists.
    pub approved: bool,
    /// It is on the public page (approved and the organisation verified).
    pub public: bool,
    /// The newest proposal's state and the moderator's message.
    pub latest_state: Option<crate::values::ReviewState>,
    pub latest_message: Option<String>,
    pub city: crate::values::CitySlug,
    /// YYYY-MM-DD the approved profile was last checked.
    pub last_verified: Option<String>,
}

/// What the profile form starts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupProfileForm {
    pub organisation_id: i64,
    pub name: String,
    pub city: crate::values::CitySlug,
    /// The pending proposal, else the approved profile, else empty.
    pub profile: GroupProfile,
    pub status: GroupProfileStatus,
}

/// A pending proposal for the moderators: the approved profile (what the
/// public sees, if anything) and the proposed one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalItem {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub organisation_status: crate::values::OrganisationStatus,
    pub city: crate::values::CitySlug,
    pub submitted_by: String,
    pub created_at: String,
    pub current: Option<GroupProfile>,
    pub proposed: GroupProfile,
}

impl GroupProfile {
    /// The description a visitor reading `visitor` sees: its translation,
    /// else the group's own words; with the text's language ("" unknown)
    /// and whether it is known not to be the visitor's.
    pub fn description_for(&self, visitor: &str) -> (String, String, bool) {
        match self.translations.get(visitor) {
            Some(t) if visitor != self.description_lang => (t.clone(), visitor.to_string(), false),
            // Only a group that said its language is known to be in another.
            _ => (
                self.description.clone(),
                self.description_lang.clone(),
                !self.description_lang.is_empty() && self.description_lang != visitor,
            ),
        }
    }
}
