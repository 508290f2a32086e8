//! Mother-tongue community groups: a group registers, proposes its profile
//! (languages, description, channels); nothing is public until a moderator
//! of its city approves it; then the communities page lists it under each
//! language it uses, with its channels as links. Rejecting needs a message;
//! bad links are refused at their field with what was typed kept; people
//! outside the group or the city are refused and change nothing. Both
//! backends.

use crate::common::{
    fingerprint, get_page, member, post_form, post_ok, sign_in, spawn_app, staff,
    verify_organisation, Backend,
};
use crate::common::{page_expect, post_expect};
use app::values::ReviewState;
use reqwest::StatusCode;

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The group's proposal form, filled in well.
fn good_profile(org: &str) -> Vec<(String, String)> {
    owned(&[
        ("organisation", org),
        ("languages", ""),
        ("languages", "uk"),
        ("languages", "ru"),
        ("languages", "cs"),
        ("description", "Ukrainian families in Prague 4: Sunday school, help with papers."),
        ("channel_kind_0", "telegram"),
        ("channel_value_0", "t.me/hromada_test"),
        ("channel_kind_1", "whatsapp"),
        ("channel_value_1", "https://chat.whatsapp.com/AbCdEf123"),
        ("channel_kind_2", "meeting_place"),
        ("channel_value_2", "Community centre Novodvorská, Sundays 15:00"),
        ("channel_kind_3", "email"),
        ("channel_value_3", "Hromada@Example.org"),
        ("channel_kind_4", "website"),
        ("channel_value_4", ""),
    ])
}

/// A moderator's decision on a group profile proposal (`approve`, or
/// `reject` with a message): the status and page.
async fn decide(
    base: &str,
    moderator: &str,
    decision: &str,
    proposal: &str,
    message: Option<&str>,
) -> (StatusCode, String) {
    let path = format!("/en/moderation/groups/{decision}");
    let mut form = vec![("proposal", proposal)];
    form.extend(message.map(|m| ("message", m)));
    post_form(base, Some(moderator), &path, &form).await
}

async fn proposal_state(db: &app::db::Db, id: i64) -> ReviewState {
    db.group_proposal(id).await.expect("q").expect("proposal").state
}

async fn newest_proposal(db: &app::db::Db, org: i64) -> i64 {
    db.latest_group_proposal(org).await.expect("q").expect("a proposal").id
}

