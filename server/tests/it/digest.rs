//! Moderators' daily digest: once a day from the morning, in the
//! moderator's language, with what waits in the cities they moderate
//! (listing changes, group profiles and story drafts count as proposals),
//! and nothing for a moderator whose queue is empty.

use crate::common::post_expect;
use crate::common::{member, spawn_app, staff, Backend};
use chrono::{DateTime, Utc};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("time").with_timezone(&Utc)
}

async fn outbox_to(db: &app::db::Db, to: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = $1 ORDER BY id")
        .bind(to)
        .fetch_all(db.pool())
        .await
        .expect("outbox")
}

async fn daily_digest(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    staff(db, "admin@example.org", "admin", None).await;
    sqlx::query("UPDATE users SET locale = 'cs' WHERE email = 'mod-p@example.org'")
        .execute(db.pool())
        .await
        .expect("Czech");
    // Something waits in Prague: an organisation to verify, a report.
    member(db, base, "ngo@example.org", "Spolek Ráno", "prague", "12345679").await;
    post_expect(
        base,
        None,
        "/en/places/report",
        &[("city", "prague"), ("slug", "oamp-praha-1"), ("kind", "closed")],
        reqwest::StatusCode::SEE_OTHER,
    )
    .await;
    // And a story draft waiting for its reviewer.
    let author = db.user_by_email("mod-p@example.org").await.expect("q").expect("moderator").id;
    db.submit_story_draft(
        "prague",
        None,
        None,
        "{}",
        author,
        app::values::Timestamp::parse("2026-12-02T10:00:00Z").expect("time"),
    )
    .await
    .expect("draft");
    let waiting = db.waiting_by_city().await.expect("waiting");
    let prague = waiting.get("prague").cloned().unwrap_or_default();
    assert_eq!(prague.reports, 1);
    assert_eq!(prague.proposals, 1, "the story draft waits");
    assert!(prague.organisations >= 1);
    let kosice = waiting.get("kosice").cloned().unwrap_or_default();

    let send = |now: &'static str| async move {
        app::moderation::digest::send_digests(db, "https://welcome.example", at(now))
            .await
            .expect("digests")
    };
    assert_eq!(send("2026-12-03T05:30:00Z").await, 0, "not before the morning");
    let first = send("2026-12-03T07:00:00Z").await;
    let to_prague = outbox_to(db, "mod-p@example.org").await;
    assert_eq!(to_prague.len(), 1);
    let (subject, body) = &to_prague[0];
    assert!(subject.contains("fronta"), "in Czech: {subject}");
    assert!(body.contains(&format!("nahlášené problémy: {}", prague.reports)), "{body}");
    assert!(body.contains(&format!("organizace k ověření: {}", prague.organisations)), "{body}");
    assert!(body.contains("https://welcome.example/cs/moderation"), "{body}");
    // The admin's covers every city.
    let to_admin = outbox_to(db, "admin@example.org").await;
    assert_eq!(to_admin.len(), 1);
    let everywhere: i64 = waiting.values().map(|w| w.reports).sum();
    assert!(to_admin[0].1.contains(&format!("problem reports: {everywhere}")));
    // Košice's moderator hears only of Košice: nothing when nothing waits.
    let to_kosice = outbox_to(db, "mod-k@example.org").await;
    let kosice_waits = kosice != app::db::Waiting::default();
    assert_eq!(to_kosice.len(), usize::from(kosice_waits));
    assert_eq!(first, 2 + usize::from(kosice_waits));

    // Once a day: not again the same day, again the next.
    assert_eq!(send("2026-12-03T15:00:00Z").await, 0);
    assert_eq!(outbox_to(db, "mod-p@example.org").await.len(), 1);
    assert_eq!(send("2026-12-04T06:10:00Z").await, first);
    assert_eq!(outbox_to(db, "mod-p@example.org").await.len(), 2);
}

on_both_backends!(daily_digest);
