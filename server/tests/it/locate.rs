//! The place form's address lookup: coordinates and district from the
//! Prague address register, nothing saved; district set when accepted.

use crate::common::{
    accept_change, join, post_form, sign_in, spawn_app, staff, verify_organisation, Backend,
    KOSICE_NGO, NGO,
};
use reqwest::StatusCode;

async fn address_lookup_fills_coordinates(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let org = join(db, base, NGO).await;
    let kosice = join(db, base, KOSICE_NGO).await;
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    let ngo = sign_in(base, "ngo@example.org", "member passphrase").await;
    let k = sign_in(base, "k@example.org", "member passphrase").await;
    let org_s = org.to_string();
    let form = |address: &'static str| {
        vec![
            ("organisation", org_s.clone()),
            ("name", "Sousedská poradna".to_string()),
            ("category", "ngo".to_string()),
            ("address", address.to_string()),
            ("lat", String::new()),
            ("lon", String::new()),
            ("locate", "1".to_string()),
        ]
    };
    let post = |cookie: Option<String>, f: Vec<(&'static str, String)>| async move {
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post_form(base, cookie.as_deref(), "/en/dashboard/places/submit", &f).await
    };

    // Nobody signed in: refused.
    let (s, _) = post(None, form("Vodičkova 681/18, Praha 1")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // Found: the coordinates are filled in, the rest kept, nothing saved.
    let (s, html) = post(Some(ngo.clone()), form("Vodičkova 681/18, Praha 1")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("value=\"50.079437\""), "latitude filled");
    assert!(html.contains("value=\"14.422764\""), "longitude filled");
    assert!(html.contains("Prague address register (Praha 1)"), "district named");
    assert!(html.contains("value=\"Sousedská poradna\""), "name kept");
    assert!(db.pending_changes(&Default::default()).await.expect("q").is_empty(), "nothing saved");

    // Unknown address: told what to do instead.
    let (s, html) = post(Some(ngo.clone()), form("Neexistující 12345, Praha 1")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("is not in the Prague address register"));
    assert!(!html.contains("value=\"50."), "no coordinates invented");

    // Košice has no register: the pin or typed coordinates instead.
    let mut kf = form("Hlavná 1, Košice");
    kf[0].1 = kosice.to_string();
    let (s, html) = post(Some(k.clone()), kf).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("There is no address register for this city yet"));

    // Saving with the found point; the moderator sees no "no coordinates"
    // flag; accepting sets the district from the point.
    let mut save = form("Vodičkova 681/18, Praha 1");
    save[4].1 = "50.079437".into();
    save[5].1 = "14.422764".into();
    save.pop();
    let (s, _) = post(Some(ngo.clone()), save).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let mut unlocated = form("Vodičkova 681/18, Praha 1");
    unlocated[1].1 = "Poradna bez souřadnic".into();
    unlocated.pop();
    let (s, _) = post(Some(ngo.clone()), unlocated).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let moderator = sign_in(base, "mod@example.org", crate::common::STAFF_PASSWORD).await;
    let (_, queue) = crate::common::get_page(base, Some(&moderator), "/en/moderation").await;
    assert_eq!(
        queue.matches("No coordinates: this place would be listed").count(),
        1,
        "only the proposal without coordinates is flagged"
    );
    verify_organisation(base, &moderator, &org_s).await;
    let changes = db.pending_changes(&Default::default()).await.expect("q");
    let located = changes[0].id.to_string();
    let (s, _) = accept_change(base, &moderator, &located).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (place, ..) = db.places_of_organisation(org).await.expect("q")[0].clone();
    let row = db.row_by_id::<app::db::PlaceRow>(place).await.expect("q").expect("place");
    assert_eq!(row.district.as_deref(), Some("Praha 1"));
}

/// A place accepted without a position is listed but not on the map: the
/// organisation's dashboard says so and leads to the form's address.
async fn unlocated_place_is_flagged_to_its_organisation(backend: Backend) {
    let app = spawn_app(&backend).await;
    let p = crate::common::cast(&app).await;
    let org = p.org.to_string();
    let form = [
        ("organisation", org.as_str()),
        ("name", "Poradna bez mapy"),
        ("category", "ngo"),
        ("address", "Neznámá 999, Praha 1"),
    ];
    let id = crate::common::publish(&app, &p, "/en/dashboard/places/submit", &form).await;
    let (_, dashboard) = crate::common::get_page(&app.base, Some(&p.ngo), "/en/dashboard").await;
    assert!(dashboard.contains("Not on the map yet"), "the flag is shown");
    assert!(dashboard.contains(&format!("/en/dashboard/places/new?place={id}#f-address")));

    let located = crate::common::advice_centre_form(&org, &[]);
    crate::common::publish(&app, &p, "/en/dashboard/places/submit", &located).await;
    let (_, dashboard) = crate::common::get_page(&app.base, Some(&p.ngo), "/en/dashboard").await;
    assert_eq!(dashboard.matches("Not on the map yet").count(), 1, "only the unlocated one");
}

on_both_backends!(address_lookup_fills_coordinates, unlocated_place_is_flagged_to_its_organisation);
