//! Categories are data: the place categories added with the schema (legal
//! help, work, schools and children), the event categories, and ones added
//! with `welcome-kit add-category` or on the admins' page work in filters,
//! forms, imports, the API and every language, each for its own kind.

use crate::cli::run;
use crate::common::{get_page, post_ok, sign_in, spawn_app, staff, Backend, STAFF_PASSWORD};
use crate::common::{page_expect, post_expect};
use app::values::ListingKind;
use reqwest::StatusCode;

async fn categories_from_the_database(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    let status_of = |query: &'static str| async move {
        let resp = reqwest::get(format!("{base}/api/v1/places?city=prague&{query}"))
            .await
            .expect("request");
        let status = resp.status();
        (status, resp.json::<serde_json::Value>().await.expect("json"))
    };
    for key in ["legal_help", "work", "schools_children"] {
        let (_, page) = get_page(base, None, "/uk/prague").await;
        assert!(page.contains(&format!("<option value=\"{key}\"")), "filter offers {key}");
    }
    let (status, _) = status_of("category=legal_help").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = status_of("category=housing").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["parameter"], "category");

    // A new category, with names; refused twice, and with bad values,
    // before anything is written.
    let add = [
        "add-category",
        "--key",
        "housing",
        "--name-in=en=Housing",
        "--name-in=cs=Bydlení",
        "--name-in=uk=Житло",
    ];
    let (ok, out, err) = run(&app.url, &add);
    assert!(ok, "{err}");
    assert!(out.contains("added category housing"), "{out}");
    let (ok, _, err) = run(&app.url, &add);
    assert!(!ok);
    assert!(err.contains("a category `housing` exists already"), "{err}");
    let (ok, _, err) = run(&app.url, &["add-category", "--key", "Bad Key", "--name-in=cs=Špatně"]);
    assert!(!ok);
    assert!(err.contains("--key `Bad Key`") && err.contains("English name"), "{err}");
    let keys = app.db.category_keys(ListingKind::Place).await.expect("q");
    assert_eq!(keys.iter().filter(|k| k.as_str() == "housing").count(), 1);
    assert!(!keys.iter().any(|k| k == "Bad Key"));

    // A place in it is imported, filtered and labelled in each language.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("places.json");
    std::fs::write(
        &file,
        r#"[{"slug":"housing-advice","city":"prague","category":"housing","name":"Poradna pro bydlení","name_en":"Housing advice"}]"#,
    )
    .expect("write");
    let (ok, _, err) = run(&app.url, &["import-places", &file.display().to_string()]);
    assert!(ok, "{err}");
    let (status, body) = status_of("category=housing").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 1);
    assert_eq!(body["places"][0]["slug"], "housing-advice");
    for (lang, name) in [("uk", "Житло"), ("cs", "Bydlení"), ("vi", "Housing")] {
        let (_, page) = get_page(base, None, &format!("/{lang}/prague?category=housing")).await;
        // The category choice's option (the needs' choice has a "housing" too).
        let select = page.find("id=\"f-category\"").expect("category choice");
        let at = select + page[select..].find("<option value=\"housing\"").expect("offered");
        let option = &page[at..at + page[at..].find("</option>").expect("option ends")];
        assert!(
            option.contains("selected")
                && option.trim_end_matches("<!>").ends_with(&format!(">{name}")),
            "{lang}: the filter names it {name}: {option}"
        );
        assert!(page.contains("Poradna pro bydlení") || page.contains("Housing advice"));
    }
}

/// The admin page adds a category the same way; a moderator is refused;
/// mistakes come back translated, typed values kept, nothing written.
async fn admins_add_categories_on_their_page(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    staff(db, "admin@example.org", "admin", None).await;
    staff(db, "mod@example.org", "moderator", None).await;
    let admin = sign_in(base, "admin@example.org", STAFF_PASSWORD).await;
    let moderator = sign_in(base, "mod@example.org", STAFF_PASSWORD).await;
    let form = [("key", "housing"), ("names", "en=Housing\nuk=Житло")];
    page_expect(base, Some(&moderator), "/en/admin/categories", StatusCode::FORBIDDEN).await;
    post_expect(base, Some(&moderator), "/en/admin/categories/add", &form, StatusCode::FORBIDDEN)
        .await;
    let keys = || async { db.category_keys(ListingKind::Place).await.expect("q") };
    let before = keys().await;
    assert!(!before.contains(&"housing".to_string()));

    let bad = [("key", "Housing"), ("names", "uk=Житло")];
    let page = post_expect(
        base,
        Some(&admin),
        "/uk/admin/categories/add",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("Використайте від 2 до 40 малих латинських літер і підкреслень"));
    assert!(page.contains("Вкажіть англійську назву"));
    assert!(page.contains("value=\"Housing\""), "typed key kept");
    assert_eq!(keys().await, before);

    post_ok(base, &admin, "/en/admin/categories/add", &form).await;
    let (_, page) = get_page(base, Some(&admin), "/uk/admin/categories?added=1").await;
    assert!(page.contains("Житло"), "listed in Ukrainian");
    let (_, city) = get_page(base, None, "/uk/prague").await;
    assert!(city.contains("<option value=\"housing\""), "offered by the filters");
    let page = post_expect(
        base,
        Some(&admin),
        "/en/admin/categories/add",
        &form,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("exists already"));
}

