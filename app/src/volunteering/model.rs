//! What the volunteering pages and API show.
use serde::{Deserialize, Serialize};

pub const AUDIENCES: [&str; 3] = ["newcomers", "locals", "both"];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpportunityItem {
    pub slug: String,
    pub title: String,
    /// The title's language (not the page's when there is no translation).
    pub title_lang: String,
    pub organiser: Option<String>,
    /// place | address | remote
    pub location_kind: String,
    pub location: Option<String>,
    pub district: Option<String>,
    /// one_off | recurring | flexible
    pub schedule_kind: String,
    pub date: Option<String>,
    pub schedule_text: Option<String>,
    pub skills: String,
    pub languages: Vec<String>,
    pub no_czech: bool,
    /// newcomers | locals | both
    pub audience: String,
    pub min_age: Option<i64>,
    pub deadline: Option<String>,
    /// What it helps with (keys of `app/needs.json`).
    pub needs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpportunityListing {
    pub city: crate::cities::City,
    pub items: Vec<OpportunityItem>,
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    pub languages: Vec<String>,
    /// The needs the city's open opportunities are tagged with, to filter by.
    pub needs: Vec<crate::needs::NeedLabel>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpportunityDetail {
    pub id: i64,
    pub city: crate::values::CitySlug,
    /// The city's own language ("No Slovak needed").
    pub local_lang: String,
    pub item: OpportunityItem,
    pub description: Option<String>,
    pub description_lang: Option<String>,
    /// The description with what to tell about its language.
    pub description_text: Option<crate::locale::content::ShownText>,
    pub place: Option<(String, String)>,
    pub contact: Option<String>,
    pub registration_url: Option<String>,
    /// The organisation requests sent here go to (only one with an account
    /// takes them).
    pub interest_to: Option<String>,
    /// Past its deadline or date: the page stays, the form does not.
    pub closed: bool,
    pub sources: Vec<String>,
    pub share_url: String,
    pub retention_days: i64,
    /// YYYY-MM-DD: when its organisation or a moderator last checked it.
    pub last_verified: Option<String>,
    /// schema.org JobPosting (employment type VOLUNTEER) as JSON-LD.
    pub json_ld: String,
}

/// A request as the organisation's members see it on their dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterestView {
    pub opportunity: String,
    pub name: String,
    pub contact: String,
    pub languages: String,
    pub message: String,
    pub created_at: String,
    pub delete_after: String,
}
