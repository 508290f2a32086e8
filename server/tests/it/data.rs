//! The data layer and the importers, on SQLite and on PostgreSQL.

use crate::common::{fresh_db, fresh_db_with_url, Backend};
use app::db::{NewPlace, PlaceFilter};

fn place(slug: &str, city: &str, status: &str) -> NewPlace {
    NewPlace {
        city: app::values::CitySlug::parse(city).expect("slug"),
        slug: slug.into(),
        category: "ngo".into(),
        name: format!("Poradna {slug}"),
        name_en: format!("Counselling {slug}"),
        address: "Vodičkova 5, Praha 1".into(),
        district: Some("Praha 1".into()),
        lat: Some(50.08),
        lon: Some(14.42),
        coord_precision: Some("address".into()),
        coord_source: None,
        phone: None,
        email: None,
        website: None,
        opening_hours: Some("Mo-Fr 09:00-17:00".into()),
        hours_text: None,
        languages: vec!["uk".into(), "cs".into()],
        wheelchair: Some("yes".into()),
        sources: vec!["https://example.org/source".into()],
        source_date: None,
        last_verified: None,
        status: app::values::Publication::parse(status).expect("a status"),
        status_note: None,
        descriptions: vec![("en".into(), "Free legal advice for foreigners.".into())],
        needs: Some(vec!["legal".into()]),
        historical: false,
    }
}

async fn data_layer(backend: Backend) {
    let (db, _guard) = fresh_db(&backend).await;
    assert_eq!(db.cities().await.expect("cities").len(), 2);

    db.upsert_places(&[
        place("a", "prague", "published"),
        place("b", "prague", "draft"),
        place("c", "prague", "unpublished"),
    ])
    .await
    .expect("insert");
    let all = PlaceFilter::default();
    let public = db.published_places("prague", &all).await.expect("query");
    assert_eq!(
        public.iter().map(|p| p.slug.as_str()).collect::<Vec<_>>(),
        ["a"],
        "only published places are public"
    );
    assert!(db.public_row::<app::db::PlaceRow>("prague", "b").await.expect("query").is_none());
    assert_eq!(db.cities_with_counts().await.expect("counts")[0].1, 1);

    // Filters: language and diacritics-free search (district and
    // wheelchair: place_filters).
    let f =
        |lang: Option<&str>| PlaceFilter { lang: lang.map(str::to_string), ..Default::default() };
    assert_eq!(db.published_places("prague", &f(Some("uk"))).await.expect("q").len(), 1);
    assert_eq!(
        db.published_places("prague", &f(Some("u"))).await.expect("q").len(),
        0,
        "no partial code match"
    );
    let search = |text: &str| app::search::engine::Query::new(text, &["Praha"]);
    let found = db.search_places("prague", &search("Vodičkova legal"), &f(None)).await.expect("q");
    assert_eq!(found.len(), 1);
    let none = db.search_places("prague", &search("100%"), &f(None)).await.expect("q");
    assert!(none.is_empty());

    // Updating by (city, slug) replaces, it does not duplicate.
    let mut changed = place("a", "prague", "published");
    changed.name_en = "Renamed".into();
    changed.descriptions = vec![("uk".into(), "Безкоштовна правова допомога.".into())];
    db.upsert_places(&[changed]).await.expect("update");
    let rows = db.published_places("prague", &all).await.expect("query");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name_en, "Renamed");
    assert_eq!(
        db.descriptions(app::values::ListingKind::Place, rows[0].id).await.expect("texts"),
        vec![("uk".to_string(), "Безкоштовна правова допомога.".to_string())]
    );

    // A failing record rolls back the whole batch.
    let before = db.count_places().await.expect("count");
    let err = db
        .upsert_places(&[place("d", "prague", "published"), place("e", "atlantis", "published")])
        .await;
    assert!(err.is_err(), "unknown city violates the foreign key");
    assert_eq!(db.count_places().await.expect("count"), before, "nothing half-written");
    assert!(db.public_row::<app::db::PlaceRow>("prague", "d").await.expect("query").is_none());
}

/// District and wheelchair filters, alone and together.
async fn place_filters(backend: Backend) {
    let (db, _guard) = fresh_db(&backend).await;
    let with = |slug: &str, district: Option<&str>, wheelchair: Option<&str>| {
        let mut p = place(slug, "prague", "published");
        p.district = district.map(str::to_string);
        p.wheelchair = wheelchair.map(str::to_string);
        p
    };
    db.upsert_places(&[
        with("yes-1", Some("Praha 1"), Some("yes")),
        with("no-2", Some("Praha 2"), Some("no")),
        with("limited-2", Some("Praha 2"), Some("limited")),
        with("yes-2", Some("Praha 2"), Some("yes")),
        with("unknown", None, None),
    ])
    .await
    .expect("insert");
    let found = |district: Option<&str>, wheelchair: bool| {
        let db = db.clone();
        let filter = PlaceFilter {
            district: district.map(str::to_string),
            wheelchair,
            ..Default::default()
        };
        async move {
            let mut slugs: Vec<String> = db
                .published_places("prague", &filter)
                .await
                .expect("q")
                .into_iter()
                .map(|p| p.slug)
                .collect();
            slugs.sort();
            slugs
        }
    };
    assert_eq!(found(None, false).await.len(), 5);
    assert_eq!(found(None, true).await, ["yes-1", "yes-2"], "wheelchair: yes only");
    assert_eq!(found(Some("Praha 2"), false).await, ["limited-2", "no-2", "yes-2"]);
    assert_eq!(found(Some("Praha 2"), true).await, ["yes-2"]);
    assert_eq!(found(Some("Praha 3"), false).await, Vec::<String>::new());
    assert_eq!(db.districts("prague").await.expect("d"), ["Praha 1", "Praha 2"]);
}

