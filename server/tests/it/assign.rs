//! Moderators give a listing the city imported to a verified organisation
//! of its city (per kind): the organisation then owns it, its members are
//! told, the audit log keeps old → new; nobody else may, and an unverified
//! or another city's organisation is refused at the field.

use crate::common::{
    cast, get_page, post_expect, sign_in, spawn_app, staff, Backend, Cast, STAFF_PASSWORD,
};
use app::values::AuditAction;
use reqwest::StatusCode;

/// A published listing of `table` in Prague that the city imported: (id, slug).
async fn imported(db: &app::db::Db, table: &str) -> (i64, String) {
    let sql = format!(
        "SELECT id, slug FROM {table} WHERE city = 'prague' AND organisation_id IS NULL \
         AND status = 'published' ORDER BY id LIMIT 1"
    );
    sqlx::query_as(&sql).fetch_one(db.pool()).await.expect("an imported listing")
}

async fn owner(db: &app::db::Db, table: &str, id: i64) -> Option<i64> {
    let sql = format!("SELECT organisation_id FROM {table} WHERE id = $1");
    let (owner,): (Option<i64>,) =
        sqlx::query_as(&sql).bind(id).fetch_one(db.pool()).await.expect("owner");
    owner
}

async fn assign(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, moderator, .. } = cast(&app).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let kosice = sign_in(base, "mod-k@example.org", STAFF_PASSWORD).await;
    let unverified = db
        .organisations(Some("prague"), None)
        .await
        .expect("q")
        .into_iter()
        .find(|o| o.name == "Jiný spolek")
        .expect("the other organisation")
        .id;

    for (kind, table, section) in [("place", "places", "places"), ("event", "events", "events")] {
        let (id, slug) = imported(db, table).await;
        let (id_s, org_s, unverified_s) = (id.to_string(), org.to_string(), unverified.to_string());
        let form = |organisation: &str| {
            vec![
                ("listing", kind.to_string()),
                ("id", id_s.clone()),
                ("city", "prague".to_string()),
                ("slug", slug.clone()),
                ("organisation", organisation.to_string()),
            ]
        };
        let post = |cookie: Option<&str>, f: Vec<(&'static str, String)>, want: StatusCode| {
            let cookie = cookie.map(str::to_string);
            async move {
                let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
                post_expect(base, cookie.as_deref(), "/en/moderation/listings/assign", &f, want)
                    .await
            }
        };

        // Only the city's moderators (and admins) give listings away.
        for cookie in [None, Some(ngo.as_str()), Some(kosice.as_str())] {
            post(cookie, form(&org_s), StatusCode::FORBIDDEN).await;
        }
        // An organisation not verified is no choice.
        let html =
            post(Some(&moderator), form(&unverified_s), StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("id=\"assign-organisation-error\""), "{kind}: error at the field");
        assert_eq!(owner(db, table, id).await, None, "{kind}: refused, unchanged");

        // Given: owned, told, recorded.
        let resp = crate::common::client()
            .post(format!("{base}/en/moderation/listings/assign"))
            .header("sec-fetch-site", "same-origin")
            .header("cookie", &moderator)
            .form(&form(&org_s))
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        let to = resp.headers()["location"].to_str().expect("location").to_string();
        assert_eq!(to, format!("/en/prague/{section}/{slug}?assigned=1#moderation"));
        assert_eq!(owner(db, table, id).await, Some(org), "{kind} owned");
        let told = db.outbox(50).await.expect("outbox");
        assert!(
            told.iter().any(|m| m.recipient == "ngo@example.org"
                && m.subject.contains("yours to keep up to date")),
            "{kind}: the members are told"
        );
        let history = db.listing_history(kind, id).await.expect("history");
        let entry = history.iter().find(|e| e.action == AuditAction::Assigned).expect("recorded");
        let changes = app::values::audit_changes(&entry.details).expect("old → new");
        assert_eq!(changes, vec![("organisation".into(), String::new(), "Spolek Sousedé".into())]);
        let (_, page) = get_page(base, Some(&moderator), &to).await;
        assert!(page.contains("its members were told"), "{kind}: the page says so");

        // The organisation now keeps it: its dashboard lists it.
        let (_, dashboard) = get_page(base, Some(&ngo), "/en/dashboard").await;
        assert!(dashboard.contains(&format!("/{section}/{slug}")), "{kind} on the dashboard");
        // Given again to the same organisation: nothing changes.
        post(Some(&moderator), form(&org_s), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
}

on_both_backends!(assign);
