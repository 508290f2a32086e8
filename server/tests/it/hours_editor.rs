//! The place form's opening-hours editor: rows per day become OpenStreetMap
//! hours, the "check" button reads the week back in words without saving,
//! bad rows and free text that contradicts the hours are refused with
//! everything typed kept, and an unchanged form changes nothing.

use crate::common::{
    accept_change, advice_centre_form, cast, get_page, post_expect, post_ok, spawn_app, Backend,
};
use reqwest::StatusCode;

const SUBMIT: &str = "/en/dashboard/places/submit";

async fn hours_editor(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let p = cast(&app).await;
    let org = p.org.to_string();

    // The empty form shows a row per day and the OpenStreetMap field folded.
    let (_, html) =
        get_page(base, Some(&p.ngo), &format!("/en/dashboard/places/new?organisation={org}")).await;
    let html = html.replace("<!>", "");
    for day in ["f-oh-mo", "f-oh-su", "f-oh-we-to2", "f-oh-fr-note"] {
        assert!(html.contains(&format!("id=\"{day}\"")), "{day}");
    }
    assert!(html.contains("<details id=\"hours-expert\">"), "folded while not needed");
    assert!(html.contains("No opening hours given."));

    let rows = [
        ("oh-editor", "1"),
        ("oh-source", ""),
        ("opening_hours", ""),
        ("oh-mo-from1", "09:00"),
        ("oh-mo-to1", "12:00"),
        ("oh-mo-from2", "13:00"),
        ("oh-mo-to2", "17:00"),
        ("oh-tu-from1", "09:00"),
        ("oh-tu-to1", "12:00"),
        ("oh-tu-from2", "13:00"),
        ("oh-tu-to2", "17:00"),
        ("oh-fr-from1", "08:00"),
        ("oh-fr-to1", "12:00"),
        ("oh-fr-note", "appointment only"),
        ("oh-ph", "1"),
    ];
    let expected = "Mo,Tu 09:00-12:00,13:00-17:00; Fr 08:00-12:00 \"appointment only\"; PH off";

    // "Check the hours" saves nothing and reads the week back.
    let mut check = advice_centre_form(&org, &rows);
    check.push(("check_hours", "1"));
    let html =
        post_expect(base, Some(&p.ngo), SUBMIT, &check, StatusCode::OK).await.replace("<!>", "");
    assert!(db.pending_changes(&Default::default()).await.expect("q").is_empty(), "nothing saved");
    assert!(html.contains("<strong>Monday – Tuesday</strong>: 09:00–12:00, 13:00–17:00"), "{html}");
    assert!(html.contains("<strong>Friday</strong>: 08:00–12:00 (appointment only)"));
    assert!(html.contains("<strong>Saturday – Sunday</strong>: Closed"));
    assert!(html.contains("Closed on public holidays."));
    assert!(
        html.contains(&format!("value=\"{}\"", expected.replace('"', "&quot;"))),
        "the expert field shows the expression"
    );
    assert!(html.contains("value=\"Sousedská poradna\""), "the rest kept");

    // A day whose end comes before its start: refused at the row, with
    // everything typed kept (the free text is checked once the hours are).
    let mut bad = advice_centre_form(&org, &rows);
    bad.retain(|(k, _)| *k != "oh-tu-to2");
    bad.push(("oh-tu-to2", "12:30"));
    bad.push(("hours_text", "Mon–Fri 10:00–16:00"));
    let html =
        post_expect(base, Some(&p.ngo), SUBMIT, &bad, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(html.contains("id=\"f-oh-tu-error\""), "the row's error");
    assert!(html.contains("The end must be after the start."));
    assert!(html.contains("value=\"12:30\"") && html.contains("value=\"appointment only\""));
    assert!(html.contains("Mon–Fri 10:00–16:00"));
    // Rows right, the text still naming other times: refused at the text.
    let mut contradicting = advice_centre_form(&org, &rows);
    contradicting.push(("hours_text", "Mon–Fri 10:00–16:00"));
    let html =
        post_expect(base, Some(&p.ngo), SUBMIT, &contradicting, StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    assert!(html.contains("names times the opening hours do not have"));
    assert!(html.contains("value=\"17:00\""), "the rows kept");
    assert!(db.pending_changes(&Default::default()).await.expect("q").is_empty(), "nothing saved");

    // Rows and consistent free text: the proposal holds the expression.
    let mut good = advice_centre_form(&org, &rows);
    good.push(("hours_text", "Friday 8:00–12:00 by appointment; closed in August"));
    post_ok(base, &p.ngo, SUBMIT, &good).await;
    let pending = db.pending_changes(&Default::default()).await.expect("q");
    assert_eq!(pending.len(), 1);
    let draft: serde_json::Value = serde_json::from_str(&pending[0].data).expect("json");
    assert_eq!(draft["opening_hours"], expected);

    // Once public, the change form shows the stored hours in the rows.
    let change = pending[0].id.to_string();
    let (status, _) = accept_change(base, &p.moderator, &change).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let slugs = crate::common::published_slugs_where(base, "").await;
    let slug = slugs.iter().find(|s| s.starts_with("neighbours")).expect("published");
    let place =
        db.public_row::<app::db::PlaceRow>("prague", slug).await.expect("q").expect("place");
    assert_eq!(place.opening_hours.as_deref(), Some(expected));
    let form_page = format!("/en/dashboard/places/new?place={}", place.id);
    let (_, html) = get_page(base, Some(&p.ngo), &form_page).await;
    let html = html.replace("<!>", "");
    assert!(html.contains("name=\"oh-mo-from1\" type=\"time\" value=\"09:00\""), "{html}");
    assert!(html.contains("name=\"oh-fr-note\" type=\"text\" value=\"appointment only\""));
    assert!(html.contains("name=\"oh-ph\" value=\"1\" checked"));

    // Sent back as shown, the form changes nothing (the stored text is
    // kept, not rewritten), and is refused as such.
    let place_id = place.id.to_string();
    let mut same = advice_centre_form(&org, &rows);
    same.retain(|(k, _)| !matches!(*k, "oh-source" | "opening_hours"));
    same.push(("oh-source", expected));
    same.push(("opening_hours", expected));
    same.push(("hours_text", "Friday 8:00–12:00 by appointment; closed in August"));
    same.push(("place", place_id.as_str()));
    let html =
        post_expect(base, Some(&p.ngo), SUBMIT, &same, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(html.contains("Nothing was changed"));
    // One more day open is a change of the hours alone.
    same.push(("oh-th-from1", "09:00"));
    same.push(("oh-th-to1", "11:00"));
    post_ok(base, &p.ngo, SUBMIT, &same).await;
    let pending = db.pending_changes(&Default::default()).await.expect("q");
    let draft: serde_json::Value = serde_json::from_str(&pending[0].data).expect("json");
    assert_eq!(
        draft["opening_hours"],
        "Mo,Tu 09:00-12:00,13:00-17:00; Th 09:00-11:00; Fr 08:00-12:00 \"appointment only\"; PH off"
    );
}

on_both_backends!(hours_editor);
