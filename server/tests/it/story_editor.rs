//! Moderators write stories in the app: a draft with its sources, read by
//! someone else who moderates the city before it is public (published or
//! sent back with a message), every step in the story's history; a new
//! version of a published story keeps its translations, marked older than
//! their source. Nobody outside the city's moderators may write or decide.
//! On the real app, both backends.

use crate::common::{
    cast, fingerprint, get_page, post_form, post_ok, sign_in, spawn_app, staff, Backend,
};
use crate::common::{page_expect, post_expect};
use reqwest::StatusCode;

fn story_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("city", "prague"),
        ("community", "Mongolian"),
        ("title_en", "Naadam in Letňany"),
        ("summary_en", "How a summer festival found its place in Prague."),
        (
            "body_en",
            "Every summer families meet for wrestling and archery.\n\nThe city lends the field.",
        ),
        ("title_local", "Naadam v Letňanech"),
        ("summary_local", "Jak si letní slavnost našla místo v Praze."),
        ("body_local", "Každé léto se rodiny scházejí."),
        ("source_title_0", "City district news"),
        ("source_url_0", "https://www.example.org/naadam"),
    ]
}

/// The one pending draft's id.
async fn pending_draft(db: &app::db::Db) -> String {
    let drafts = db.pending_story_drafts(None).await.expect("q");
    assert_eq!(drafts.len(), 1, "one draft waits");
    drafts[0].id.to_string()
}

