//! The audit log officials browse: every entry of their city (an admin's:
//! of all), newest first, filtered by organisation, listing, person, action
//! and days, paged, and the same as CSV. The log is append-only: nothing
//! here or anywhere changes an entry (the database refuses it too).
use crate::values::AuditAction;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Entries on one page.
pub const PAGE_SIZE: i64 = 50;

/// What the officials asked for, as the page's address carries it. Empty
/// fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// One listing or story (`kind` and `id`).
    pub kind: String,
    pub id: Option<i64>,
    pub organisation: Option<i64>,
    /// Part of the e-mail or name of the actor or of the account concerned.
    pub person: String,
    pub action: String,
    /// Days (YYYY-MM-DD, the city's), both included.
    pub from: String,
    pub to: String,
    /// From 1.
    pub page: u32,
}

impl AuditFilter {
    /// Reads the address's parameters. `kind=organisation&id=N` (the older
    /// address of an organisation's history) is the organisation filter.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> AuditFilter {
        let mut f = AuditFilter { page: 1, ..Default::default() };
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "kind" => f.kind = v.to_string(),
                "id" => f.id = v.parse().ok(),
                "organisation" => f.organisation = v.parse().ok(),
                "person" => f.person = v.chars().take(100).collect(),
                "action" => f.action = v.to_string(),
                "from" => f.from = v.to_string(),
                "to" => f.to = v.to_string(),
                "page" => f.page = v.parse().unwrap_or(1).max(1),
                _ => {}
            }
        }
        if f.kind == "organisation" {
            f.organisation = f.id.take().or(f.organisation);
            f.kind.clear();
        }
        f
    }

    /// The address parameters of this filter at `page` (for paging and for
    /// the CSV link); without `page` for the first.
    pub fn query(&self, page: Option<u32>) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let (false, Some(id)) = (self.kind.is_empty(), self.id) {
            q.append_pair("kind", &self.kind).append_pair("id", &id.to_string());
        }
        if let Some(o) = self.organisation {
            q.append_pair("organisation", &o.to_string());
        }
        for (k, v) in [
            ("person", &self.person),
            ("action", &self.action),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        if let Some(p) = page.filter(|p| *p > 1) {
            q.append_pair("page", &p.to_string());
        }
        q.finish()
    }
}

/// One entry as officials read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub id: i64,
    /// Stored (UTC, RFC 3339) and in the city's time with its offset.
    pub at: String,
    pub local: String,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub subject_kind: String,
    pub action: AuditAction,
    /// What it belongs to: (kind, id, name) when known.
    pub target: Option<(String, i64, String)>,
    /// Every changed field: (field, old, new).
    pub changes: Vec<(String, String, String)>,
    /// Other details, as recorded, when they are no list of changes.
    pub details: String,
    pub reason: Option<String>,
}

