//! Moderators edit a listing directly (published at once, recorded, the
//! organisation told) and browse the audit log per listing and organisation.

use crate::common::{
    accept_change, cast, get_page, post_ok, sign_in, spawn_app, staff, Backend, Cast,
};
use crate::common::{page_expect, post_expect};
use reqwest::StatusCode;

async fn direct_edit_and_history(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, other, moderator } = cast(&app).await;
    let org_id = org.to_string();
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;

    // An organisation's place, verified and accepted the normal way.
    post_ok(
        base,
        &ngo,
        "/en/dashboard/places/submit",
        &[
            ("organisation", org_id.as_str()),
            ("name", "Sousedská poradna"),
            ("category", "ngo"),
            ("address", "Vodičkova 5, Praha 1"),
            ("opening_hours", "Mo-Fr 09:00-17:00"),
        ],
    )
    .await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let (s, _) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (place, city, slug, ..) = db.places_of_organisation(org).await.expect("q")[0].clone();
    let place_s = place.to_string();
    let hours = || async {
        db.row_by_id::<app::db::PlaceRow>(place).await.expect("q").expect("place").opening_hours
    };

    let edit = [
        ("place", place_s.as_str()),
        ("city", city.as_str()),
        ("slug", slug.as_str()),
        ("name", "Sousedská poradna"),
        ("category", "ngo"),
        ("address", "Vodičkova 5, Praha 1"),
        ("opening_hours", "Mo-Th 10:00-16:00"),
        ("note", "Hours from the organisation's website"),
    ];
    // Nobody but a moderator of Prague (or an admin) may edit directly; the
    // form page refuses them too.
    for cookie in [None, Some(ngo.as_str()), Some(other.as_str()), Some(other_moderator.as_str())] {
        post_expect(base, cookie, "/en/moderation/places/edit", &edit, StatusCode::FORBIDDEN).await;
        let (_, html) =
            get_page(base, cookie, &format!("/en/moderation/places/edit?place={place}")).await;
        assert!(!html.contains("name=\"opening_hours\""), "form hidden");
    }
    assert_eq!(hours().await.as_deref(), Some("Mo-Fr 09:00-17:00"), "nothing changed");

    // Bad input from the moderator: 422, message at the field, kept.
    let mut bad = edit.to_vec();
    bad[6] = ("opening_hours", "Mo-Fr 25:00-99:00");
    let html = post_expect(
        base,
        Some(&moderator),
        "/en/moderation/places/edit",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("Not in OpenStreetMap opening_hours form"));
    assert!(html.contains("Hours from the organisation"), "note kept");
    assert_eq!(hours().await.as_deref(), Some("Mo-Fr 09:00-17:00"));

    // The moderator's form shows the place as it is; saving publishes at once.
    let html = page_expect(
        base,
        Some(&moderator),
        &format!("/en/moderation/places/edit?place={place}"),
        StatusCode::OK,
    )
    .await;
    assert!(html.contains("value=\"Mo-Fr 09:00-17:00\""));
    let resp = crate::common::client()
        .post(format!("{base}/en/moderation/places/edit"))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", &moderator)
        .form(&edit)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let to = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert_eq!(to, format!("/en/{city}/places/{slug}?edited=1"));
    assert_eq!(hours().await.as_deref(), Some("Mo-Th 10:00-16:00"));
    // The public page moved with it (not a stale cached copy): the week's
    // hours now end at 16:00 (the Czech page writes 24-hour times).
    let (_, public) = get_page(base, None, &format!("/cs/{city}/places/{slug}")).await;
    assert!(public.contains("16:00"), "public sees the edit");
    assert!(!public.contains("17:00"), "old hours gone");

    // The organisation is told what changed.
    let told = db.outbox(20).await.expect("outbox");
    let note = told
        .iter()
        .find(|m| m.recipient == "ngo@example.org" && m.subject.contains("edited"))
        .expect("message to the organisation");
    assert!(note.body.contains("Mo-Fr 09:00-17:00 → Mo-Th 10:00-16:00"), "{}", note.body);

    // History per listing: submitted, accepted, edited with diff and note.
    let html = page_expect(
        base,
        Some(&moderator),
        &format!("/en/moderation/audit?kind=place&id={place}"),
        StatusCode::OK,
    )
    .await
    .replace("<!>", ""); // the hydration markers
    for needle in [
        "<strong>Edited by a moderator</strong>",
        "<strong>Change accepted and published</strong>",
        "<strong>Change proposed</strong>",
        "<span class=\"old\">Mo-Fr 09:00-17:00</span> → <span class=\"new\">Mo-Th 10:00-16:00</span>",
        "Hours from the organisation",
    ] {
        assert!(html.contains(needle), "place history lacks `{needle}`");
    }
    // History per organisation: registered, verified, its proposals.
    let html = page_expect(
        base,
        Some(&moderator),
        &format!("/en/moderation/audit?kind=organisation&id={org}"),
        StatusCode::OK,
    )
    .await
    .replace("<!>", "");
    for needle in ["Registered", "Verified", "Change proposed", "Change accepted and published"] {
        let needle = format!("<strong>{needle}</strong>");
        assert!(html.contains(&needle), "organisation history lacks `{needle}`");
    }
    // Only moderators of the city (and admins) read histories.
    for cookie in [None, Some(ngo.as_str()), Some(other_moderator.as_str())] {
        for kind in ["place", "organisation"] {
            let id = if kind == "place" { place } else { org };
            let (s, html) =
                get_page(base, cookie, &format!("/en/moderation/audit?kind={kind}&id={id}")).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{kind} history");
            assert!(!html.contains("Change proposed"));
        }
    }
}

on_both_backends!(direct_edit_and_history);
