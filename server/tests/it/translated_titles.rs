//! Titles of events and opportunities in the visitor's language: the
//! organisation translates them in the listing's form, the moderator reviews
//! the translation like any other change, a visitor reads their language or
//! a title marked with the language it is in, and search finds a listing by
//! its translated title. Community groups translate their description the
//! same way. On the real app, both backends.

use crate::common::{
    cast, get_page, join_group, post_ok, sign_in, spawn_app, Backend, Cast, HROMADA,
};
use crate::common::{page_expect, post_expect};
use app::db::Db;
use reqwest::StatusCode;

/// Accepts the one waiting proposal.
async fn accept_the_proposal(db: &Db, base: &str, moderator: &str) {
    let pending = db.pending_changes(&Default::default()).await.expect("q");
    assert_eq!(pending.len(), 1, "one proposal waits");
    post_ok(
        base,
        moderator,
        "/en/moderation/changes/accept",
        &[("change", &pending[0].id.to_string())],
    )
    .await;
}

/// The page at `path` shows `title` marked as written in `lang`.
async fn shows_title(base: &str, path: &str, lang: &str, title: &str) {
    let page = page_expect(base, None, path, StatusCode::OK).await;
    assert!(
        page.contains(&format!("lang=\"{lang}\">{title}")),
        "{path} shows “{title}” marked as {lang}"
    );
}

/// The list at `path` links to `href` under a title marked as `lang`.
async fn lists_title(base: &str, path: &str, href: &str, lang: &str, title: &str) {
    let page = page_expect(base, None, path, StatusCode::OK).await;
    assert!(
        page.contains(&format!("lang=\"{lang}\"><a href=\"{href}\">{title}<")),
        "{path} lists “{title}” marked as {lang}"
    );
}

async fn event_titles_in_many_languages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, moderator, .. } = cast(&app).await;
    let org = org.to_string();
    let mut form = vec![
        ("organisation", org.as_str()),
        ("title", "Sousedská kavárna jazyků"),
        ("title_en", "Language café for neighbours"),
        ("title_uk", "  Сусідське   мовне кафе "),
        ("category", "conversation_club"),
        ("address", "Vodičkova 5, Praha 1"),
        ("date", "2027-01-05"),
        ("time", "18:00"),
        ("end_time", "20:00"),
        ("languages", "uk"),
    ];

    // A translated title that is too long is refused at its field; what was
    // typed stays in the form.
    let long = "й".repeat(201);
    let mut bad = form.clone();
    bad.push(("title_ar", long.as_str()));
    let html = post_expect(
        base,
        Some(&ngo),
        "/en/dashboard/events/submit",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("id=\"f-title_ar-error\""), "told at the field");
    assert!(html.contains("Сусідське"), "the Ukrainian title kept");

    post_ok(base, &ngo, "/en/dashboard/events/submit", &form).await;
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation?kind=event").await;
    assert!(queue.contains("data-field=\"title_uk\""), "the translation is reviewed");
    assert!(queue.contains("Сусідське мовне кафе"), "tidied once");
    accept_the_proposal(db, base, &moderator).await;

    let page = "prague/events/language-cafe-for-neighbours";
    shows_title(base, &format!("/uk/{page}"), "uk", "Сусідське мовне кафе").await;
    // No Vietnamese title: the English one, marked as English.
    shows_title(base, &format!("/vi/{page}"), "en", "Language café for neighbours").await;
    shows_title(base, &format!("/cs/{page}"), "cs", "Sousedská kavárna jazyků").await;
    let january = "prague/events?when=range&from=2027-01-01&to=2027-01-31";
    lists_title(
        base,
        &format!("/uk/{january}"),
        &format!("/uk/{page}"),
        "uk",
        "Сусідське мовне кафе",
    )
    .await;
    // Found by a word of the translated title.
    let (_, found) = get_page(base, None, &format!("/en/{january}&q=кафе")).await;
    assert!(found.contains("Language café for neighbours"), "found");

    // The organisation's next edit starts from the translation.
    let event = db
        .public_row::<app::db::EventRow>("prague", "language-cafe-for-neighbours")
        .await
        .expect("q")
        .expect("published");
    let (_, edit) =
        get_page(base, Some(&moderator), &format!("/en/moderation/events/edit?event={}", event.id))
            .await;
    assert!(edit.contains("value=\"Сусідське мовне кафе\""), "prefilled");

    // Taking the translation out again goes through review too.
    form.retain(|(k, _)| *k != "title_uk");
    let id = event.id.to_string();
    form.push(("event", id.as_str()));
    post_ok(base, &ngo, "/en/dashboard/events/submit", &form).await;
    shows_title(base, &format!("/uk/{page}"), "uk", "Сусідське мовне кафе").await;
    accept_the_proposal(db, base, &moderator).await;
    shows_title(base, &format!("/uk/{page}"), "en", "Language café for neighbours").await;
}