async fn stories_written_and_reviewed(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let cast = cast(&app).await;
    let author = cast.moderator.clone();
    staff(db, "mod-p2@example.org", "moderator", Some("prague")).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let reviewer = sign_in(base, "mod-p2@example.org", crate::common::STAFF_PASSWORD).await;
    let kosice = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    let editor = "/en/moderation/stories/edit?city=prague";

    // The queue links to the editor; only the city's moderators get it.
    let (_, queue) = get_page(base, Some(&author), "/en/moderation?city=prague").await;
    assert!(queue.contains("/en/moderation/stories/edit?city=prague"));
    let page = page_expect(base, Some(&author), editor, StatusCode::OK).await;
    assert!(page.contains("name=\"title_en\""), "the empty editor");
    let before = fingerprint(db).await;
    for (who, cookie) in [
        ("anonymous", None),
        ("a member", Some(cast.ngo.as_str())),
        ("Košice's moderator", Some(kosice.as_str())),
    ] {
        let (s, _) = get_page(base, cookie, editor).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} opens the editor");
        let (s, _) = post_form(base, cookie, "/en/moderation/stories/submit", &story_form()).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} sends a draft");
    }
    assert_eq!(before, fingerprint(db).await);

    // No source: told at the field, the text kept, nothing stored.
    let bad: Vec<_> = story_form().into_iter().filter(|(k, _)| !k.starts_with("source_")).collect();
    let html = post_expect(
        base,
        Some(&author),
        "/en/moderation/stories/submit",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("id=\"f-source_url_0-error\""));
    assert!(html.contains("Give at least one source"));
    assert!(html.contains("value=\"Naadam in Letňany\""), "kept");
    assert_eq!(before, fingerprint(db).await);

    post_ok(base, &author, "/en/moderation/stories/submit", &story_form()).await;
    let public = "/en/prague/stories/naadam-in-letnany";
    page_expect(base, None, public, StatusCode::NOT_FOUND).await; // not public before review
    let draft = pending_draft(db).await;

    // The author does not review their own; Košice's moderator not at all.
    let html = post_expect(
        base,
        Some(&author),
        "/en/moderation/stories/publish",
        &[("draft", &draft)],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("someone else who moderates the city"));
    post_expect(
        base,
        Some(&kosice),
        "/en/moderation/stories/publish",
        &[("draft", &draft)],
        StatusCode::FORBIDDEN,
    )
    .await;

    // Sent back: a message is needed; the author sees it in the editor.
    let (_, queue) = get_page(base, Some(&reviewer), "/en/moderation").await;
    assert!(queue.contains("Naadam in Letňany"), "in the reviewer's queue");
    assert!(queue.contains("data-field=\"sources\""), "the sources shown");
    post_expect(
        base,
        Some(&reviewer),
        "/en/moderation/stories/reject",
        &[("draft", &draft)],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    post_ok(
        base,
        &reviewer,
        "/en/moderation/stories/reject",
        &[("draft", &draft), ("message", "Add the year of the first Naadam.")],
    )
    .await;
    // The editor starts a new story empty and lists the author's drafts;
    // the one sent back opens with its message.
    let (_, page) = get_page(base, Some(&author), editor).await;
    assert!(!page.contains("value=\"Naadam in Letňany\""), "a new story starts empty");
    let resume = format!("{editor}&draft={draft}");
    assert!(
        page.contains(&resume.replace('&', "&amp;")) || page.contains(&resume),
        "the draft sent back is listed"
    );
    let (_, page) = get_page(base, Some(&author), &resume).await;
    assert!(page.contains("Add the year of the first Naadam."));
    assert!(page.contains("value=\"Naadam in Letňany\""), "the draft again");
    assert!(
        page.contains(&format!("name=\"previous\" value=\"{draft}\"")),
        "written again, it revises the draft sent back"
    );

    // Sent again and published: public with its sources, in both languages.
    let mut again = story_form();
    again.push(("previous", draft.as_str()));
    post_ok(base, &author, "/en/moderation/stories/submit", &again).await;
    let draft = pending_draft(db).await;
    post_ok(base, &reviewer, "/en/moderation/stories/publish", &[("draft", &draft)]).await;
    let page = page_expect(base, None, public, StatusCode::OK).await;
    assert!(page.contains("Naadam in Letňany"));
    assert!(page.contains("https://www.example.org/naadam"), "its source");
    let (_, cs) = get_page(base, None, "/cs/prague/stories/naadam-in-letnany").await;
    assert!(cs.contains("Naadam v Letňanech"), "the city's language");
    // Deciding twice: told, nothing changes.
    post_expect(
        base,
        Some(&reviewer),
        "/en/moderation/stories/publish",
        &[("draft", &draft)],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;

    // Its history: sent, sent back with the message, sent, published.
    let story =
        db.published_story("prague", "naadam-in-letnany").await.expect("q").expect("published");
    let actions: Vec<String> = db
        .story_history(story.id)
        .await
        .expect("q")
        .into_iter()
        .map(|e| format!("{}:{}", e.subject_kind, e.action))
        .collect();
    assert_eq!(
        actions,
        [
            "story:published",
            "story_draft:submitted",
            "story_draft:rejected",
            "story_draft:submitted"
        ]
    );
    let page = page_expect(
        base,
        Some(&reviewer),
        &format!("/en/moderation/audit?kind=story&id={}", story.id),
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("Add the year of the first Naadam."));

    // A new version of a demo story: its Ukrainian translation stays and
    // is marked as older than the English text.
    let demo =
        db.published_story("prague", "vietnamese-community").await.expect("q").expect("demo story");
    let path = format!("/en/moderation/stories/edit?city=prague&story={}", demo.id);
    let (_, page) = get_page(base, Some(&author), &path).await;
    let texts = db.story_texts(demo.id).await.expect("q");
    let en_title = texts.iter().find(|t| t.0 == "en").map(|t| t.1.clone()).expect("English");
    assert!(page.contains(&format!("value=\"{en_title}\"")), "prefilled");
    let mut change: Vec<(String, String)> = Vec::new();
    let values =
        app::stories::editor::current(db, &demo, "cs").await.expect("current").form_values();
    for (k, v) in values {
        let v = if k == "summary_en" { "A shorter summary.".to_string() } else { v };
        change.push((k, v));
    }
    change.push(("city".into(), "prague".into()));
    change.push(("story".into(), demo.id.to_string()));
    let form: Vec<(&str, &str)> = change.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    post_ok(base, &author, "/en/moderation/stories/submit", &form).await;
    let draft = pending_draft(db).await;
    let (_, queue) = get_page(base, Some(&reviewer), "/en/moderation").await;
    assert!(queue.contains("data-field=\"summary_en\""), "only what changes");
    assert!(!queue.contains("data-field=\"body_en\""));
    post_ok(base, &reviewer, "/en/moderation/stories/publish", &[("draft", &draft)]).await;
    let (_, uk) = get_page(base, None, "/uk/prague/stories/vietnamese-community").await;
    assert!(uk.contains("class=\"outdated-note\""), "the translation is older");
    let (_, en) = get_page(base, None, "/en/prague/stories").await;
    assert!(en.contains("A shorter summary."));
}

on_both_backends!(stories_written_and_reviewed);
