//! Listing texts in many languages: the visitor's language, else an honest
//! fallback; translations go through review; a translation older than its
//! source text is marked for visitors and in the organisation's dashboard.
//! On the real app, both backends.

use crate::common::page_expect;
use crate::common::{
    get_page, join, post_form, post_ok, sign_in, spawn_app, staff, verify_organisation, Backend,
    NGO,
};
use app::db::{Db, TextTable};
use reqwest::StatusCode;

async fn accept_pending(db: &Db, base: &str, moderator: &str) {
    let pending = db.pending_changes(&Default::default()).await.expect("q");
    assert_eq!(pending.len(), 1, "one proposal waits");
    let id = pending[0].id.to_string();
    post_ok(base, moderator, "/en/moderation/changes/accept", &[("change", &id)]).await;
}

/// Every language's description of the demo place `oamp-praha-1`.
async fn oamp_texts(db: &Db) -> Vec<app::db::ListingText> {
    let place = db
        .public_row::<app::db::PlaceRow>("prague", "oamp-praha-1")
        .await
        .expect("q")
        .expect("demo place");
    db.listing_texts(TextTable::Place, place.id).await.expect("q")
}

async fn demo_translations_and_fallbacks(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let texts = oamp_texts(db).await;
    let vi = texts.iter().find(|t| t.lang == "vi").expect("a Vietnamese text");
    assert_eq!(vi.translated_by.as_deref(), Some("Welcome Kit team"));
    let uk = texts.iter().find(|t| t.lang == "uk").expect("a Ukrainian text");
    assert_eq!(uk.translated_by.as_deref(), Some("Welcome Kit team"));
    let (_, page) = get_page(base, None, "/uk/prague/places/oamp-praha-1").await;
    let uk_words: String = uk.body.chars().take(40).collect();
    assert!(page.contains(&uk_words), "the Ukrainian description");
    assert!(!page.contains("class=\"fallback-note\""), "no fallback in Ukrainian");

    // In Vietnamese: the translation, who made it, no fallback note.
    let page = page_expect(base, None, "/vi/prague/places/oamp-praha-1", StatusCode::OK).await;
    let first_words: String = vi.body.chars().take(40).collect();
    assert!(page.contains(&first_words), "the Vietnamese description");
    assert!(page.contains("class=\"translator-note\""), "translator named");
    assert!(page.contains("Welcome Kit team"));
    assert!(!page.contains("class=\"fallback-note\""), "no fallback");
    assert!(!page.contains("class=\"outdated-note\""), "current");
    // The other languages it exists in, linked in the interface languages.
    assert!(page.contains("href=\"/en/prague/places/oamp-praha-1\""));
    assert!(page.contains("href=\"/cs/prague/places/oamp-praha-1\""));

    // In Russian there is no translation: the English text, labelled.
    let (_, page) = get_page(base, None, "/ru/prague/places/oamp-praha-1").await;
    let en = texts.iter().find(|t| t.lang == "en").expect("English");
    let en_words: String = en.body.chars().take(40).collect();
    assert!(page.contains(&en_words), "falls back to the source text");
    assert!(page.contains("class=\"fallback-note\""), "and says so");
    assert!(page.contains("lang=\"en\""), "marked as English for screen readers");

    // Stories too: Vietnamese translated, Russian falls back.
    let page =
        page_expect(base, None, "/vi/prague/stories/vietnamese-community", StatusCode::OK).await;
    assert!(page.contains("<h1 lang=\"vi\""), "Vietnamese story title");
    assert!(!page.contains("class=\"fallback-note\""));
    let (_, page) = get_page(base, None, "/ru/prague/stories/vietnamese-community").await;
    assert!(page.contains("class=\"fallback-note\""));
    assert!(page.contains("<h1 lang=\"en\""));
}