async fn opportunity_titles_in_many_languages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, moderator, .. } = cast(&app).await;
    let org = org.to_string();
    let titles = [
        ("title_uk", "Репетиторство з чеської для дітей"),
        ("title_vi", "Dạy kèm tiếng Séc cho trẻ em"),
    ];
    let form = crate::common::tutoring_form(&org, &titles);
    post_ok(base, &ngo, "/en/dashboard/opportunities/submit", &form).await;
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation?kind=opportunity").await;
    assert!(queue.contains("data-field=\"title_vi\""), "reviewed");
    accept_the_proposal(db, base, &moderator).await;

    let page = "prague/volunteering/czech-tutoring-for-children";
    shows_title(base, &format!("/uk/{page}"), "uk", "Репетиторство з чеської для дітей").await;
    shows_title(base, &format!("/vi/{page}"), "vi", "Dạy kèm tiếng Séc cho trẻ em").await;
    shows_title(base, &format!("/ar/{page}"), "en", "Czech tutoring for children").await;
    lists_title(
        base,
        "/uk/prague/volunteering",
        &format!("/uk/{page}"),
        "uk",
        "Репетиторство з чеської для дітей",
    )
    .await;
    let (_, found) = get_page(base, None, "/en/prague/volunteering?q=репетиторство").await;
    assert!(found.contains("Czech tutoring for children"), "found");
}

async fn group_descriptions_in_many_languages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let p = cast(&app).await;
    let org = join_group(db, base, HROMADA).await.to_string();
    let group = sign_in(base, "hromada@example.org", "member passphrase").await;
    post_ok(
        base,
        &p.moderator,
        "/en/moderation/organisations/verify",
        &[("organisation", org.as_str())],
    )
    .await;
    let long = "x".repeat(1001);
    let mut profile = vec![
        ("organisation", org.as_str()),
        ("languages", "uk"),
        ("description", "Українські родини в Празі 4: недільна школа."),
        ("description_lang", "uk"),
        ("description_en", "Ukrainian families in Prague 4: Sunday school."),
        ("description_vi", long.as_str()),
    ];
    // Too long: told at the field, the rest kept, nothing proposed.
    let html = post_expect(
        base,
        Some(&group),
        "/en/dashboard/group/submit",
        &profile,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("id=\"f-description_vi-error\""), "at the field");
    assert!(html.contains("Ukrainian families in Prague 4: Sunday school."));
    assert!(db.pending_group_proposals(None).await.expect("q").is_empty());
    profile.pop();
    post_ok(base, &group, "/en/dashboard/group/submit", &profile).await;
    let (_, queue) = get_page(base, Some(&p.moderator), "/en/moderation").await;
    assert!(queue.contains("data-field=\"description_en\""), "the translation is reviewed");
    let proposal = db.pending_group_proposals(None).await.expect("q")[0].id.to_string();
    post_ok(
        base,
        &p.moderator,
        "/en/moderation/groups/approve",
        &[("proposal", proposal.as_str())],
    )
    .await;

    let page = |lang: &'static str| async move {
        let html =
            page_expect(base, None, &format!("/{lang}/prague/communities"), StatusCode::OK).await;
        html
    };
    // English: the translation, no note.
    let en = page("en").await;
    assert!(en.contains(
        "lang=\"en\" class=\"group-text\"><p class=\"group-description\">Ukrainian families"
    ));
    assert!(!en.contains("class=\"fallback-note\""));
    // Ukrainian: the group's own words, no note.
    let uk = page("uk").await;
    assert!(uk.contains(
        "lang=\"uk\" class=\"group-text\"><p class=\"group-description\">Українські родини"
    ));
    assert!(!uk.contains("class=\"fallback-note\""));
    // Vietnamese: none, so the group's own words, marked Ukrainian, said so.
    let vi = page("vi").await;
    assert!(vi.contains(
        "lang=\"uk\" class=\"group-text\"><p class=\"group-description\">Українські родини"
    ));
    assert!(vi.contains("class=\"fallback-note\""));

    // The next proposal starts from the approved translations.
    let (_, form) =
        get_page(base, Some(&group), &format!("/en/dashboard/group?organisation={org}")).await;
    assert!(form.contains("Ukrainian families in Prague 4: Sunday school.</textarea>"));
    assert!(form.contains("<option value=\"uk\" selected"));
}

on_both_backends!(event_titles_in_many_languages);
on_both_backends!(group_descriptions_in_many_languages);
on_both_backends!(opportunity_titles_in_many_languages);
