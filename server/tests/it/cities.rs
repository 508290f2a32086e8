//! A third city, added only with `welcome-kit add-city`: its map, the read
//! API, registration, moderation scope and the header's links work with no
//! code naming it.

use crate::cli::run;
use crate::common::{
    get_page, member, post_ok, sign_in, spawn_app, staff, Backend, STAFF_PASSWORD,
};
use crate::common::{page_expect, post_expect};
use reqwest::StatusCode;

const BRNO: [&str; 16] = [
    "add-city",
    "--slug",
    "brno",
    "--name",
    "Brno",
    "--lat",
    "49.1951",
    "--lon",
    "16.6068",
    "--time-zone",
    "Europe/Prague",
    "--country",
    "CZ",
    "--language",
    "cs",
    "--name-in=uk=Брно",
];

async fn a_city_added_from_the_command_line(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let (ok, out, err) = run(&app.url, &BRNO);
    assert!(ok, "{err}");
    assert!(out.contains("added Brno (brno)"), "{out}");

    // Twice is refused by name; a bad value is refused before any write.
    let (ok, _, err) = run(&app.url, &BRNO);
    assert!(!ok);
    assert!(err.contains("a city `brno` exists already"), "{err}");
    let mut ostrava = BRNO.map(|a| if a == "brno" { "ostrava" } else { a });
    ostrava[10] = "Europe/Ostrava";
    let (ok, _, err) = run(&app.url, &ostrava);
    assert!(!ok);
    assert!(err.contains("--time-zone `Europe/Ostrava`"), "{err}");
    assert!(db.city("ostrava").await.expect("q").is_none());

    // The read API lists it, with what was given; its places list is empty.
    let cities: serde_json::Value = reqwest::get(format!("{base}/api/v1/cities"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let brno = cities["cities"]
        .as_array()
        .expect("cities")
        .iter()
        .find(|c| c["slug"] == "brno")
        .expect("brno listed")
        .clone();
    assert_eq!(brno["timezone"], "Europe/Prague");
    assert_eq!(brno["local_language"], "cs");
    assert_eq!(brno["center"]["lat"], 49.1951);
    assert_eq!(brno["places"], 0);
    let resp = reqwest::get(format!("{base}/api/v1/places?city=brno")).await.expect("request");
    assert_eq!(resp.status(), StatusCode::OK);
    let places: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(places["total"], 0);

    // The start page offers it; its map page centres on it, with the
    // city's links in the header; names per interface language.
    let (_, home) = get_page(base, None, "/en?choose=1").await;
    assert!(home.contains("href=\"/en/brno\""), "start page offers Brno");
    let map = page_expect(base, None, "/en/brno", StatusCode::OK).await;
    assert!(map.contains("49.1951"), "the map starts at Brno's centre");
    for section in ["events", "volunteering", "communities", "stories"] {
        assert!(map.contains(&format!("href=\"/en/brno/{section}\"")), "header links to {section}");
    }
    let (_, events) = get_page(base, None, "/uk/brno/events").await;
    assert!(events.contains("Брно"), "the Ukrainian name");
    page_expect(base, None, "/en/brno/events", StatusCode::OK).await;
    let unknown = page_expect(base, None, "/en/ostrava", StatusCode::NOT_FOUND).await;
    assert!(!unknown.contains("href=\"/en/ostrava/events\""));

    // Registration offers it and accepts an organisation there.
    let (_, form) = get_page(base, None, "/en/account/register").await;
    let at = form.find("id=\"f-city\"").expect("city field");
    let select = &form[at..at + form[at..].find("</select>").expect("select ends")];
    assert!(
        select.contains("value=\"brno\"") && select.contains(">Brno<"),
        "registration offers Brno: {select}"
    );
    member(db, base, "b@example.org", "Brněnský spolek", "brno", "12345679").await;

    // Moderation scope: Brno's moderator sees the Brno organisation,
    // Prague's does not.
    staff(db, "mod-brno@example.org", "moderator", Some("brno")).await;
    staff(db, "mod-prague@example.org", "moderator", Some("prague")).await;
    for (email, sees) in [("mod-brno@example.org", true), ("mod-prague@example.org", false)] {
        let cookie = sign_in(base, email, STAFF_PASSWORD).await;
        let queue = page_expect(base, Some(&cookie), "/en/moderation", StatusCode::OK).await;
        assert_eq!(queue.contains("Brněnský spolek"), sees, "{email}");
    }
}

/// The admin page adds a city the same way; others are refused; a form
/// with mistakes comes back translated, with what was typed, and writes
/// nothing.
async fn admins_add_cities_on_their_page(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    staff(db, "admin@example.org", "admin", None).await;
    staff(db, "mod@example.org", "moderator", None).await;
    let admin = sign_in(base, "admin@example.org", STAFF_PASSWORD).await;
    let moderator = sign_in(base, "mod@example.org", STAFF_PASSWORD).await;
    let audit = |db: app::db::Db| async move {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE subject_kind = 'city'")
                .fetch_one(db.pool())
                .await
                .expect("count");
        n
    };
    let form = [
        ("slug", "brno"),
        ("name", "Brno"),
        ("lat", "49.1951"),
        ("lon", "16.6068"),
        ("time_zone", "Europe/Prague"),
        ("country", "CZ"),
        ("language", "cs"),
        ("names", "uk=Брно\nru=Брно"),
    ];

    // A moderator may neither see the page nor post it.
    let page = page_expect(base, Some(&moderator), "/en/admin/cities", StatusCode::FORBIDDEN).await;
    assert!(!page.contains("name=\"time_zone\""));
    post_expect(base, Some(&moderator), "/en/admin/cities/add", &form, StatusCode::FORBIDDEN).await;
    assert!(db.city("brno").await.expect("q").is_none());

    // Mistakes: every one at its field, in Czech, the typed values kept.
    let mut bad = form;
    bad[0].1 = "Brno!";
    bad[4].1 = "Europe/Brno";
    bad[7].1 = "Брно";
    let page = post_expect(
        base,
        Some(&admin),
        "/cs/admin/cities/add",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    for message in [
        "Použijte 2 až 40 malých písmen",
        "Toto časové pásmo neznáme",
        "Každý název napište na samostatný řádek",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert!(page.contains("value=\"Europe/Brno\""), "typed zone kept");
    assert!(page.contains("value=\"49.1951\""), "typed latitude kept");
    assert!(db.city("brno").await.expect("q").is_none());
    assert_eq!(audit(db.clone()).await, 0);

    // The admin adds it: it is listed, named per language, audited.
    post_ok(base, &admin, "/en/admin/cities/add", &form).await;
    let brno = db.city("brno").await.expect("q").expect("added");
    assert_eq!(brno.label("uk"), "Брно");
    assert_eq!(brno.label("en"), "Brno");
    assert_eq!(audit(db.clone()).await, 1);
    let page = page_expect(base, Some(&admin), "/en/admin/cities?added=1", StatusCode::OK).await;
    assert!(page.contains("href=\"/en/brno\""), "listed");
    // Twice: refused at the slug, nothing more written.
    let page = post_expect(
        base,
        Some(&admin),
        "/en/admin/cities/add",
        &form,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("A city with this name in the address exists already."));
    assert_eq!(audit(db.clone()).await, 1);
}

on_both_backends!(a_city_added_from_the_command_line, admins_add_cities_on_their_page);