async fn translations_through_review_and_age(backend: Backend) {
    // Texts are stamped to the second: the test moves the app's clock on
    // instead of waiting for the next second.
    let app = crate::common::spawn_app_with(&backend, |c| {
        c.form_posts_per_minute = 10_000;
        c.form_posts_burst = 10_000;
        c.clock = app::state::Clock::fixed(chrono::Utc::now());
    })
    .await;
    let (db, base) = (&app.db, app.base.as_str());
    let org = join(db, base, NGO).await;
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    let ngo = sign_in(base, "ngo@example.org", "member passphrase").await;
    let moderator = sign_in(base, "mod@example.org", crate::common::STAFF_PASSWORD).await;
    let org_s = org.to_string();
    let (s, _) = verify_organisation(base, &moderator, &org_s).await;
    assert_eq!(s, StatusCode::SEE_OTHER);

    let form = |en: &'static str, uk: String| {
        vec![
            ("organisation", org_s.clone()),
            ("name", "Sousedská poradna".to_string()),
            ("name_en", "Neighbours' Advice Centre".to_string()),
            ("category", "ngo".to_string()),
            ("address", "Vodičkova 5, Praha 1".to_string()),
            ("description_en", en.to_string()),
            ("translation_uk", uk),
        ]
    };
    let submit = |f: Vec<(&'static str, String)>| {
        let ngo = ngo.clone();
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_form(base, Some(&ngo), "/en/dashboard/places/submit", &f).await
        }
    };

    // Too long a translation: told at its field, everything kept, nothing stored.
    let (s, html) = submit(form("Free advice.", "Б".repeat(3001))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"f-translation_uk-error\""), "{html}");
    assert!(html.contains("value=\"Sousedská poradna\""), "name kept");
    assert!(db.pending_changes(&Default::default()).await.expect("q").is_empty());

    // A new place with a Ukrainian translation: reviewed, then public.
    let (s, _) =
        submit(form("Free advice for newcomers.", "Безкоштовні консультації.".into())).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains("data-field=\"translation_uk\""), "the translation is reviewed");
    let (_, page) = get_page(base, None, "/uk/prague/places/neighbours-advice-centre").await;
    assert!(!page.contains("Безкоштовні консультації."), "not public before review");
    accept_pending(db, base, &moderator).await;
    let path = "/uk/prague/places/neighbours-advice-centre";
    let page = page_expect(base, None, path, StatusCode::OK).await;
    assert!(page.contains("Безкоштовні консультації."));
    assert!(!page.contains("class=\"outdated-note\""));
    let id = db
        .public_row::<app::db::PlaceRow>("prague", "neighbours-advice-centre")
        .await
        .expect("q")
        .expect("published")
        .id;
    let id_s = id.to_string();
    let stamp = |texts: &[app::db::ListingText], lang: &str| {
        texts.iter().find(|t| t.lang == lang).map(|t| t.updated_at).unwrap_or_default()
    };
    let before = db.listing_texts(TextTable::Place, id).await.expect("q");

    // The English text changes, the translation does not: it may be out of date.
    app.clock.advance(chrono::Duration::seconds(2));
    let mut edit =
        form("Free legal and social advice for newcomers.", "Безкоштовні консультації.".into());
    edit.push(("place", id_s.clone()));
    let (s, _) = submit(edit).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    accept_pending(db, base, &moderator).await;
    let after = db.listing_texts(TextTable::Place, id).await.expect("q");
    assert_eq!(
        stamp(&after, "uk"),
        stamp(&before, "uk"),
        "the untouched translation keeps its time"
    );
    assert!(stamp(&after, "en") > stamp(&before, "en"), "the source's time moved");
    let (_, page) = get_page(base, None, path).await;
    assert!(page.contains("class=\"outdated-note\""), "marked for visitors");
    let (_, page) = get_page(base, None, "/en/prague/places/neighbours-advice-centre").await;
    assert!(!page.contains("class=\"outdated-note\""), "the source itself is current");
    let (_, dash) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(dash.contains("class=\"translations-todo\""), "work to do on the dashboard");
    assert!(dash.contains(&format!("/en/dashboard/places/new?place={id}")));
    let (_, form_page) =
        get_page(base, Some(&ngo), &format!("/en/dashboard/places/new?place={id}")).await;
    assert!(
        form_page.contains("id=\"f-translation_uk-hint\""),
        "the form marks the old translation"
    );

    // An updated translation, reviewed like any edit: no longer out of date.
    app.clock.advance(chrono::Duration::seconds(2));
    let mut update = form(
        "Free legal and social advice for newcomers.",
        "Безкоштовні юридичні та соціальні консультації.".into(),
    );
    update.push(("place", id_s.clone()));
    let (s, _) = submit(update).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    accept_pending(db, base, &moderator).await;
    let (_, page) = get_page(base, None, path).await;
    assert!(page.contains("Безкоштовні юридичні та соціальні консультації."));
    assert!(!page.contains("class=\"outdated-note\""));
    let (_, dash) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(!dash.contains("class=\"translations-todo\""), "nothing left to do");
    let last = db.listing_texts(TextTable::Place, id).await.expect("q");
    assert_eq!(stamp(&last, "en"), stamp(&after, "en"), "the source was not rewritten");
}

