//! Outgoing mail: messages are written to the outbox and, with SMTP
//! configured, delivered from there; failures are kept and retried.

use crate::common::post_expect;
use crate::common::smtp::smtp_sink;
use crate::common::{demo_db, member, spawn_app, Backend};
use chrono::{Duration, Utc};

async fn registration_mail_goes_out_by_smtp(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (url, received) = smtp_sink().await;
    let mailer = app::mail::Mailer::new(&url, "Welcome Kit <kit@example.org>").expect("mailer");
    app::mail::spawn_sender(app.db.clone(), mailer, std::time::Duration::from_millis(100));

    post_expect(
        &app.base,
        None,
        "/en/account/register",
        &[
            ("display_name", "Olena Kovalenko"),
            ("email", "olena@example.org"),
            ("password", "a long enough passphrase"),
            ("password_confirm", "a long enough passphrase"),
            ("org_name", "Spolek Sousedé"),
            ("legal_form", "z. s."),
            ("registration_no", "12345679"),
            ("city", "prague"),
        ],
        reqwest::StatusCode::SEE_OTHER,
    )
    .await;

    let mails = received.wait_for(1).await;
    assert_eq!(mails.len(), 1, "one message on the wire");
    let mail = &mails[0];
    assert!(mail.contains("To: olena@example.org"), "{mail}");
    assert!(
        mail.contains("From: \"Welcome Kit\" <kit@example.org>")
            || mail.contains("From: Welcome Kit <kit@example.org>"),
        "{mail}"
    );
    assert!(mail.contains("/en/account/verify?token="), "link in the mail: {mail}");

    // The sender marks the message after the server's reply: wait for it.
    let mut outbox = app.db.outbox(10).await.expect("outbox");
    for _ in 0..100 {
        if outbox.iter().all(|m| m.sent_at.is_some()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        outbox = app.db.outbox(10).await.expect("outbox");
    }
    assert_eq!(outbox.len(), 1);
    assert!(outbox[0].sent_at.is_some(), "marked sent");
    assert_eq!(outbox[0].attempts, 0);
}

async fn failed_delivery_is_kept_and_retried(backend: Backend) {
    let (db, _guard) = demo_db(&backend).await;
    member(&db, "http://kit.test", "a@example.org", "Spolek A", "prague", "12345679").await;
    member(&db, "http://kit.test", "b@example.org", "Spolek B", "prague", "00499153").await;
    let now = Utc::now();

    // Nobody listens on this port: both attempts fail, nothing is lost.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let dead_url = format!("smtp://{}", closed.local_addr().expect("addr"));
    drop(closed);
    let dead = app::mail::Mailer::new(&dead_url, "kit@example.org").expect("mailer");
    let d = app::mail::deliver_pending(&db, &dead, now).await.expect("deliver");
    assert_eq!((d.sent, d.failed), (0, 2));
    let outbox = db.outbox(10).await.expect("outbox");
    assert!(outbox
        .iter()
        .all(|m| m.sent_at.is_none() && m.attempts == 1 && m.last_error.is_some()));

    // Not tried again before the pause is over, even with a working server.
    let (url, received) = smtp_sink().await;
    let live = app::mail::Mailer::new(&url, "kit@example.org").expect("mailer");
    let d =
        app::mail::deliver_pending(&db, &live, now + Duration::seconds(30)).await.expect("deliver");
    assert_eq!((d.sent, d.failed), (0, 0));

    // Two senders (two app instances) after the pause: each message once.
    let later = now + Duration::minutes(2);
    let (a, b) = tokio::join!(
        app::mail::deliver_pending(&db, &live, later),
        app::mail::deliver_pending(&db, &live, later)
    );
    let (a, b) = (a.expect("a"), b.expect("b"));
    assert_eq!(a.sent + b.sent, 2, "each message sent once");
    let mails = received.wait_for(2).await;
    assert_eq!(mails.len(), 2);
    assert!(mails.iter().any(|m| m.contains("To: a@example.org")));
    assert!(mails.iter().any(|m| m.contains("To: b@example.org")));
    let outbox = db.outbox(10).await.expect("outbox");
    assert!(outbox.iter().all(|m| m.sent_at.is_some() && m.last_error.is_none()));
}

on_both_backends!(registration_mail_goes_out_by_smtp, failed_delivery_is_kept_and_retried);