async fn demo_import(backend: Backend) {
    let (db, _guard) = fresh_db(&backend).await;
    let report = app::demo::load_demo(&db, crate::common::geo().data()).await.expect("demo loads");
    assert_eq!(report.places, 70);
    let geo = report.geocode.expect("address data used");
    assert!(geo.districts_set > 20, "precise Prague points get their district");
    // Loading twice updates in place.
    app::demo::load_demo(&db, crate::common::geo().data()).await.expect("demo reloads");
    assert_eq!(db.count_places().await.expect("count"), 70);
    // Places without coordinates stay without them (never a made-up point).
    let rows = db.published_places("prague", &PlaceFilter::default()).await.expect("q");
    assert!(rows.iter().any(|r| r.lat.is_none()));
    assert!(rows.iter().all(|r| r.lat.is_some() == r.lon.is_some()));
    // The OAMP office at Žukovského 888/2 lies in Praha 6.
    let oamp = db
        .public_row::<app::db::PlaceRow>("prague", "oamp-praha-1")
        .await
        .expect("q")
        .expect("exists");
    assert_eq!(oamp.district.as_deref(), Some("Praha 6"));
}

#[tokio::test]
async fn address_lookup_on_the_real_prague_data() {
    let geo = crate::common::geo();
    let data = geo.data().expect("address data");
    let index = &data.addresses;
    assert!(index.len() > 70_000);
    let (lat, lon) = index.lookup("Žukovského 888/2, Praha 6").expect("known address");
    assert!((lat - 50.0902171).abs() < 1e-6 && (lon - 14.3091331).abs() < 1e-6);
    assert_eq!(index.lookup("Zukovskeho 888/2"), Some((lat, lon)), "without diacritics");
    let districts = &data.districts;
    assert_eq!(districts.len(), 57);
    assert_eq!(districts.district_at(lat, lon), Some("Praha 6"));
    // Old Town Square is in Praha 1; Košice is in no Prague district.
    assert_eq!(districts.district_at(50.0875, 14.4213), Some("Praha 1"));
    assert_eq!(districts.district_at(48.7164, 21.2611), None);
}

#[tokio::test]
async fn importer_rejects_a_bad_file_without_writing() {
    let (db, _guard) = fresh_db(&Backend::Sqlite).await;
    let bad = r#"[{"slug":"ok","city":"prague","category":"ngo","name":"A","name_en":"A"},
                  {"slug":"bad","city":"prague","category":"casino","name":"B","name_en":"B"}]"#;
    let err = app::demo::import_places(&db, bad, None).await.expect_err("invalid category");
    assert!(err.contains("record 1") && err.contains("category"), "{err}");
    assert_eq!(db.count_places().await.expect("count"), 0);
    let err = app::demo::import_places(&db, "not json", None).await.expect_err("not json");
    assert!(err.contains("JSON"), "{err}");
}

/// Listings are served from an in-memory copy per app instance: a write made
/// through one instance must show in another's next read, and an unpublished
/// place must disappear from it.
async fn instances_see_each_others_writes(backend: Backend) {
    let (a, url, _guard) = fresh_db_with_url(&backend).await;
    let b = app::db::Db::connect(&url).await.expect("second instance");
    let all = PlaceFilter::default();
    let slugs = |v: Vec<app::db::PlaceRow>| v.into_iter().map(|p| p.slug).collect::<Vec<_>>();

    a.upsert_places(&[place("one", "prague", "published")]).await.expect("insert");
    assert_eq!(slugs(b.published_places("prague", &all).await.expect("q")), ["one"]);
    assert_eq!(b.districts("prague").await.expect("d"), ["Praha 1"]);

    // Instance A changes and adds places; B has them cached and must notice.
    let mut renamed = place("one", "prague", "published");
    renamed.district = Some("Praha 2".into());
    a.upsert_places(&[renamed, place("two", "prague", "published")]).await.expect("update");
    assert_eq!(slugs(b.published_places("prague", &all).await.expect("q")), ["one", "two"]);
    assert_eq!(b.districts("prague").await.expect("d"), ["Praha 1", "Praha 2"]);

    // Unpublishing through B hides the place from A.
    b.upsert_places(&[place("two", "prague", "draft")]).await.expect("unpublish");
    assert_eq!(slugs(a.published_places("prague", &all).await.expect("q")), ["one"]);
    // Another city's copy is separate.
    assert!(a.published_places("kosice", &all).await.expect("q").is_empty());
}

on_both_backends!(data_layer, place_filters, demo_import, instances_see_each_others_writes);
