//! Pages say what went wrong with the status that goes with it: a failing
//! database is a 500 "something went wrong" page, in the reader's language,
//! never "not allowed"; refusals stay 403 and missing things 404.

use crate::common::{get_page, page_expect, sign_in, spawn_app, staff, Backend, STAFF_PASSWORD};
use reqwest::StatusCode;

async fn failures_refusals_and_missing_pages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    staff(db, "admin@example.org", "admin", None).await;
    let admin = sign_in(base, "admin@example.org", STAFF_PASSWORD).await;

    // Missing and refused, before anything breaks.
    let page =
        page_expect(base, None, "/en/prague/places/no-such-place", StatusCode::NOT_FOUND).await;
    assert!(!page.contains("Something went wrong"));
    let (status, page) = get_page(base, None, "/cs/admin/outbox").await;
    assert!(status == StatusCode::FORBIDDEN || status.is_redirection(), "{status}");
    assert!(!page.contains("Něco se pokazilo"));
    let page = page_expect(base, Some(&admin), "/cs/admin/outbox", StatusCode::OK).await;
    assert!(!page.contains("Něco se pokazilo"));

    // The outbox table goes away: the admin's outbox page fails as a
    // failure, in Czech, with 500, not as a refusal.
    sqlx::query("DROP TABLE outbox").execute(db.pool()).await.expect("drop");
    let page =
        page_expect(base, Some(&admin), "/cs/admin/outbox", StatusCode::INTERNAL_SERVER_ERROR)
            .await;
    assert!(page.contains("Něco se pokazilo"), "the failure is said");
    assert!(!page.contains("K zobrazení této stránky nemáte oprávnění."), "not a refusal");
    // A place page whose descriptions cannot be read fails the same way.
    sqlx::query("DROP TABLE place_descriptions").execute(db.pool()).await.expect("drop");
    let page = page_expect(
        base,
        None,
        "/en/prague/places/oamp-praha-1",
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert!(page.contains("Something went wrong"));
}

on_both_backends!(failures_refusals_and_missing_pages);
