//! Who may fill in a listing form, for which organisation, and which places
//! the listing may name.
use super::core::{local_lang, Listing};
use super::draft::ListingFormData;
use crate::accounts::session::CurrentUser;
use crate::db::Db;
use crate::http::form_post::{FormRefusal, FormValues};
use crate::values::Organisation;
use crate::values::{ListingKind, OrganisationStatus};

/// The organisation named by the form's `organisation` field, if the person
/// is one of its members and it is not suspended.
pub async fn member_organisation(
    db: &Db,
    user: &CurrentUser,
    values: &FormValues,
) -> Result<Organisation, FormRefusal> {
    let org_id =
        crate::http::form_post::id_field(values, "organisation").ok_or(FormRefusal::Forbidden)?;
    db.organisations_of(user.id)
        .await?
        .into_iter()
        .find(|o| o.id == org_id && o.status != OrganisationStatus::Suspended)
        .ok_or(FormRefusal::Forbidden)
}

/// The places a listing may name: its organisation's own in the city (for
/// a listing the city holds itself, every published place of the city), and
/// the one it names already.
pub async fn place_choices(
    db: &Db,
    org: Option<i64>,
    city: &str,
    current: Option<i64>,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let mut out: Vec<(i64, String)> = match org {
        Some(org) => db
            .places_of_organisation(org)
            .await?
            .into_iter()
            .filter(|(_, c, ..)| c == city)
            .map(|(id, _, _, name, _)| (id, name))
            .collect(),
        None => {
            let every = crate::db::PlaceFilter::default();
            let mut all: Vec<(i64, String)> = db
                .published_places(city, &every)
                .await?
                .into_iter()
                .map(|p| (p.id, p.name))
                .collect();
            all.sort_by(|a, b| a.1.cmp(&b.1));
            all
        }
    };
    if let Some(id) = current.filter(|id| !out.iter().any(|(p, _)| p == id)) {
        if let Some(p) = db.row_by_id::<crate::db::PlaceRow>(id).await? {
            out.push((p.id, p.name));
        }
    }
    Ok(out)
}

/// Who may fill in an event or opportunity form, and with what choices.
pub struct FormStart {
    /// (id, name) of the organisations a member proposes for (empty for a
    /// moderator's direct edit).
    pub organisations: Vec<(i64, String)>,
    pub places: Vec<(i64, String)>,
    /// The listing's city, and its language (its description has a field
    /// of its own).
    pub city: String,
    pub local_lang: String,
}

/// The listing's owner, city and place when editing one; None for a new
/// listing. Returns None when the person may not use the form.
pub async fn form_start(
    db: &Db,
    user: &CurrentUser,
    existing: Option<(Option<i64>, String, Option<i64>)>,
    moderate: bool,
) -> Result<Option<FormStart>, sqlx::Error> {
    if moderate {
        let Some((org, city, place)) = existing.filter(|(_, c, _)| user.can_moderate(c)) else {
            return Ok(None);
        };
        return Ok(Some(FormStart {
            organisations: Vec::new(),
            places: place_choices(db, org, &city, place).await?,
            local_lang: local_lang(db, &city).await?,
            city,
        }));
    }
    let orgs: Vec<Organisation> = db
        .organisations_of(user.id)
        .await?
        .into_iter()
        .filter(|o| o.status != OrganisationStatus::Suspended)
        // A listing the city imported (no owner) may be asked for by any.
        .filter(|o| match &existing {
            Some((Some(owner), ..)) => o.id == *owner,
            _ => true,
        })
        .collect();
    let Some(first) = orgs.first() else {
        return Ok(None);
    };
    let city = match &existing {
        Some((_, c, _)) => c.clone(),
        None => first.city.to_string(),
    };
    let mut places = Vec::new();
    for o in &orgs {
        let (city, current) = match &existing {
            Some((_, c, p)) => (c.as_str(), *p),
            None => (o.city.as_str(), None),
        };
        for p in place_choices(db, Some(o.id), city, current).await? {
            if !places.contains(&p) {
                places.push(p);
            }
        }
    }
    Ok(Some(FormStart {
        organisations: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
        places,
        local_lang: local_lang(db, &city).await?,
        city,
    }))
}

