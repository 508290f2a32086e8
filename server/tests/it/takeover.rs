//! An organisation asks to manage a listing the city imported: its page
//! offers the way, the proposal form opens for any organisation, the
//! moderator sees it is a takeover, and accepting gives the organisation the
//! listing; from then on other organisations cannot propose for it. Per
//! kind, on the real app with the demo data (every demo listing is the
//! city's), both backends.

use crate::common::{accept_change, cast, get_page, post_ok, spawn_app, Backend, Cast};
use crate::common::{page_expect, post_expect};
use app::listing::ListingKind;
use reqwest::StatusCode;

struct Kind {
    listing: ListingKind,
    /// The listing's public page.
    page: &'static str,
    /// The form's fields besides `organisation` and the listing's id.
    fields: &'static [(&'static str, &'static str)],
    /// The listing's title once accepted.
    title: &'static str,
}

/// The external links of the page's list of sources.
fn sources_of(page: &str) -> Vec<String> {
    let list = page
        .split("class=\"provenance\"")
        .nth(1)
        .or_else(|| page.split("class=\"sources\"").nth(1))
        .and_then(|rest| rest.split("</ul>").next())
        .unwrap_or("");
    list.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).map(str::to_string).collect()
}

async fn take_over(backend: Backend, kind: Kind) {
    let id_field = kind.listing.as_str();
    // The proposal form's page (without language, up to the listing's id)
    // and where it is sent.
    let form_path = format!("/dashboard/{}/new?{id_field}", kind.listing.plural());
    let submit = format!("/en/dashboard/{}/submit", kind.listing.plural());
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, other, moderator } = cast(&app).await;
    let org_s = org.to_string();

    // The public page offers the way in; the form opens with the listing.
    let (_, page) = get_page(base, None, kind.page).await;
    let sources = sources_of(&page);
    assert!(!sources.is_empty(), "the imported listing names its sources");
    let link = page
        .split(&format!("href=\"/en{form_path}="))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page links to the proposal form")
        .to_string();
    let form =
        page_expect(base, Some(&ngo), &format!("/en{form_path}={link}"), StatusCode::OK).await; // the form opens for an organisation
    assert!(form.contains(&format!("value=\"{org}\"")), "proposing for its organisation");

    let mut fields: Vec<(&str, &str)> = vec![("organisation", &org_s), (id_field, &link)];
    fields.extend_from_slice(kind.fields);
    post_ok(base, &ngo, &submit, &fields).await;
    let change = db.pending_changes(&Default::default()).await.expect("q");
    assert_eq!(change.len(), 1);
    assert_eq!(change[0].listing_id.map(|l| l.to_string()), Some(link.clone()));
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains("The city imported this listing."), "shown as a takeover");

    let (s, _) = accept_change(base, &moderator, &change[0].id.to_string()).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, page) = get_page(base, None, kind.page).await;
    assert!(page.contains(kind.title), "the accepted version is public");
    for source in &sources {
        assert!(sources_of(&page).contains(source), "source {source} kept");
    }
    assert!(!page.contains(&format!("href=\"/en{form_path}=")), "managed now: no more asking");

    // Now the organisation's: another organisation can no longer propose
    // for it, and the queue no longer calls the next change a takeover.
    page_expect(base, Some(&other), &format!("/en{form_path}={link}"), StatusCode::FORBIDDEN).await;
    let other_org = db
        .organisations_of(db.user_by_email("other@example.org").await.expect("q").expect("u").id)
        .await
        .expect("q")[0]
        .id
        .to_string();
    let mut theirs: Vec<(&str, &str)> = vec![("organisation", &other_org), (id_field, &link)];
    theirs.extend_from_slice(kind.fields);
    post_expect(base, Some(&other), &submit, &theirs, StatusCode::FORBIDDEN).await;
    // (The same fields again would change nothing and be refused.)
    let renamed = format!("{} 2", kind.fields[0].1);
    let mut next = fields.clone();
    next[2] = (kind.fields[0].0, renamed.as_str());
    post_ok(base, &ngo, &submit, &next).await;
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(!queue.contains("The city imported this listing."));
}

async fn places(backend: Backend) {
    let kind = Kind {
        page: "/en/prague/places/oamp-praha-1",
        listing: ListingKind::Place,
        fields: &[
            ("name", "OAMP Praha I (spravuje spolek)"),
            ("category", "foreigners_office"),
            ("address", "Cigánkova 1861/2, Praha 4"),
        ],
        title: "OAMP Praha I (spravuje spolek)",
    };
    take_over(backend, kind).await;
}

async fn events(backend: Backend) {
    let kind = Kind {
        page: "/en/prague/events/evening-czech-classes-libus",
        listing: ListingKind::Event,
        fields: &[
            ("title", "Večerní čeština (spolek)"),
            ("title_en", "Evening Czech classes in Libuš"),
            ("category", "language_course"),
            ("address", "Libušská 35, Praha 4"),
            ("date", "2027-01-05"),
            ("time", "18:00"),
            ("end_time", "19:30"),
            ("repeat", "weekly"),
            ("languages", "cs"),
            ("free", "1"),
        ],
        title: "Večerní čeština (spolek)",
    };
    take_over(backend, kind).await;
}

async fn opportunities(backend: Backend) {
    let kind = Kind {
        page: "/en/prague/volunteering/cic-volunteer-programme",
        listing: ListingKind::Opportunity,
        fields: &[
            ("title", "Dobrovolnický program (spolek)"),
            ("title_en", "CIC volunteering, run by a neighbours association"),
            ("location_kind", "address"),
            ("address", "Žitná 1, Praha 2"),
            ("schedule_kind", "flexible"),
            ("languages", "cs"),
            ("audience", "both"),
            ("contact", "dobrovolnici@example.org"),
        ],
        title: "CIC volunteering, run by a neighbours association",
    };
    take_over(backend, kind).await;
}

on_both_backends!(places, events, opportunities);
