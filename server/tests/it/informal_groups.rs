//! Informal mother-tongue groups register without a registration number:
//! a link to their public page or channel stands in, and the moderator sees
//! it to check who they are. NGOs still need their number.

use crate::common::post_expect;
use crate::common::{get_page, sign_in, spawn_app, staff, Backend, STAFF_PASSWORD};
use reqwest::StatusCode;

fn form<'a>(kind: &'a str, email: &'a str, ico: &'a str, link: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("display_name", "Oksana"),
        ("email", email),
        ("password", "group passphrase 1"),
        ("password_confirm", "group passphrase 1"),
        ("org_name", "Українська недільна школа"),
        ("legal_form", ""),
        ("registration_no", ico),
        ("website", link),
        ("city", "prague"),
        ("kind", kind),
    ]
}

async fn informal_groups_register_with_a_public_link(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let users = || async {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(db.pool()).await.expect("count");
        n
    };
    let before = users().await;

    // No number and no link: refused at the link, in Ukrainian, typed
    // values kept, nothing written.
    let page = post_expect(
        base,
        None,
        "/uk/account/register",
        &form("community_group", "group@example.org", "", ""),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("Громаді без реєстраційного номера потрібне посилання"));
    assert!(page.contains("value=\"group@example.org\""));
    assert_eq!(users().await, before);
    // An NGO without its number is still refused.
    post_expect(
        base,
        None,
        "/en/account/register",
        &form("ngo", "ngo@example.org", "", "https://example.org"),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(users().await, before);

    // With its public channel: registered, waiting for a moderator.
    let link = "https://t.me/ua_school_prague";
    post_expect(
        base,
        None,
        "/en/account/register",
        &form("community_group", "group@example.org", "", link),
        StatusCode::SEE_OTHER,
    )
    .await;
    let orgs = db.organisations(Some("prague"), None).await.expect("q");
    let group = orgs.iter().find(|o| o.name == "Українська недільна школа").expect("registered");
    assert_eq!(group.status, app::values::OrganisationStatus::Unverified);
    assert_eq!(group.registration_no, "");
    assert_eq!(group.website.as_deref(), Some(link));

    // The moderator is told to check it by its public page, and sees it.
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    let cookie = sign_in(base, "mod@example.org", STAFF_PASSWORD).await;
    let (_, queue) = get_page(base, Some(&cookie), "/en/moderation").await;
    let at = queue.find("Українська недільна школа").expect("in the queue");
    let card = &queue[at..at + queue[at..].find("</article>").expect("card ends")];
    assert!(card.contains("no registration number: check the group by its public page"));
    assert!(card.contains(&format!("href=\"{link}\"")));
}

on_both_backends!(informal_groups_register_with_a_public_link);