/// A sent-back or rejected proposal `change` of one of the person's
/// organisations, to fill its form again: (the listing it changes, its
/// draft). None for anyone else's, a pending or accepted one, or another
/// kind's.
pub async fn reopened<D: Listing>(
    db: &Db,
    user: &CurrentUser,
    change: i64,
) -> Result<Option<(Option<i64>, D)>, sqlx::Error> {
    use crate::values::ReviewState;
    let Some(c) = db.change(change).await? else {
        return Ok(None);
    };
    let member = db.organisations_of(user.id).await?.iter().any(|o| o.id == c.organisation_id);
    let closed = matches!(c.state, ReviewState::Rejected | ReviewState::ChangesRequested);
    if c.kind != D::KIND || !member || !closed {
        return Ok(None);
    }
    Ok(serde_json::from_str::<D>(&c.data).ok().map(|d| (c.listing_id, d)))
}

/// Where a listing form starts: listing `id`, a proposal to reopen
/// (`change`, see `reopened`), whether a moderator edits directly, and the
/// city a moderator adds a listing to.
#[derive(Clone, Copy, Debug, Default)]
pub struct FormTarget<'a> {
    pub id: Option<i64>,
    pub change: Option<i64>,
    pub moderate: bool,
    pub city: Option<&'a str>,
}

/// What a listing form starts from: `blank`, listing `id` as the public
/// sees it, or a proposal sent back or rejected. Members propose for their
/// organisations; with `moderate`, a moderator of the listing's city edits
/// it directly, or adds one to `city`. None when the person may not use the
/// form (or there is no such listing).
pub async fn form_data<D: Listing>(
    db: &Db,
    user: &CurrentUser,
    target: FormTarget<'_>,
    blank: D,
) -> Result<Option<ListingFormData>, sqlx::Error> {
    let FormTarget { id, change, moderate, city } = target;
    let reopened = match change.filter(|_| !moderate) {
        Some(change) => match reopened::<D>(db, user, change).await? {
            Some(found) => Some(found),
            None => return Ok(None),
        },
        None => None,
    };
    let id = reopened.as_ref().map_or(id, |(listing, _)| *listing);
    let city = city.map(str::to_string);
    let row = match id {
        Some(id) => match D::row(db, id).await? {
            Some(row) => Some((id, row)),
            None => return Ok(None),
        },
        None => None,
    };
    let existing = match &row {
        Some((_, r)) => {
            let facts = D::facts(r);
            let owner = D::owner(db, r).await?;
            Some((owner, facts.city.to_string(), facts.place))
        }
        None => None,
    };
    // A moderator adding a listing: a new one, owned by the city.
    let new_in_city = city.filter(|_| moderate && row.is_none());
    let existing = existing.or_else(|| new_in_city.clone().map(|c| (None, c, None)));
    let Some(start) = form_start(db, user, existing, moderate).await? else {
        return Ok(None);
    };
    let (draft, outdated) = match &row {
        Some((id, r)) => {
            let texts = db.listing_texts(D::KIND.into(), *id).await?;
            (
                D::current(db, r, &start.local_lang).await?,
                crate::locale::content::outdated_langs(&texts, &start.local_lang),
            )
        }
        None => (blank, Vec::new()),
    };
    let draft = reopened.map_or(draft, |(_, d)| d);
    Ok(Some(ListingFormData {
        organisations: start.organisations,
        listing: row.map(|(id, r)| {
            let facts = D::facts(&r);
            (id, facts.city.to_string(), facts.slug.to_string())
        }),
        values: draft.form_values(),
        places: start.places,
        needs: crate::needs::labels(),
        moderator_edit: moderate,
        new_in_city,
        local_lang: start.local_lang,
        city: start.city,
        outdated,
    }))
}

/// The public page a form about a listing sits on, from the form's own
/// fields (`listing`, `city`, `slug`; each checked to be a plain path part).
pub fn listing_page(values: &FormValues) -> String {
    let part = |k: &str| {
        values
            .get(k)
            .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .cloned()
    };
    let listing = values.get("listing").map(String::as_str);
    let section = listing.and_then(ListingKind::parse).unwrap_or(ListingKind::Place).section();
    match (part("city"), part("slug")) {
        // Groups are listed together on the city's communities page.
        (Some(c), _) if listing == Some("group") => format!("/{c}/communities"),
        (Some(c), Some(s)) => format!("/{c}/{section}/{s}"),
        _ => "/".into(),
    }
}

/// The city a moderator's form adds a new listing to: the form names a
/// city (a slug) and no listing.
pub fn new_in_city(v: &FormValues, kind: ListingKind) -> Option<String> {
    // Only the kind's own id names a listing: an event's `place` is where it
    // is held.
    let listing = crate::http::form_post::id_field(v, kind.as_str()).is_some();
    v.get("city").map(|c| c.trim().to_string()).filter(|c| {
        !listing && !c.is_empty() && c.chars().all(|x| x.is_ascii_lowercase() || x == '-')
    })
}