impl LogEntry {
    /// The log filtered to what this entry belongs to (an app path).
    pub fn target_link(&self) -> Option<String> {
        let (kind, id, _) = self.target.as_ref()?;
        Some(match kind.as_str() {
            "organisation" => format!("/moderation/audit?organisation={id}"),
            _ => format!("/moderation/audit?kind={kind}&id={id}"),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLogView {
    /// The listing, story or organisation the log is filtered to: its name
    /// and public page.
    pub heading: Option<(String, Option<String>)>,
    pub entries: Vec<LogEntry>,
    /// Whether older entries follow.
    pub more: bool,
    /// (id, name) of the organisations the asker may filter by.
    pub organisations: Vec<(i64, String)>,
    /// Parameters that were not understood and were left out.
    pub ignored: Vec<String>,
}

/// The audit log for moderators (their city) and admins (all).
#[server]
pub async fn audit_log(filter: AuditFilter) -> Result<AuditLogView, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    let user = user.ok_or_else(crate::page_error::forbidden)?;
    let prepared = read::prepare(&state.db, &user, &filter).await?;
    let mut query = prepared.query;
    query.limit = PAGE_SIZE + 1;
    query.offset = i64::from(filter.page.max(1) - 1) * PAGE_SIZE;
    let mut entries = read::entries(&state.db, &query).await?;
    let more = entries.len() as i64 > PAGE_SIZE;
    entries.truncate(PAGE_SIZE as usize);
    let organisations = state
        .db
        .organisations(user.moderated_city(), None)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(AuditLogView {
        heading: prepared.heading,
        entries,
        more,
        organisations,
        ignored: prepared.ignored,
    })
}

#[cfg(feature = "ssr")]
pub mod read {
    //! From a filter to the database's query, with the asker's scope, and
    //! from its rows to entries in the city's time.
    use super::{AuditFilter, LogEntry};
    use crate::accounts::model::Role;
    use crate::accounts::session::CurrentUser;
    use crate::db::{AuditQuery, Db};
    use crate::page_error::{forbidden, PageError};
    use crate::values::{AuditAction, Timestamp};
    use chrono::{NaiveDate, TimeZone};

    pub struct Prepared {
        pub query: AuditQuery,
        pub heading: Option<(String, Option<String>)>,
        pub ignored: Vec<String>,
    }

    /// The query `f` asks for within what `user` may read: a moderator of
    /// one city reads that city's entries, an admin (or a moderator of
    /// every city) all. Asking for another city's listing or organisation
    /// is refused.
    pub async fn prepare(
        db: &Db,
        user: &CurrentUser,
        f: &AuditFilter,
    ) -> Result<Prepared, PageError> {
        if user.role == Role::Member {
            return Err(forbidden());
        }
        let mut ignored = Vec::new();
        let mut query =
            AuditQuery { city: user.moderated_city().map(str::to_string), ..Default::default() };
        let mut heading = None;
        if let (false, Some(id)) = (f.kind.is_empty(), f.id) {
            let (city, name, page) = target(db, &f.kind, id).await?.ok_or_else(forbidden)?;
            if !user.can_moderate(&city) {
                return Err(forbidden());
            }
            query.target = Some((f.kind.clone(), id));
            heading = Some((name, page));
        } else if !f.kind.is_empty() || f.id.is_some() {
            ignored.push("kind".to_string());
        }
        if let Some(id) = f.organisation {
            let org = db.organisation(id).await?.ok_or_else(forbidden)?;
            if !user.can_moderate(&org.city) {
                return Err(forbidden());
            }
            query.organisation = Some(id);
            heading = heading.or(Some((org.name, None)));
        }
        query.person = Some(f.person.trim().to_string()).filter(|p| !p.is_empty());
        match AuditAction::parse(&f.action) {
            Some(a) => query.action = Some(a.as_str().to_string()),
            None if f.action.is_empty() => {}
            None => ignored.push("action".to_string()),
        }
        // Days are the asker's city's; an admin's, without one, UTC.
        let zone = match user.moderated_city() {
            Some(city) => db.city(city).await?.map(|c| c.timezone),
            None => None,
        };
        let zone: chrono_tz::Tz = zone.and_then(|z| z.parse().ok()).unwrap_or(chrono_tz::UTC);
        for (name, value, next_day) in [("from", &f.from, false), ("to", &f.to, true)] {
            if value.is_empty() {
                continue;
            }
            match day_start(value, next_day, zone) {
                Some(t) if next_day => query.until = Some(t),
                Some(t) => query.from = Some(t),
                None => ignored.push(name.to_string()),
            }
        }
        Ok(Prepared { query, heading, ignored })
    }

    /// The start of `day` (or of the day after) in `zone`.
    fn day_start(day: &str, next_day: bool, zone: chrono_tz::Tz) -> Option<Timestamp> {
        let mut d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        if next_day {
            d = d.succ_opt()?;
        }
        let local = zone.from_local_datetime(&d.and_hms_opt(0, 0, 0)?).earliest()?;
        Some(Timestamp::from(local.with_timezone(&chrono::Utc)))
    }

    /// City, name and public page of a listing or story.
    async fn target(
        db: &Db,
        kind: &str,
        id: i64,
    ) -> Result<Option<(String, String, Option<String>)>, PageError> {
        if let Some(kind) = crate::listing::ListingKind::parse(kind) {
            let found = crate::with_listing_kind!(kind, |D| {
                crate::listing::history::heading::<D>(db, id).await?
            });
            return Ok(found.map(|h| (h.city.to_string(), h.name, Some(h.page))));
        }
        if kind == "story" {
            let st = db.story_by_id(id).await?;
            return Ok(st.map(|s| {
                let page = format!("/{}/stories/{}", s.city, s.slug);
                (s.city.to_string(), s.slug, Some(page))
            }));
        }
        Ok(None)
    }

    /// Most entries one CSV file holds (newest first).
    const CSV_ROWS: i64 = 10_000;

    /// The log as CSV, filtered as the page's address says (`raw`), in the
    /// asker's scope; the action and field names in `l`'s words.
    pub async fn csv(
        state: crate::state::AppState,
        session: tower_sessions::Session,
        l: crate::i18n::Locale,
        raw: Option<String>,
    ) -> axum::response::Response {
        use axum::http::StatusCode;
        use axum::response::IntoResponse;
        let pairs = crate::http::params::pairs(&raw);
        let filter = AuditFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let user = match crate::accounts::session::current_user(&session, &state.db).await {
            Ok(Some(u)) => u,
            Ok(None) => return StatusCode::FORBIDDEN.into_response(),
            Err(e) => return e.into_response(),
        };
        let entries = match prepare(&state.db, &user, &filter).await {
            Ok(p) => {
                let query = AuditQuery { limit: CSV_ROWS, ..p.query };
                entries(&state.db, &query).await
            }
            Err(e) => Err(e),
        };
        let entries = match entries {
            Ok(e) => e,
            Err(PageError::Forbidden) => return StatusCode::FORBIDDEN.into_response(),
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
        let head = [
            "id",
            "time",
            "time_utc",
            "email",
            "name",
            "action",
            "action_words",
            "kind",
            "object_id",
            "object",
            "changes",
            "details",
            "reason",
        ];
        let mut rows = vec![head.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
        for e in entries {
            let (kind, id, name) = e.target.clone().unwrap_or_default();
            let changes = e
                .changes
                .iter()
                .map(|(f, a, b)| format!("{}: {a} → {b}", crate::locale::field_label(l, &kind, f)))
                .collect::<Vec<_>>()
                .join("\n");
            rows.push(vec![
                e.id.to_string(),
                e.local,
                e.at,
                e.actor_email.unwrap_or_default(),
                e.actor_name.unwrap_or_default(),
                e.action.as_str().to_string(),
                crate::locale::audit_action(l, &e.subject_kind, e.action),
                kind,
                if id == 0 { String::new() } else { id.to_string() },
                name,
                changes,
                e.details,
                e.reason.unwrap_or_default(),
            ]);
        }
        crate::http::csv::attachment("audit.csv", rows)
    }

    /// The entries of `query`, each in its city's time (UTC for entries of
    /// no city).
    pub async fn entries(db: &Db, query: &AuditQuery) -> Result<Vec<LogEntry>, PageError> {
        let cities = db.cities().await?;
        let rows = db.audit_log(query).await?;
        Ok(rows
            .into_iter()
            .map(|e| {
                let zone =
                    e.city.as_ref().and_then(|c| cities.iter().find(|x| x.slug.as_str() == c));
                let zone: chrono_tz::Tz =
                    zone.and_then(|c| c.timezone.parse().ok()).unwrap_or(chrono_tz::UTC);
                let local = Timestamp::parse(&e.at)
                    .map(|t| {
                        t.utc().with_timezone(&zone).format("%Y-%m-%d %H:%M (UTC%:z)").to_string()
                    })
                    .unwrap_or_else(|| e.at.clone());
                let changes = crate::values::audit_changes(&e.details);
                let target = match (e.target_kind, e.target_id, e.target_name) {
                    (Some(k), Some(id), name) => {
                        Some((k, id, name.unwrap_or_else(|| format!("#{id}"))))
                    }
                    _ => None,
                };
                LogEntry {
                    id: e.id,
                    at: e.at,
                    local,
                    actor_name: e.actor,
                    actor_email: e.actor_email,
                    subject_kind: e.subject_kind,
                    action: e.action,
                    target,
                    details: if changes.is_some() { String::new() } else { e.details },
                    changes: changes.unwrap_or_default(),
                    reason: e.reason,
                }
            })
            .collect())
    }
}
