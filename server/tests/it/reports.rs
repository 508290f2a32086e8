//! "Report a problem" on every public listing: events and volunteering
//! opportunities too, each in the words of its kind, checked like a
//! place's report, shown to the city's moderators with a link back, and
//! handled with an audit entry.

use crate::common::post_expect;
use crate::common::{
    get_page, post_form, post_ok, sign_in, spawn_app, staff, Backend, STAFF_PASSWORD,
};
use reqwest::StatusCode;

async fn reports_on_events_and_opportunities(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let moderator = sign_in(base, "mod-p@example.org", STAFF_PASSWORD).await;
    let other = sign_in(base, "mod-k@example.org", STAFF_PASSWORD).await;
    let cases = [
        (
            "event",
            "intercultural-conversation-luziny",
            "/en/prague/events/intercultural-conversation-luziny",
            "It is not happening any more",
            "Moved to Thursdays.",
        ),
        (
            "opportunity",
            "volunteers-with-an-accent",
            "/en/prague/volunteering/volunteers-with-an-accent",
            "The date or time is wrong",
            "The programme ended in June.",
        ),
    ];
    for (listing, slug, page_path, wording, message) in cases {
        // The page offers the form, worded for its kind.
        let (_, page) = get_page(base, None, page_path).await;
        assert!(page.contains("name=\"listing\" value=\"") && page.contains(wording), "{listing}");
        let form = |kind: &'static str, text: &'static str| {
            vec![
                ("listing", listing),
                ("city", "prague"),
                ("slug", slug),
                ("kind", kind),
                ("message", text),
            ]
        };
        // Checked like a place's report: "something else" needs words, and
        // the page comes back with what was typed; nothing is stored.
        let (s, html) = post_form(base, None, "/en/places/report", &form("other", " ")).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{listing}");
        assert!(html.contains("Please fill this in."));
        assert!(db.open_reports(None).await.expect("q").is_empty());
        // An unknown listing of the kind is refused.
        post_expect(
            base,
            None,
            "/en/places/report",
            &[("listing", listing), ("city", "prague"), ("slug", "nope"), ("kind", "closed")],
            StatusCode::FORBIDDEN,
        )
        .await;

        let (s, _) = post_form(base, None, "/en/places/report", &form("closed", message)).await;

        assert_eq!(s, StatusCode::SEE_OTHER, "{listing}");
        let reports = db.open_reports(None).await.expect("q");
        assert_eq!(reports.len(), 1);
        assert_eq!((reports[0].listing.as_str(), reports[0].slug.as_str()), (listing, slug));

        // The city's moderator sees it, linked to the listing; another
        // city's does not; handling it is audited.
        let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
        assert!(queue.contains(message), "{listing}");
        assert!(queue.contains(&format!("href=\"{page_path}\"")), "{listing} linked");
        let (_, elsewhere) = get_page(base, Some(&other), "/en/moderation").await;
        assert!(!elsewhere.contains(message));
        let id = reports[0].id.to_string();
        post_ok(base, &moderator, "/en/moderation/reports/handle", &[("report", &id)]).await;
        assert!(db.open_reports(None).await.expect("q").is_empty());
        assert_eq!(db.audit_for("report", reports[0].id).await.expect("q").len(), 1);
    }
}

/// A community group has no page of its own: the communities page has one
/// form where the visitor picks the group; only a group the public sees in
/// that city can be reported.
async fn reports_on_group_profiles(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    let moderator = sign_in(base, "mod-p@example.org", STAFF_PASSWORD).await;
    let (groups, _) = db.public_groups("prague").await.expect("q");
    let group = groups.first().expect("demo groups in Prague");
    let (kosice, _) = db.public_groups("kosice").await.expect("q");
    let (_, page) = get_page(base, None, "/en/prague/communities").await;
    assert!(page.contains("name=\"listing\" value=\"group\""), "form offered");
    assert!(page.contains(&format!("<option value=\"{}\"", group.id)));

    let id = group.id.to_string();
    let form = |group: &str| {
        let group = group.to_string();
        move |message: &'static str| {
            vec![
                ("listing", "group".to_string()),
                ("city", "prague".to_string()),
                ("group", group.clone()),
                ("kind", "closed".to_string()),
                ("message", message.to_string()),
            ]
        }
    };
    let post = |f: Vec<(&'static str, String)>| async move {
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post_form(base, None, "/en/places/report", &f).await
    };
    // Not a group of this city, or none at all: refused, nothing stored.
    for other in kosice.iter().map(|g| g.id.to_string()).chain(["999999".to_string()]) {
        let (status, _) = post(form(&other)("Gone.")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "group {other}");
    }
    assert!(db.open_reports(None).await.expect("q").is_empty());

    let message = "The Telegram channel moved.";
    let (status, _) = post(form(&id)(message)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let reports = db.open_reports(None).await.expect("q");
    assert_eq!(reports.len(), 1);
    assert_eq!(
        (reports[0].listing.as_str(), reports[0].name.as_str()),
        ("group", group.name.as_str())
    );
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains(message));
    assert!(queue.contains("href=\"/en/prague/communities\""), "linked");
}

on_both_backends!(reports_on_events_and_opportunities, reports_on_group_profiles);