/// The translation file format (data/demo/translations/*.json): stored with
/// its translator, as new as its source, shown to visitors in that language.
async fn translation_files(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let json = r#"{
      "lang": "mn",
      "from": "en",
      "by": "Welcome Kit team",
      "places": { "oamp-praha-1": "Дотоод хэргийн яамны гадаадын иргэдийн алба (OAMP). Зөвхөн цаг товлож хүлээн авна." },
      "stories": { "vietnamese-community": { "title": "Вьетнамын нийгэмлэг", "summary": "Товч.", "body": ["Нэгдүгээр догол мөр.", "Хоёрдугаар догол мөр."] } }
    }"#;
    assert_eq!(app::demo::import_translations(db, json).await, Ok(2));
    let texts = oamp_texts(db).await;
    let mn = texts.iter().find(|t| t.lang == "mn").expect("stored");
    let en = texts.iter().find(|t| t.lang == "en").expect("source");
    assert_eq!(mn.translated_by.as_deref(), Some("Welcome Kit team"));
    assert_eq!(mn.updated_at, en.updated_at, "as new as its source");

    // Mongolian is an interface language: its page shows the Mongolian
    // text, and the Russian page (no Russian text: it falls back and says
    // so) links to it. A language the interface does not offer (Polish) is
    // named, not linked.
    let polish = r#"{"lang": "pl", "from": "en", "by": "Welcome Kit team",
      "places": { "oamp-praha-1": "Urząd dla cudzoziemców." }, "stories": {}}"#;
    assert_eq!(app::demo::import_translations(db, polish).await, Ok(1));
    let (_, mn_page) = get_page(base, None, "/mn/prague/places/oamp-praha-1").await;
    assert!(mn_page.contains("Зөвхөн цаг товлож хүлээн авна."));
    let (_, page) = get_page(base, None, "/ru/prague/places/oamp-praha-1").await;
    assert!(page.contains("class=\"fallback-note\""));
    let at = page.find("text-languages").unwrap_or(0);
    let languages = page.get(at..at + 900).unwrap_or("");
    assert!(languages.contains("href=\"/mn/prague/places/oamp-praha-1\""), "{languages}");
    assert!(page.contains("<li>польский"), "Polish named among the languages: {languages}");
    // A file with one record that cannot be stored is refused whole: its
    // other records, which differ from what is stored, are not written
    // either (a place first and a story after it, and the other way round).
    let everything = || async {
        let story = db
            .published_story("prague", "vietnamese-community")
            .await
            .expect("q")
            .expect("demo story");
        (
            format!("{:?}", oamp_texts(db).await),
            format!("{:?}", db.story_texts(story.id).await.expect("q")),
        )
    };
    let before = everything().await;
    let changed =
        json.replace("Зөвхөн цаг товлож", "ӨӨР ТЕКСТ").replace("Вьетнамын нийгэмлэг", "Өөр гарчиг");
    for bad in [
        changed.replace("vietnamese-community", "no-such-story"),
        changed.replace("oamp-praha-1", "no-such-place"),
    ] {
        assert_ne!(bad, json);
        let err = app::demo::import_translations(db, &bad).await.expect_err("refused");
        assert!(err.contains("no-such-"), "{err}");
        assert_eq!(everything().await, before, "nothing written by {bad}");
    }
    // A story translation keeps its paragraphs.
    let story =
        db.published_story("prague", "vietnamese-community").await.expect("q").expect("demo story");
    let texts = db.story_texts(story.id).await.expect("q");
    let mn = texts.iter().find(|t| t.0 == "mn").expect("stored");
    assert_eq!(mn.3, "Нэгдүгээр догол мөр.\n\nХоёрдугаар догол мөр.");
    assert_eq!(mn.5.as_deref(), Some("Welcome Kit team"));
}

on_both_backends!(
    demo_translations_and_fallbacks,
    translations_through_review_and_age,
    translation_files
);