async fn community_groups(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    member(db, base, "ngo@example.org", "Jiný spolek", "prague", "00499153").await;

    // Registration: the type is checked; a community group is registered
    // as one (an NGO form without the field stays an NGO, see accounts.rs).
    let mut reg = owned(&[
        ("display_name", "Olena"),
        ("email", "group@example.org"),
        ("password", "group passphrase"),
        ("password_confirm", "group passphrase"),
        ("org_name", "Spolek Hromada"),
        ("legal_form", "z. s."),
        ("registration_no", "12345679"),
        ("city", "prague"),
        ("kind", "club"),
    ]);
    let html = post_expect(
        base,
        None,
        "/en/account/register",
        &borrowed(&reg),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("Choose one of the options."));
    assert!(html.contains("value=\"Spolek Hromada\""));
    reg.last_mut().expect("kind").1 = "community_group".into();
    post_expect(base, None, "/en/account/register", &borrowed(&reg), StatusCode::SEE_OTHER).await;
    let user = db.user_by_email("group@example.org").await.expect("q").expect("user");
    sqlx::query("UPDATE users SET email_verified_at = $1 WHERE id = $2")
        .bind(chrono::Utc::now().to_rfc3339())
        .bind(user.id)
        .execute(db.pool())
        .await
        .expect("address confirmed");
    let group = db.organisations_of(user.id).await.expect("q")[0].clone();
    assert_eq!(group.kind, "community_group");
    assert_eq!(group.status, app::values::OrganisationStatus::Unverified);
    let org = group.id.to_string();

    let member_cookie = sign_in(base, "group@example.org", "group passphrase").await;
    let other = sign_in(base, "ngo@example.org", "member passphrase").await;
    let moderator = sign_in(base, "mod-p@example.org", crate::common::STAFF_PASSWORD).await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;

    // The dashboard leads to the profile form; only the group's members get it.
    let (_, dash) = get_page(base, Some(&member_cookie), "/en/dashboard").await;
    assert!(dash.contains("Group profile"));
    let form_path = format!("/en/dashboard/group?organisation={org}");
    assert!(dash.contains(&form_path.replace('&', "&amp;")) || dash.contains(&form_path));
    let html = page_expect(base, Some(&member_cookie), &form_path, StatusCode::OK).await;
    assert!(html.contains("name=\"channel_value_0\""));
    for cookie in [None, Some(other.as_str()), Some(moderator.as_str())] {
        let (_, html) = get_page(base, cookie, &form_path).await;
        assert!(!html.contains("name=\"channel_value_0\""));
    }

    // Bad links: 422, each message at its field, what was typed kept,
    // nothing stored.
    let mut bad = good_profile(&org);
    for (k, v) in bad.iter_mut() {
        match k.as_str() {
            "channel_value_0" => *v = "http://t.me/hromada_test".into(),
            "channel_value_1" => *v = "https://example.org/chat".into(),
            _ => {}
        }
    }
    let before = fingerprint(db).await;
    let html = post_expect(
        base,
        Some(&member_cookie),
        "/en/dashboard/group/submit",
        &borrowed(&bad),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("id=\"f-channel_value_0-error\""));
    assert!(html.contains("Enter a full link starting with https://"));
    assert!(html.contains("id=\"f-channel_value_1-error\""));
    assert!(html.contains("This link is not on the service chosen for this channel"));
    assert!(html.contains("value=\"http://t.me/hromada_test\""));
    assert!(html.contains("value=\"https://example.org/chat\""));
    assert!(html.contains("Sunday school, help with papers."));
    assert!(html.contains("value=\"Community centre Novodvorská, Sundays 15:00\""));
    assert_eq!(before, fingerprint(db).await, "a refused form stored nothing");
    // The same in Czech: the message is translated.
    let html = post_expect(
        base,
        Some(&member_cookie),
        "/cs/dashboard/group/submit",
        &borrowed(&bad),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("Zadejte celý odkaz začínající https://"));

    // Nobody outside the group may propose for it.
    let good = good_profile(&org);
    for (who, cookie) in [
        ("anonymous", None),
        ("another organisation's member", Some(other.as_str())),
        ("a moderator", Some(moderator.as_str())),
    ] {
        let (s, _) = post_form(base, cookie, "/en/dashboard/group/submit", &borrowed(&good)).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who}");
    }
    assert_eq!(before, fingerprint(db).await, "refusals changed nothing");

    // The group proposes: waiting for review, not public.
    post_ok(base, &member_cookie, "/en/dashboard/group/submit", &borrowed(&good)).await;
    let proposal = newest_proposal(db, group.id).await;
    let (_, dash) =
        get_page(base, Some(&member_cookie), &format!("/en/dashboard?group={org}")).await;
    assert!(dash.contains("Waiting for review"));
    let (_, public) = get_page(base, None, "/en/prague/communities").await;
    assert!(!public.contains("Spolek Hromada"));
    assert!(!public.contains("t.me/hromada_test"));
    let (_, public) = get_page(base, None, "/en/prague/communities?lang_used=uk").await;
    assert!(!public.contains("Spolek Hromada"));

    // The moderators of Prague see old and proposed; Košice's do not.
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains("class=\"change group-proposal\""));
    assert!(queue.contains("Spolek Hromada"));
    assert!(queue.contains("https://t.me/hromada_test"));
    let (_, queue) = get_page(base, Some(&other_moderator), "/en/moderation").await;
    assert!(!queue.contains("t.me/hromada_test"));

    // Deciding is refused to who may not; nothing changes.
    let before = fingerprint(db).await;
    let p = proposal.to_string();
    for (who, cookie) in [
        ("anonymous", None),
        ("the group's own member", Some(member_cookie.as_str())),
        ("another organisation's member", Some(other.as_str())),
        ("moderator of another city", Some(other_moderator.as_str())),
    ] {
        for path in ["/en/moderation/groups/approve", "/en/moderation/groups/reject"] {
            let (s, _) =
                post_form(base, cookie, path, &[("proposal", p.as_str()), ("message", "no")]).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{who} on {path}");
        }
    }
    assert_eq!(before, fingerprint(db).await);
    assert_eq!(proposal_state(db, proposal).await, ReviewState::Pending);

    // Not while the organisation is unverified; rejecting needs a message.
    let (s, html) = decide(base, &moderator, "approve", p.as_str(), None).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("not verified yet"));
    let (s, _) = verify_organisation(base, &moderator, org.as_str()).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, html) = decide(base, &moderator, "reject", p.as_str(), Some("  ")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(&format!("id=\"group-message-{p}-error\"")));
    assert!(html.contains("Please fill this in."));
    assert_eq!(proposal_state(db, proposal).await, ReviewState::Pending);

    // Approved: public under each of its languages, channels as links.
    let (s, _) = decide(base, &moderator, "approve", p.as_str(), None).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(proposal_state(db, proposal).await, ReviewState::Accepted);
    let public = page_expect(base, None, "/en/prague/communities", StatusCode::OK).await;
    let card = format!("data-group=\"{org}\"");
    assert_eq!(public.matches(&card).count(), 3, "under uk, ru and cs");
    for lang in ["uk", "ru", "cs"] {
        let start =
            public.find(&format!("id=\"lang-{lang}\"")).unwrap_or_else(|| panic!("section {lang}"));
        let section = &public[start..];
        let end = section[1..].find("<section").map_or(section.len(), |e| e + 1);
        assert!(section[..end].contains(&card), "listed under {lang}");
    }
    assert!(public
        .contains("href=\"https://t.me/hromada_test\" rel=\"external noopener nofollow ugc\""));
    assert!(public.contains("href=\"https://chat.whatsapp.com/AbCdEf123\""));
    assert!(public.contains("href=\"mailto:hromada@example.org\""));
    assert!(public.contains("Community centre Novodvorská, Sundays 15:00"));
    assert!(public.contains("Sunday school, help with papers."));
    assert!(public.contains("<title>Community groups in Prague</title>"));
    assert!(public.contains("property=\"og:title\" content=\"Community groups in Prague\""));
    assert!(public.contains("property=\"og:description\""));
    // The demo's Vietnamese association, with its source.
    assert!(public.contains("id=\"lang-vi\""));
    assert!(public.contains("Hội người Việt Nam tại Séc"));
    assert!(public.contains("https://m.baomoi.com/"));
    // The language names are translated.
    let (_, cs) = get_page(base, None, "/cs/prague/communities").await;
    assert!(cs.contains("id=\"lang-uk-title\">ukrajinština<"));
    let (_, uk) = get_page(base, None, "/uk/prague/communities").await;
    assert!(uk.contains("id=\"lang-uk-title\">українська<"));

    // The filter: one language; a language nobody uses says so; nonsense
    // is ignored with a note. Other cities do not list the group.
    let (_, ru) = get_page(base, None, "/en/prague/communities?lang_used=ru").await;
    assert_eq!(ru.matches(&card).count(), 1);
    assert!(!ru.contains("id=\"lang-uk\""));
    assert!(!ru.contains("Hội người Việt Nam"));
    let (_, ar) = get_page(base, None, "/en/prague/communities?lang_used=ar").await;
    assert!(ar.contains("No community group using Arabic is listed in Prague yet."));
    assert!(!ar.contains("data-group="));
    let (_, cs_ar) = get_page(base, None, "/cs/prague/communities?lang_used=ar").await;
    assert!(cs_ar.contains("Žádná komunitní skupina (Praha) zatím neuvádí jazyk: arabština."));
    let (_, junk) = get_page(base, None, "/en/prague/communities?lang_used=zz").await;
    assert!(junk.contains("were not understood and were ignored: lang_used"));
    assert_eq!(junk.matches(&card).count(), 3);
    let (_, kosice) = get_page(base, None, "/en/kosice/communities").await;
    assert!(!kosice.contains("Spolek Hromada"));
    page_expect(base, None, "/en/atlantis/communities", StatusCode::NOT_FOUND).await;

    // The members were told, in the outbox; the audit log has it.
    let outbox = db.outbox(50).await.expect("outbox");
    let told = outbox
        .iter()
        .find(|m| m.recipient == "group@example.org" && m.subject.contains("Spolek Hromada"))
        .expect("message to the group");
    assert!(told.body.contains("approved"));
    assert!(told.body.contains("/en/prague/communities"));
    let audit = db.audit_for("organisation", group.id).await.expect("audit");
    let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
    assert!(actions.contains(&"profile_proposed"));
    assert!(actions.contains(&"profile_approved"));

    // A change: rejected with a message; the public keeps the approved one.
    let mut change = good_profile(&org);
    for (k, v) in change.iter_mut() {
        if k == "channel_value_0" {
            *v = "https://t.me/hromada_new".into();
        }
    }
    post_ok(base, &member_cookie, "/en/dashboard/group/submit", &borrowed(&change)).await;
    let second = newest_proposal(db, group.id).await;
    let (_, public) = get_page(base, None, "/en/prague/communities").await;
    assert!(public.contains("t.me/hromada_test"));
    assert!(!public.contains("t.me/hromada_new"));
    let message = Some("Please link the group's public channel.");
    let (s, _) = decide(base, &moderator, "reject", &second.to_string(), message).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(proposal_state(db, second).await, ReviewState::Rejected);
    let (_, public) = get_page(base, None, "/en/prague/communities").await;
    assert!(public.contains("t.me/hromada_test"));
    assert!(!public.contains("t.me/hromada_new"));
    let (_, dash) = get_page(base, Some(&member_cookie), "/en/dashboard").await;
    assert!(dash.contains("Not approved"));
    assert!(
        dash.contains("Please link the group&#x27;s public channel.")
            || dash.contains("Please link the group's public channel.")
    );
    let rejected = db
        .outbox(50)
        .await
        .expect("outbox")
        .into_iter()
        .find(|m| m.body.contains("Please link the group's public channel."))
        .expect("rejection told");
    assert_eq!(rejected.recipient, "group@example.org");

    // A newer proposal supersedes a pending one: the older cannot be
    // approved any more (the moderator would approve what they did not see).
    for _ in 0..2 {
        post_ok(base, &member_cookie, "/en/dashboard/group/submit", &borrowed(&change)).await;
    }
    let newest = newest_proposal(db, group.id).await;
    let older = newest - 1;
    assert_eq!(proposal_state(db, older).await, ReviewState::Superseded);
    let (s, html) = decide(base, &moderator, "approve", &older.to_string(), None).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("already been decided"));

    // A suspended group is not listed.
    post_ok(
        base,
        &moderator,
        "/en/moderation/organisations/suspend",
        &[("organisation", org.as_str()), ("reason", "Checking")],
    )
    .await;
    let (_, public) = get_page(base, None, "/en/prague/communities").await;
    assert!(!public.contains("Spolek Hromada"));
}

/// The site navigation and the city page lead to the communities page.
async fn communities_linked(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (_, city) = get_page(&app.base, None, "/en/prague").await;
    assert!(city.contains("href=\"/en/prague/communities\""));
    assert!(city.contains("href=\"/en/prague/communities\">Communities<"));
    let (_, events) = get_page(&app.base, None, "/uk/kosice/events").await;
    assert!(events.contains("href=\"/uk/kosice/communities\""));
    let page = page_expect(&app.base, None, "/en/kosice/communities", StatusCode::OK).await;
    assert!(page.contains("No community group is listed here yet."));
}

on_both_backends!(community_groups, communities_linked);