/// The `<option>` of `key` in a page, if it offers one.
fn option<'a>(page: &'a str, key: &str) -> Option<&'a str> {
    let at = page.find(&format!("<option value=\"{key}\""))?;
    Some(&page[at..at + page[at..].find("</option>")?])
}

/// Event categories: named in each language from the database, offered by
/// the event filter and form but not the place filter; one added with
/// `add-category --for event` or on the admins' page is offered, filtered
/// and imported at once; a place category is no event category.
async fn event_categories_are_data(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let api = |query: &'static str| async move {
        reqwest::get(format!("{base}/api/v1/events?city=prague&{query}"))
            .await
            .expect("request")
            .status()
    };
    let (_, events) = get_page(base, None, "/uk/prague/events").await;
    let club = option(&events, "conversation_club").expect("the event filter offers it");
    assert!(club.contains("Розмовний клуб"), "{club}");
    let (_, places) = get_page(base, None, "/uk/prague").await;
    assert!(option(&places, "conversation_club").is_none(), "no place category");
    assert!(option(&events, "legal_help").is_none(), "no event category");
    assert_eq!(api("category=conversation_club").await, StatusCode::OK);
    assert_eq!(api("category=legal_help").await, StatusCode::BAD_REQUEST);
    assert_eq!(api("category=night_walk").await, StatusCode::BAD_REQUEST);

    let (ok, _, err) = run(
        &app.url,
        &["add-category", "--key", "night_walk", "--for", "opportunity", "--name-in=en=Night walk"],
    );
    assert!(!ok);
    assert!(err.contains("--for `opportunity`"), "{err}");
    let (ok, out, err) = run(
        &app.url,
        &[
            "add-category",
            "--key",
            "night_walk",
            "--for",
            "event",
            "--name-in=en=Night walk",
            "--name-in=uk=Нічна прогулянка",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("added category night_walk"), "{out}");
    assert_eq!(api("category=night_walk").await, StatusCode::OK);
    let (_, events) = get_page(base, None, "/uk/prague/events").await;
    let walk = option(&events, "night_walk").expect("offered at once");
    assert!(walk.contains("Нічна прогулянка"), "{walk}");
    let (_, places) = get_page(base, None, "/en/prague").await;
    assert!(option(&places, "night_walk").is_none());

    // An event in it is imported and found by the filter.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("events.json");
    std::fs::write(&file, format!("[{}]", crate::cli::event("walk-by-night", "night_walk")))
        .expect("write");
    let (ok, _, err) = run(&app.url, &["import-events", &file.display().to_string()]);
    assert!(ok, "{err}");
    let (_, found) = get_page(
        base,
        None,
        "/en/prague/events?when=range&from=2027-03-01&to=2027-03-31&category=night_walk",
    )
    .await;
    assert!(found.contains("Café"), "the imported event is listed");

    // The admins' page adds one for events; an event form offers it.
    staff(db, "admin@example.org", "admin", None).await;
    let admin = sign_in(base, "admin@example.org", STAFF_PASSWORD).await;
    let form = [("key", "picnic"), ("kind", "event"), ("names", "en=Picnic")];
    post_ok(base, &admin, "/en/admin/categories/add", &form).await;
    let bad = [("key", "other"), ("kind", "story"), ("names", "en=Other")];
    let page = post_expect(
        base,
        Some(&admin),
        "/en/admin/categories/add",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("id=\"f-kind-error\""), "told at the field");
    assert_eq!(
        db.category_keys(ListingKind::Event).await.expect("q").last().map(String::as_str),
        Some("picnic")
    );
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    let moderator = sign_in(base, "mod@example.org", STAFF_PASSWORD).await;
    let (_, form_page) =
        get_page(base, Some(&moderator), "/en/moderation/events/edit?city=prague").await;
    assert!(option(&form_page, "picnic").is_some(), "the event form offers it");
    assert!(option(&form_page, "legal_help").is_none());
}

on_both_backends!(
    categories_from_the_database,
    admins_add_categories_on_their_page,
    event_categories_are_data
);
