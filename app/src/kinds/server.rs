//! What an organisation's members see of their listings of every kind, and
//! what the listing forms start from.
use crate::values::{Publication, ReviewState};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyChange {
    pub id: i64,
    pub kind: crate::values::ListingKind,
    pub name: String,
    pub is_new: bool,
    pub state: ReviewState,
    pub message: Option<String>,
    pub created_at: String,
    /// Decided field by field: (field key, accepted).
    #[serde(default)]
    pub fields: Vec<(String, bool)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyPlace {
    pub id: i64,
    pub name: String,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub last_verified: Option<String>,
    /// Languages whose translation is older than the source text.
    pub outdated: Vec<String>,
    /// It has a position, so the map shows it.
    pub located: bool,
}

/// One of the organisation's events, with its next dates to call off.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyEvent {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub title: String,
    pub status: Publication,
    pub status_note: Option<String>,
    /// YYYY-MM-DD: when the organisation or a moderator last checked it.
    pub last_verified: Option<String>,
    /// (local date YYYY-MM-DD, local start YYYY-MM-DDTHH:MM, cancelled)
    pub next: Vec<(String, String, bool)>,
    /// Languages whose translation is older than the source text.
    pub outdated: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyOpportunity {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub title: String,
    pub status: Publication,
    /// YYYY-MM-DD: when the organisation or a moderator last checked it.
    pub last_verified: Option<String>,
    /// Languages whose translation is older than the source text.
    pub outdated: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingsView {
    pub changes: Vec<MyChange>,
    pub places: Vec<MyPlace>,
    pub events: Vec<MyEvent>,
    pub opportunities: Vec<MyOpportunity>,
}

/// The signed-in member's organisations' proposals and places.
#[server]
pub async fn my_listings() -> Result<ListingsView, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    let Some(user) = user else {
        return Err(crate::page_error::forbidden());
    };
    let mut out = ListingsView {
        changes: Vec::new(),
        places: Vec::new(),
        events: Vec::new(),
        opportunities: Vec::new(),
    };
    let now = state.now();
    let db = &state.db;
    let outdated = |table: crate::db::TextTable, id: i64, city: crate::values::CitySlug| async move {
        let local = db.city(&city).await?.map(|c| c.local_lang).unwrap_or_default();
        let texts = db.listing_texts(table, id).await?;
        Ok::<_, sqlx::Error>(crate::locale::content::outdated_langs(&texts, &local))
    };
    for org in state.db.organisations_of(user.id).await? {
        for c in state.db.changes_of_organisation(org.id).await? {
            // Every kind's draft names the listing as `name` or `title`.
            let draft: serde_json::Value = serde_json::from_str(&c.data).unwrap_or_default();
            let name = draft
                .get("name")
                .or_else(|| draft.get("title"))
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_string();
            let fields = c
                .outcomes()
                .map(|o| {
                    let accepted = o.accepted.into_iter().map(|f| (f, true));
                    accepted.chain(o.sent_back.into_iter().map(|f| (f, false))).collect()
                })
                .unwrap_or_default();
            out.changes.push(MyChange {
                fields,
                id: c.id,
                kind: c.kind,
                name,
                is_new: c.listing_id.is_none(),
                state: c.state,
                message: c.message,
                created_at: c.created_at.to_string(),
            });
        }
        for p in state.db.rows_of_organisation::<crate::db::PlaceRow>(org.id).await? {
            out.places.push(MyPlace {
                outdated: outdated(crate::db::TextTable::Place, p.id, p.city.clone()).await?,
                located: p.lat.is_some() && p.lon.is_some(),
                id: p.id,
                name: p.name,
                city: p.city,
                slug: p.slug,
                last_verified: p.last_verified.map(|d| d.to_string()),
            });
        }
        for e in state.db.rows_of_organisation::<crate::db::EventRow>(org.id).await? {
            out.events.push(MyEvent {
                next: crate::events::detail::next_dates(&e, now, 8),
                outdated: outdated(crate::db::TextTable::Event, e.id, e.city.clone()).await?,
                id: e.id,
                city: e.city,
                slug: e.slug,
                title: e.title,
                status: e.status,
                status_note: e.status_note,
                last_verified: e.last_verified.map(|d| d.to_string()),
            });
        }
        for o in state.db.rows_of_organisation::<crate::db::OpportunityRow>(org.id).await? {
            out.opportunities.push(MyOpportunity {
                outdated: outdated(crate::db::TextTable::Opportunity, o.id, o.city.clone()).await?,
                id: o.id,
                city: o.city,
                slug: o.slug,
                title: o.title,
                status: o.status,
                last_verified: o.last_verified.map(|d| d.to_string()),
            });
        }
    }
    Ok(out)
}
