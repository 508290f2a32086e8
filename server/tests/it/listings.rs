//! Organisations propose places and changes; moderators accept, send back or
//! reject them. The public sees only accepted versions. Both backends.

use crate::common::{
    accept_change, cast, get_page, join, post_form, post_ok, run_sql, sign_in, spawn_app, staff,
    verify_organisation, Backend, Cast, NGO, NGO_A, NGO_B, OTHER_NGO,
};
use crate::common::{page_expect, post_expect, published_slugs_where};
use reqwest::StatusCode;

async fn published_slugs(base: &str) -> Vec<String> {
    published_slugs_where(base, "").await
}

async fn review_workflow(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let org = join(db, base, NGO).await;
    let _other_org = join(db, base, OTHER_NGO).await;
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let ngo = sign_in(base, "ngo@example.org", "member passphrase").await;
    let other = sign_in(base, "other@example.org", "member passphrase").await;
    let moderator = sign_in(base, "mod@example.org", crate::common::STAFF_PASSWORD).await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    let org_id = org.to_string();

    let extra = [
        ("phone", "+420 123 456 789"),
        ("opening_hours", "Mo-Fr 25:00-99:00"),
        ("hours_text", "Mon–Fri 9:00–17:00"),
        ("languages", ""),
        ("languages", "uk"),
        ("languages", "en"),
        (
            "description_en",
            "Advice for newcomers. <script>alert(1)</script><img src=x onerror=alert(2)>",
        ),
        ("needs", ""),
        ("needs", "legal"),
        ("needs", "housing"),
    ];
    let mut form = crate::common::advice_centre_form(&org_id, &extra);

    // Bad hours and a phone number no Czech number looks like (none starts
    // with 1): 422 with the messages at the fields, the rest kept, nothing
    // stored.
    let html = post_expect(
        base,
        Some(&ngo),
        "/en/dashboard/places/submit",
        &form,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("Not in OpenStreetMap opening_hours form"));
    assert!(html.contains("not a phone number that can be called"));
    assert!(html.contains("value=\"+420 123 456 789\""));
    assert!(html.contains("value=\"Sousedská poradna\""));
    assert!(db.pending_changes(&Default::default()).await.expect("q").is_empty());

    // Not allowed: nobody signed in, a member of another organisation.
    form[7] = ("phone", "221 234 567 (reception)");
    form[8] = ("opening_hours", "Mo-Fr 09:00-17:00");
    for (who, cookie) in
        [("anonymous", None), ("another organisation's member", Some(other.as_str()))]
    {
        let (s, _) = post_form(base, cookie, "/en/dashboard/places/submit", &form).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who}");
    }
    assert!(db.pending_changes(&Default::default()).await.expect("q").is_empty());

    // The member's proposal waits; the public does not see it.
    post_ok(base, &ngo, "/en/dashboard/places/submit", &form).await;
    let pending = db
        .pending_changes(&app::db::ChangeFilter { city: Some("prague"), ..Default::default() })
        .await
        .expect("q");
    assert_eq!(pending.len(), 1);
    let change = pending[0].id.to_string();
    assert!(!published_slugs(base).await.iter().any(|s| s.starts_with("neighbours")));
    let (_, dash) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(dash.contains("Waiting for review"));

    // Review refused to who may not; nothing changes.
    for (who, cookie) in [
        ("anonymous", None),
        ("the submitting member", Some(ngo.as_str())),
        ("moderator of another city", Some(other_moderator.as_str())),
    ] {
        for path in ["/en/moderation/changes/accept", "/en/moderation/changes/reject"] {
            let (s, _) =
                post_form(base, cookie, path, &[("change", &change), ("message", "no")]).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{who} on {path}");
        }
    }
    assert_eq!(
        db.change(pending[0].id).await.expect("q").expect("c").state,
        app::values::ReviewState::Pending
    );

    // Not while the organisation is unverified.
    let (s, html) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("not verified yet"));
    let (s, _) = verify_organisation(base, &moderator, &org_id).await;
    assert_eq!(s, StatusCode::SEE_OTHER);

    // The queue shows the diff; accepting publishes.
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains("data-field=\"name\""));
    assert!(queue.contains("Sousedská poradna"));
    let (s, _) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let slugs = published_slugs(base).await;
    let slug = slugs.iter().find(|s| s.starts_with("neighbours")).expect("published").clone();
    let public =
        page_expect(base, None, &format!("/en/prague/places/{slug}"), StatusCode::OK).await;
    assert!(public.contains("Mon–Fri 9:00–17:00"));
    // The number to call is the whole international one; the note stays apart.
    assert!(public.contains("href=\"tel:+420221234567\""));
    assert!(public.contains("(reception)"));
    // The needs ticked are the place's own, not its category's.
    assert!(published_slugs_where(base, "&need=housing").await.contains(&slug));
    assert!(!published_slugs_where(base, "&need=community").await.contains(&slug));
    // What the NGO wrote is text, never markup.
    assert!(!public.contains("<script>alert(1)"));
    assert!(!public.contains("<img src=x"));
    assert!(
        public.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            || public.contains("&lt;script>alert(1)&lt;/script>")
    );
    let messages = db.outbox(20).await.expect("q");
    assert!(messages
        .iter()
        .any(|m| m.recipient == "ngo@example.org" && m.body.contains("Accepted and public")));

    // An edit is a proposal: the public keeps the old hours until accepted.
    let place_id = db
        .public_row::<app::db::PlaceRow>("prague", &slug)
        .await
        .expect("q")
        .expect("p")
        .id
        .to_string();
    let mut edit = form.clone();
    edit.push(("place", place_id.as_str()));
    edit[9] = ("hours_text", "Mon–Fri 9:00–17:00, closed in August");
    post_ok(base, &ngo, "/en/dashboard/places/submit", &edit).await;
    let (_, public) = get_page(base, None, &format!("/en/prague/places/{slug}")).await;
    assert!(
        public.contains("Mon–Fri 9:00–17:00")
            && !public.contains("Mon–Fri 9:00–17:00, closed in August")
    );
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains("data-field=\"hours_text\""));
    assert!(!queue.contains("data-field=\"name\""), "only changed fields in the diff");

    // Sent back with a message the NGO sees; resubmitted; accepted.
    let edit_change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let html = post_expect(
        base,
        Some(&moderator),
        "/en/moderation/changes/send-back",
        &[("change", &edit_change), ("message", " ")],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await; // a message is required
    assert!(html.contains("Please fill this in."));
    post_ok(
        base,
        &moderator,
        "/en/moderation/changes/send-back",
        &[("change", &edit_change), ("message", "Please confirm Thursday hours with a source.")],
    )
    .await;
    let (_, dash) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(dash.contains("Sent back for changes"));
    assert!(dash.contains("Please confirm Thursday hours with a source."));
    // Deciding twice is refused.
    let (s, _) = accept_change(base, &moderator, &edit_change).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);

    post_ok(base, &ngo, "/en/dashboard/places/submit", &edit).await;
    let again = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let (s, _) = accept_change(base, &moderator, &again).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, public) = get_page(base, None, &format!("/en/prague/places/{slug}")).await;
    assert!(public.contains("Mon–Fri 9:00–17:00, closed in August"));

    // A member of another organisation may not propose edits of this place.
    let mut foreign = edit.clone();
    let other_org = db.organisations(Some("prague"), None).await.expect("q");
    let other_id = other_org.iter().find(|o| o.name == "Jiný spolek").expect("o").id.to_string();
    foreign[0] = ("organisation", other_id.as_str());
    post_expect(base, Some(&other), "/en/dashboard/places/submit", &foreign, StatusCode::FORBIDDEN)
        .await;

    // A rejection with its reason; and the audit log of the place. (The
    // accepted version again, needs ticked in another order, is no change.)
    let html = post_expect(
        base,
        Some(&ngo),
        "/en/dashboard/places/submit",
        &edit,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("Nothing was changed."));
    let mut third_edit = edit.clone();
    third_edit[9] = ("hours_text", "Always open");
    post_ok(base, &ngo, "/en/dashboard/places/submit", &third_edit).await;
    let third = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    post_ok(
        base,
        &moderator,
        "/en/moderation/changes/reject",
        &[("change", &third), ("message", "Duplicate of the previous change.")],
    )
    .await;
    let (_, dash) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(dash.contains("Rejected") && dash.contains("Duplicate of the previous change."));
    // One entry per acceptance (on the proposal, which names the place),
    // newest first, each with the fields it changed.
    let history = db.listing_history("place", place_id.parse().expect("id")).await.expect("q");
    let accepted: Vec<_> =
        history.iter().filter(|e| e.action == app::values::AuditAction::Accepted).collect();
    assert_eq!(accepted.len(), 2, "created and edited");
    let changes = app::values::audit_changes(&accepted[0].details).expect("changes");
    let hours = ("hours_text", "Mon–Fri 9:00–17:00", "Mon–Fri 9:00–17:00, closed in August");
    let hours = (hours.0.to_string(), hours.1.to_string(), hours.2.to_string());
    assert_eq!(changes, vec![hours]);
}

