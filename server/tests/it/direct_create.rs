//! Moderators add listings of every kind directly: the form under
//! /moderation with `?city=`, published at once, owned by the city,
//! recorded in the history as added by a moderator. Nobody else may, not
//! even a moderator of another city; bad input is told at its field with
//! what was typed kept. On the real app, both backends.

use crate::common::page_expect;
use crate::common::{cast, fingerprint, get_page, post_form, sign_in, spawn_app, staff, Backend};
use reqwest::StatusCode;

/// A kind's moderation section, a filled-in form (its first field is
/// required), the slug it gets and its English title.
struct Kind {
    section: &'static str,
    form: Vec<(&'static str, &'static str)>,
    slug: &'static str,
    title: &'static str,
}

fn kinds() -> Vec<Kind> {
    vec![
        Kind {
            section: "places",
            form: vec![
                ("name", "Městská poradna pro cizince"),
                ("name_en", "City advice office for foreigners"),
                ("category", "ngo"),
                ("address", "Vodičkova 5, Praha 1"),
                ("opening_hours", "Mo-Fr 09:00-17:00"),
            ],
            slug: "city-advice-office-for-foreigners",
            title: "City advice office for foreigners",
        },
        Kind {
            section: "events",
            form: vec![
                ("title", "Městská procházka pro nově příchozí"),
                ("title_en", "City walk for newcomers"),
                ("category", "city_walk"),
                ("address", "Staroměstské náměstí, Praha 1"),
                ("date", "2027-03-06"),
                ("time", "10:00"),
                ("end_time", "12:00"),
                ("languages", "en"),
                ("free", "1"),
            ],
            slug: "city-walk-for-newcomers",
            title: "City walk for newcomers",
        },
        Kind {
            section: "opportunities",
            form: vec![
                ("title", "Dobrovolníci pro vítací centrum"),
                ("title_en", "Volunteers for the welcome centre"),
                ("location_kind", "address"),
                ("address", "Vodičkova 5, Praha 1"),
                ("schedule_kind", "flexible"),
                ("languages", "uk"),
                ("audience", "both"),
                ("contact", "welcome@example.org"),
            ],
            slug: "volunteers-for-the-welcome-centre",
            title: "Volunteers for the welcome centre",
        },
    ]
}

/// Where a form's answer redirects to.
async fn post_location(
    base: &str,
    cookie: &str,
    path: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    let resp = crate::common::client()
        .post(format!("{base}{path}"))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .expect("request");
    let location = resp
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (resp.status(), location)
}

/// The public section of a kind's pages.
fn public_section(section: &str) -> &str {
    match section {
        "opportunities" => "volunteering",
        s => s,
    }
}

