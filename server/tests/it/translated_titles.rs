//! Titles of events and opportunities in the visitor's language: the
//! organisation translates them in the listing's form, the moderator reviews
//! the translation like any other change, a visitor reads their language or
//! a title marked with the language it is in, and search finds a listing by
//! its translated title. On the real app, both backends.

use crate::common::{cast, get_page, post_form, spawn_app, Backend, Cast};
use app::db::Db;
use reqwest::StatusCode;

/// Accepts the one waiting proposal.
async fn accept_the_proposal(db: &Db, base: &str, moderator: &str) {
    let pending = db.pending_changes(&Default::default()).await.expect("q");
    assert_eq!(pending.len(), 1, "one proposal waits");
    let (s, _) = post_form(
        base,
        Some(moderator),
        "/en/moderation/changes/accept",
        &[("change", &pending[0].id.to_string())],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
}

/// The page at `path` shows `title` marked as written in `lang`.
async fn shows_title(base: &str, path: &str, lang: &str, title: &str) {
    let (s, page) = get_page(base, None, path).await;
    assert_eq!(s, StatusCode::OK, "{path}");
    assert!(
        page.contains(&format!("lang=\"{lang}\">{title}")),
        "{path} shows “{title}” marked as {lang}"
    );
}

/// The list at `path` links to `href` under a title marked as `lang`.
async fn lists_title(base: &str, path: &str, href: &str, lang: &str, title: &str) {
    let (s, page) = get_page(base, None, path).await;
    assert_eq!(s, StatusCode::OK, "{path}");
    assert!(
        page.contains(&format!("lang=\"{lang}\"><a href=\"{href}\">{title}<")),
        "{path} lists “{title}” marked as {lang}"
    );
}

async fn event_titles_in_many_languages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast {
        org,
        ngo,
        moderator,
        ..
    } = cast(&app).await;
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
    let (s, html) = post_form(base, Some(&ngo), "/en/dashboard/events/submit", &bad).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("id=\"f-title_ar-error\""),
        "told at the field"
    );
    assert!(html.contains("Сусідське"), "the Ukrainian title kept");

    let (s, _) = post_form(base, Some(&ngo), "/en/dashboard/events/submit", &form).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation?kind=event").await;
    assert!(
        queue.contains("data-field=\"title_uk\""),
        "the translation is reviewed"
    );
    assert!(queue.contains("Сусідське мовне кафе"), "tidied once");
    accept_the_proposal(db, base, &moderator).await;

    let page = "prague/events/language-cafe-for-neighbours";
    shows_title(base, &format!("/uk/{page}"), "uk", "Сусідське мовне кафе").await;
    // No Vietnamese title: the English one, marked as English.
    shows_title(
        base,
        &format!("/vi/{page}"),
        "en",
        "Language café for neighbours",
    )
    .await;
    shows_title(
        base,
        &format!("/cs/{page}"),
        "cs",
        "Sousedská kavárna jazyků",
    )
    .await;
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
        .event("prague", "language-cafe-for-neighbours")
        .await
        .expect("q")
        .expect("published");
    let (_, edit) = get_page(
        base,
        Some(&moderator),
        &format!("/en/moderation/events/edit?event={}", event.id),
    )
    .await;
    assert!(edit.contains("value=\"Сусідське мовне кафе\""), "prefilled");

    // Taking the translation out again goes through review too.
    form.retain(|(k, _)| *k != "title_uk");
    let id = event.id.to_string();
    form.push(("event", id.as_str()));
    let (s, _) = post_form(base, Some(&ngo), "/en/dashboard/events/submit", &form).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    shows_title(base, &format!("/uk/{page}"), "uk", "Сусідське мовне кафе").await;
    accept_the_proposal(db, base, &moderator).await;
    shows_title(
        base,
        &format!("/uk/{page}"),
        "en",
        "Language café for neighbours",
    )
    .await;
}

async fn opportunity_titles_in_many_languages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast {
        org,
        ngo,
        moderator,
        ..
    } = cast(&app).await;
    let org = org.to_string();
    let form = vec![
        ("organisation", org.as_str()),
        ("title", "Doučování češtiny pro děti"),
        ("title_en", "Czech tutoring for children"),
        ("title_uk", "Репетиторство з чеської для дітей"),
        ("title_vi", "Dạy kèm tiếng Séc cho trẻ em"),
        ("location_kind", "address"),
        ("address", "Vodičkova 5, Praha 1"),
        ("schedule_kind", "recurring"),
        ("schedule_text", "Tuesdays 16:00–18:00"),
        ("languages", "cs"),
        ("audience", "locals"),
        ("contact", "dobrovolnici@example.org"),
    ];
    let (s, _) = post_form(
        base,
        Some(&ngo),
        "/en/dashboard/opportunities/submit",
        &form,
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation?kind=opportunity").await;
    assert!(queue.contains("data-field=\"title_vi\""), "reviewed");
    accept_the_proposal(db, base, &moderator).await;

    let page = "prague/volunteering/czech-tutoring-for-children";
    shows_title(
        base,
        &format!("/uk/{page}"),
        "uk",
        "Репетиторство з чеської для дітей",
    )
    .await;
    shows_title(
        base,
        &format!("/vi/{page}"),
        "vi",
        "Dạy kèm tiếng Séc cho trẻ em",
    )
    .await;
    shows_title(
        base,
        &format!("/ar/{page}"),
        "en",
        "Czech tutoring for children",
    )
    .await;
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

on_both_backends!(event_titles_in_many_languages);
on_both_backends!(opportunity_titles_in_many_languages);
