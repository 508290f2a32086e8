//! "Report a problem" from visitors (no account, rate-limited) and moderators
//! marking reports handled.
use crate::accounts::model::{FieldError, FieldErrors, FormError};
use crate::accounts::session::CurrentUser;
use crate::db::{Db, Reported};
use crate::http::form_post::{FormRefusal, FormValues};
use crate::listing::{Listing, ListingKind};
use crate::values::Timestamp;
use chrono::{DateTime, Utc};

/// Stores a report about a published place, event, volunteering
/// opportunity or community group (`listing`, "place" when absent); "other"
/// needs a description.
pub async fn report_problem(
    db: &Db,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let field = |k: &str| values.get(k).map(|v| v.trim()).unwrap_or("");
    let (city, slug) = (field("city"), field("slug"));
    let (about, city) = match field("listing") {
        // A group has no page of its own: the form on the city's
        // communities page names it by id.
        "group" => match crate::http::form_post::id_field(values, "group") {
            Some(id) if db.is_public_group(city, id).await? => {
                Some((Reported::Group(id), city.to_string()))
            }
            _ => None,
        },
        // Forms from before events and opportunities could be reported.
        "" => with_kind(db, ListingKind::Place, city, slug).await?,
        listing => match ListingKind::parse(listing) {
            Some(kind) => with_kind(db, kind, city, slug).await?,
            None => None,
        },
    }
    .ok_or(FormRefusal::Forbidden)?;
    let kind = values.get("kind").map(String::as_str).unwrap_or("");
    let message = values.get("message").map(|m| m.trim()).unwrap_or("");
    let mut errors = FieldErrors::new();
    if !super::REPORT_KINDS.contains(&kind) {
        errors.insert("kind", FieldError::UnknownChoice);
    }
    if message.chars().count() > 2000 {
        errors.insert("message", FieldError::TooLong);
    } else if kind == "other" && message.is_empty() {
        errors.insert("message", FieldError::Required);
    }
    if !errors.is_empty() {
        return Err(FormRefusal::Fields(errors));
    }
    db.add_report(about, &city, kind, message, Timestamp::from(now)).await?;
    Ok(())
}

pub async fn handle_report(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let id = crate::http::form_post::id_field(values, "report").ok_or(FormRefusal::Forbidden)?;
    let city = db.report_city(id).await?.ok_or(FormRefusal::Forbidden)?;
    if !user.can_moderate(&city) {
        return Err(FormRefusal::Forbidden);
    }
    if db.handle_report(id, user.id, Timestamp::from(now)).await? {
        Ok(())
    } else {
        Err(FormRefusal::Form(FormError::AlreadyDecided))
    }
}

/// The published listing a report names, and its city.
async fn with_kind(
    db: &Db,
    kind: ListingKind,
    city: &str,
    slug: &str,
) -> Result<Option<(Reported, String)>, sqlx::Error> {
    crate::with_listing_kind!(kind, |D| published::<D>(db, city, slug).await)
}

async fn published<L: Listing>(
    db: &Db,
    city: &str,
    slug: &str,
) -> Result<Option<(Reported, String)>, sqlx::Error> {
    Ok(L::published(db, city, slug).await?.map(|row| {
        let facts = L::facts(&row);
        (Reported::Listing(L::KIND, facts.id), facts.city.to_string())
    }))
}