async fn moderators_add_listings(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let cast = cast(&app).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;

    // The queue leads to the forms of the city in force.
    let (_, queue) = get_page(base, Some(&cast.moderator), "/en/moderation?city=prague").await;
    for section in ["places", "events", "opportunities"] {
        assert!(
            queue.contains(&format!("/en/moderation/{section}/edit?city=prague")),
            "the queue links to adding {section}"
        );
    }

    for kind in kinds() {
        let path = format!("/en/moderation/{}/edit", kind.section);
        let mut form = kind.form.clone();
        form.push(("city", "prague"));
        form.push(("note", "From the city's own list"));

        // Nobody but a moderator of Prague: neither the form nor the post.
        let before = fingerprint(db).await;
        for (who, cookie) in [
            ("anonymous", None),
            ("a member", Some(cast.ngo.as_str())),
            ("Košice's moderator", Some(other_moderator.as_str())),
        ] {
            let (s, _) = post_form(base, cookie, &path, &form).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{who} posts {}", kind.section);
            let (s, _) = get_page(base, cookie, &format!("{path}?city=prague")).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{who} opens {}", kind.section);
        }
        assert_eq!(before, fingerprint(db).await, "nothing changed");

        // The form: empty, for the city, carrying it.
        let (s, page) = get_page(base, Some(&cast.moderator), &format!("{path}?city=prague")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("name=\"city\" value=\"prague\""), "{}", kind.section);

        // Without the first field: told there, the rest kept, nothing stored.
        let (missing, _) = kind.form[0];
        let bad: Vec<(&str, &str)> = form.iter().filter(|(k, _)| *k != missing).cloned().collect();
        let (s, html) = post_form(base, Some(&cast.moderator), &path, &bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{}", kind.section);
        assert!(html.contains(&format!("id=\"f-{missing}-error\"")), "{}", kind.section);
        assert!(html.contains(kind.form[1].1), "what was typed is kept");
        assert_eq!(before, fingerprint(db).await, "nothing stored");

        // Published at once, on its public page.
        let (s, location) = post_location(base, &cast.moderator, &path, &form).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}", kind.section);
        let public = format!("/en/prague/{}/{}", public_section(kind.section), kind.slug);
        assert!(location.contains(&public), "{location} leads to {public}");
        let page = page_expect(base, None, &public, StatusCode::OK).await;
        assert!(page.contains(kind.title), "{public}");

        // Owned by the city, recorded with the note.
        let (kind_name, id, owner): (&str, i64, Option<i64>) = match kind.section {
            "places" => {
                let p = db
                    .public_row::<app::db::PlaceRow>("prague", kind.slug)
                    .await
                    .expect("q")
                    .expect("published");
                let owner = db.place_organisation(p.id).await.expect("q");
                ("place", p.id, owner)
            }
            "events" => {
                let e = db
                    .public_row::<app::db::EventRow>("prague", kind.slug)
                    .await
                    .expect("q")
                    .expect("e");
                ("event", e.id, e.organisation_id)
            }
            _ => {
                let o = db
                    .public_row::<app::db::OpportunityRow>("prague", kind.slug)
                    .await
                    .expect("q")
                    .expect("o");
                ("opportunity", o.id, o.organisation_id)
            }
        };
        assert_eq!(owner, None, "{} owned by the city", kind.section);
        let history = db.listing_history(kind_name, id).await.expect("q");
        assert_eq!(history.len(), 1, "{}", kind.section);
        assert_eq!(history[0].action.as_str(), "created");
        assert_eq!(history[0].reason.as_deref(), Some("From the city's own list"));
        assert!(history[0].details.contains(kind.title), "the whole listing");

        // A refused edit of it shows its edit form again (not a missing page).
        let id = id.to_string();
        let mut edit: Vec<(&str, &str)> =
            bad.iter().filter(|(k, _)| *k != "city").cloned().collect();
        edit.push((kind_name, id.as_str()));
        let (s, html) = post_form(base, Some(&cast.moderator), &path, &edit).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "edit of {}", kind.section);
        assert!(html.contains(&format!("id=\"f-{missing}-error\"")));
    }
}