/// Freshness with a fixed clock: a place accepted today is stale 181 days on,
/// its organisation is reminded once (again only after 30 days), and a
/// one-click confirmation makes it fresh. Only the organisation's members
/// may confirm.
async fn freshness(backend: Backend) {
    use app::listing::freshness::{confirm, remind, stale, ConfirmedBy};
    use app::listing::ListingKind;
    use app::places::draft::PlaceDraft;
    use chrono::Duration;
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, other, moderator } = cast(&app).await;
    let org_id = org.to_string();
    let form = [
        ("organisation", org_id.as_str()),
        ("name", "Sousedská poradna"),
        ("category", "ngo"),
        ("address", "Vodičkova 5, Praha 1"),
    ];
    post_ok(base, &ngo, "/en/dashboard/places/submit", &form).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let (s, _) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let place = db.places_of_organisation(org).await.expect("q")[0].0;

    let today = chrono::Utc::now();
    let later = today + Duration::days(181);
    let is_stale = |at: chrono::DateTime<chrono::Utc>| async move {
        let found = stale(db, Some("prague"), 180, at).await.expect("q");
        found.iter().any(|(kind, p)| *kind == ListingKind::Place && p.id == place)
    };
    assert!(!is_stale(today).await, "fresh when accepted");
    assert!(is_stale(later).await, "stale after 181 days");

    // One reminder (one member), not repeated the same month.
    let before = db.outbox(100).await.expect("q").len();
    assert_eq!(remind(db, 180, base, later).await.expect("remind"), 1);
    let outbox = db.outbox(100).await.expect("q");
    assert_eq!(outbox.len(), before + 1);
    assert_eq!(outbox[0].recipient, "ngo@example.org");
    assert!(outbox[0].body.contains("Sousedská poradna"));
    assert_eq!(remind(db, 180, base, later + Duration::days(1)).await.expect("remind"), 0);
    assert_eq!(remind(db, 180, base, later + Duration::days(31)).await.expect("remind"), 1);

    // Only the organisation's members may confirm; nothing changes otherwise.
    let id = place.to_string();
    for cookie in [None, Some(other.as_str())] {
        post_expect(
            base,
            cookie,
            "/en/dashboard/places/confirm",
            &[("place", &id)],
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    assert!(is_stale(later).await);
    post_ok(base, &ngo, "/en/dashboard/places/confirm", &[("place", &id)]).await;
    // With the clock at `later`, the confirmation makes it fresh then.
    let current = crate::common::current_member(db, "ngo@example.org").await;
    confirm::<PlaceDraft>(db, Some(&current), Some(place), ConfirmedBy::Member, later)
        .await
        .map_err(|_| "refused")
        .expect("confirmed");
    assert!(!is_stale(later).await, "fresh again once confirmed");
    assert_eq!(
        db.audit_for("place", place).await.expect("q").last().map(|a| a.action.as_str()),
        Some("confirmed")
    );
}

/// The queue narrowed by organisation, kind and waiting time, within the
/// moderator's city.
async fn queue_filters(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let a = join(db, base, NGO_A).await;
    let b = join(db, base, NGO_B).await;
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    for (email, org, name) in
        [("a@example.org", a, "Poradna Alfa"), ("b@example.org", b, "Klub Beta")]
    {
        let cookie = sign_in(base, email, "member passphrase").await;
        let org = org.to_string();
        post_ok(
            base,
            &cookie,
            "/en/dashboard/places/submit",
            &[
                ("organisation", org.as_str()),
                ("name", name),
                ("category", "ngo"),
                ("address", "Vodičkova 5, Praha 1"),
            ],
        )
        .await; // {name} submitted
    }
    // Alfa has waited since 2020.
    // backdate
    run_sql(
        db,
        "UPDATE listing_changes SET created_at = '2020-01-01T00:00:00Z' WHERE organisation_id = $1",
        a,
    )
    .await;
    let moderator = sign_in(base, "mod@example.org", crate::common::STAFF_PASSWORD).await;
    let shown = |html: &str| {
        ["Poradna Alfa", "Klub Beta"]
            .into_iter()
            .filter(|n| html.contains(&format!("<h3>{n}<!></h3>")))
            .collect::<Vec<_>>()
    };
    for (query, expected) in [
        (String::new(), vec!["Poradna Alfa", "Klub Beta"]),
        (format!("?organisation={a}"), vec!["Poradna Alfa"]),
        (format!("?organisation={b}"), vec!["Klub Beta"]),
        ("?age=7".to_string(), vec!["Poradna Alfa"]),
        (format!("?age=7&organisation={b}"), vec![]),
        ("?kind=place".to_string(), vec!["Poradna Alfa", "Klub Beta"]),
    ] {
        let html =
            page_expect(base, Some(&moderator), &format!("/en/moderation{query}"), StatusCode::OK)
                .await;
        assert_eq!(shown(&html), expected, "queue for `{query}`");
    }
    // Another city's moderator cannot widen the scope with a filter.
    let other = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    let (_, html) =
        get_page(base, Some(&other), &format!("/en/moderation?organisation={a}&city=prague")).await;
    assert!(shown(&html).is_empty(), "Košice moderator sees no Prague change");
}

on_both_backends!(review_workflow, freshness, queue_filters);
