//! The city at a glance for its officials: listings per kind and state,
//! proposals waiting and how long, stale listings, organisations, open
//! reports, interest requests per opportunity. Counts only; the app
//! records no page views.
use crate::values::ListingKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    pub kind: ListingKind,
    pub count: i64,
    /// Median time waiting so far, in hours.
    pub median_hours: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    /// The city counted (a moderator of one city always has it); None for
    /// every city.
    pub city: Option<String>,
    /// (kind, status, count)
    pub listings: Vec<(ListingKind, String, i64)>,
    pub waiting: Vec<Waiting>,
    /// Listings and group profiles not confirmed for `stale_days`, by kind
    /// (place, event, opportunity, group).
    pub stale: Vec<(String, i64)>,
    pub stale_days: i64,
    /// (status, count)
    pub organisations: Vec<(crate::values::OrganisationStatus, i64)>,
    pub open_reports: i64,
    /// (opportunity, requests)
    pub interest: Vec<(String, i64)>,
}

impl Statistics {
    /// Every figure as (section, item, detail, value): the CSV's rows.
    pub fn rows(&self) -> Vec<[String; 4]> {
        let row = |a: &str, b: &str, c: &str, n: i64| {
            [a.to_string(), b.to_string(), c.to_string(), n.to_string()]
        };
        let mut rows = Vec::new();
        for (kind, status, n) in &self.listings {
            rows.push(row("listings", kind.as_str(), status, *n));
        }
        for w in &self.waiting {
            rows.push(row("waiting", w.kind.as_str(), "count", w.count));
            if let Some(h) = w.median_hours {
                rows.push(row("waiting", w.kind.as_str(), "median_hours", h));
            }
        }
        for (kind, n) in &self.stale {
            rows.push(row("stale", kind, &format!("{} days", self.stale_days), *n));
        }
        for (status, n) in &self.organisations {
            rows.push(row("organisations", status.as_str(), "", *n));
        }
        rows.push(row("reports", "open", "", self.open_reports));
        for (title, n) in &self.interest {
            rows.push(row("interest", title, "requests", *n));
        }
        rows
    }
}

/// The median of `values` (sorted or not); None for none.
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2),
    }
}

/// The statistics of `city` (a moderator of one city: always theirs).
#[server]
pub async fn city_statistics(city: String) -> Result<Statistics, crate::page_error::PageError> {
    let (state, city) = super::server::moderator_scope(city).await?;
    Ok(read::gather(&state, city).await?)
}

#[cfg(feature = "ssr")]
pub mod read {
    //! The figures, from the database, and as CSV.
    use super::{median, Statistics, Waiting};
    use crate::state::AppState;
    use crate::values::{ListingKind, OrganisationStatus};

    pub async fn gather(
        state: &AppState,
        city: Option<String>,
    ) -> Result<Statistics, crate::error::AppError> {
        let db = &state.db;
        let scope = city.as_deref();
        let listings = db
            .listing_counts(scope)
            .await?
            .into_iter()
            .filter_map(|(k, s, n)| Some((ListingKind::parse(&k)?, s, n)))
            .collect();
        let now = state.now();
        let waiting_rows = db.waiting_changes(scope).await?;
        let waiting = ListingKind::ALL
            .iter()
            .map(|&kind| {
                let hours: Vec<i64> = waiting_rows
                    .iter()
                    .filter(|(k, _)| k == kind.as_str())
                    .map(|(_, at)| (now - at.utc()).num_hours().max(0))
                    .collect();
                Waiting { kind, count: hours.len() as i64, median_hours: median(hours) }
            })
            .collect();
        let stale_days = state.config.stale_days;
        let stale_rows = crate::kinds::freshness::stale(db, scope, stale_days, now).await?;
        let mut stale: Vec<(String, i64)> = Vec::new();
        for (kind, _, _) in stale_rows {
            match stale.iter_mut().find(|(k, _)| k.as_str() == kind) {
                Some((_, n)) => *n += 1,
                None => stale.push((kind.to_string(), 1)),
            }
        }
        let organisations = db
            .organisation_counts(scope)
            .await?
            .into_iter()
            .filter_map(|(s, n)| Some((OrganisationStatus::parse(&s)?, n)))
            .collect();
        let interest =
            db.interest_counts(scope).await?.into_iter().map(|(_, t, n)| (t, n)).collect();
        let open_reports = db.open_report_count(scope).await?;
        Ok(Statistics {
            city: city.clone(),
            listings,
            waiting,
            stale,
            stale_days,
            organisations,
            open_reports,
            interest,
        })
    }

    /// The figures as CSV (section, item, detail, value), in the asker's
    /// scope; `raw` is the page's query (`city=` for those who choose).
    pub async fn csv(
        state: AppState,
        session: tower_sessions::Session,
        raw: Option<String>,
    ) -> axum::response::Response {
        use crate::accounts::model::Role;
        use axum::http::StatusCode;
        use axum::response::IntoResponse;
        let user = match crate::accounts::session::current_user(&session, &state.db).await {
            Ok(Some(u)) if u.role != Role::Member => u,
            Ok(_) => return StatusCode::FORBIDDEN.into_response(),
            Err(e) => return e.into_response(),
        };
        let asked = crate::http::params::pairs(&raw)
            .into_iter()
            .find(|(k, v)| k == "city" && !v.is_empty())
            .map(|(_, v)| v);
        let city = user.moderated_city().map(str::to_string).or(asked);
        let stats = match gather(&state, city).await {
            Ok(s) => s,
            Err(e) => return e.into_response(),
        };
        let head = ["section", "item", "detail", "value"].map(String::from);
        let rows = std::iter::once(head).chain(stats.rows()).map(Vec::from);
        crate::http::csv::attachment("statistics.csv", rows)
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_even_and_none() {
        assert_eq!(median(vec![30, 2, 7]), Some(7));
        assert_eq!(median(vec![1, 9, 3, 5]), Some(4));
        assert_eq!(median(vec![]), None);
    }
}