/// An event or opportunity the city holds itself may be at any published
/// place of its city (an organisation's only at its own), never at another
/// city's.
async fn city_listings_at_any_place_of_the_city(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let cast = cast(&app).await;
    let every = app::db::PlaceFilter::default();
    let prague = db.published_places("prague", &every).await.expect("q");
    let kosice = db.published_places("kosice", &every).await.expect("q");
    let (here, there) = (&prague[0], &kosice[0]);
    let (here_id, there_id) = (here.id.to_string(), there.id.to_string());
    for kind in kinds().into_iter().filter(|k| k.section != "places") {
        let path = format!("/en/moderation/{}/edit", kind.section);
        let page = page_expect(
            base,
            Some(&cast.moderator),
            &format!("{path}?city=prague"),
            StatusCode::OK,
        )
        .await;
        assert!(
            page.contains(&format!("<option value=\"{here_id}\"")),
            "{}: a Prague place is offered",
            kind.section
        );
        assert!(
            !page.contains(&format!("<option value=\"{there_id}\"")),
            "{}: no Košice place",
            kind.section
        );
        let mut form: Vec<(&str, &str)> = kind
            .form
            .iter()
            .filter(|(k, _)| *k != "address" && *k != "location_kind")
            .cloned()
            .collect();
        form.extend([("city", "prague"), ("location_kind", "place")]);

        // Another city's place is refused at the field, nothing stored.
        let before = fingerprint(db).await;
        let mut elsewhere = form.clone();
        elsewhere.push(("place", there_id.as_str()));
        let (s, html) = post_form(base, Some(&cast.moderator), &path, &elsewhere).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{}", kind.section);
        assert!(html.contains("id=\"f-place-error\""), "{}", kind.section);
        assert_eq!(before, fingerprint(db).await);

        form.push(("place", here_id.as_str()));
        let (s, _) = post_form(base, Some(&cast.moderator), &path, &form).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}", kind.section);
        let place = match kind.section {
            "events" => db
                .public_row::<app::db::EventRow>("prague", kind.slug)
                .await
                .expect("q")
                .map(|e| e.place_id),
            _ => db
                .public_row::<app::db::OpportunityRow>("prague", kind.slug)
                .await
                .expect("q")
                .map(|o| o.place_id),
        };
        assert_eq!(place, Some(Some(here.id)), "{} held at the place", kind.section);
        let public = format!("/en/prague/{}/{}", public_section(kind.section), kind.slug);
        let (_, page) = get_page(base, None, &public).await;
        assert!(
            page.contains(&format!("/en/prague/places/{}", here.slug)),
            "{public} links the place"
        );
    }
}

on_both_backends!(city_listings_at_any_place_of_the_city);
on_both_backends!(moderators_add_listings);

/// Two listings that want one slug at the same moment (two proposals with
/// one English name accepted at once): one gets it, the other is told it is
/// taken and nothing of it is written; the first is never overwritten.
async fn a_taken_slug_is_never_overwritten(backend: Backend) {
    use app::db::{Listing, Written};
    use app::places::draft::PlaceDraft;
    let app = spawn_app(&backend).await;
    let db = &app.db;
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    let actor = db.user_by_email("mod@example.org").await.expect("q").expect("moderator").id;
    let city = db.city("prague").await.expect("q").expect("prague");
    let now = chrono::Utc::now();
    let place = |name: &str| {
        let draft = PlaceDraft {
            name: name.into(),
            name_en: "Advice centre".into(),
            category: "ngo".into(),
            address: "Vodičkova 5, Praha 1".into(),
            ..Default::default()
        };
        app::places::submission::to_new_place(&draft, "advice-centre", &city, None, city.today(now))
    };
    let (a, b) = (place("Poradna A"), place("Poradna B"));
    let stamp = app::values::Timestamp::from(now);
    let (first, second) = tokio::join!(
        db.add_listing(Listing::Place(&a), "", actor, None, stamp),
        db.add_listing(Listing::Place(&b), "", actor, None, stamp),
    );
    let written = [first.expect("first"), second.expect("second")];
    let done: Vec<_> = written.iter().filter(|w| matches!(w, Written::Done(_))).collect();
    assert_eq!(done.len(), 1, "{written:?}");
    assert!(written.contains(&Written::SlugTaken), "{written:?}");
    let winner = if matches!(written[0], Written::Done(_)) { "Poradna A" } else { "Poradna B" };
    let shown = db
        .public_row::<app::db::PlaceRow>("prague", "advice-centre")
        .await
        .expect("q")
        .expect("place");
    assert_eq!(shown.name, winner);
    let audited: (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE subject_kind = 'place' AND action = 'created'",
    )
    .fetch_one(db.pool())
    .await
    .expect("audit");
    assert_eq!(audited.0, 1, "one audit entry, for the listing written");
}

on_both_backends!(a_taken_slug_is_never_overwritten);
