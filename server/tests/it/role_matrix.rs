//! The role matrix: every state-changing form and every protected page,
//! tried as each kind of person. Exactly the allowed ones succeed; after a
//! refusal nothing in the database has changed. (Sign-in, registration and
//! password reset are open to everyone by design and tested in accounts.rs.)

use crate::common::{
    fingerprint, get_page, member, post_form, registered, run_sql, sign_in, spawn_app, staff,
    Backend,
};
use reqwest::StatusCode;
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    OtherOrganisationMember,
    Member,
    OtherCityModerator,
    Moderator,
    Admin,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::OtherOrganisationMember,
    Who::Member,
    Who::OtherCityModerator,
    Who::Moderator,
    Who::Admin,
];

struct Fixture {
    base: String,
    db: app::db::Db,
    org: i64,
    /// A verified community group the member also belongs to.
    group: i64,
    cookies: Vec<(Who, Option<String>)>,
}

static N: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    format!("{prefix} {}", N.fetch_add(1, Ordering::SeqCst))
}

impl Fixture {
    fn cookie(&self, who: Who) -> Option<&str> {
        self.cookies.iter().find(|(w, _)| *w == who).and_then(|(_, c)| c.as_deref())
    }

    async fn post(&self, who: Who, path: &str, form: &[(String, String)]) -> StatusCode {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        post_form(&self.base, self.cookie(who), path, &form).await.0
    }

    /// A new pending proposal of the member's organisation; its id.
    async fn pending_change(&self) -> i64 {
        let name = unique("Návrh");
        let s = self
            .post(
                Who::Member,
                "/en/dashboard/places/submit",
                &pairs(&[
                    ("organisation", &self.org.to_string()),
                    ("name", &name),
                    ("category", "ngo"),
                    ("address", "Vodičkova 681/18, Praha 1"),
                ]),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "fixture: proposal");
        let filter = app::db::ChangeFilter { organisation: Some(self.org), ..Default::default() };
        let changes = self.db.pending_changes(&filter).await.expect("changes");
        changes.iter().map(|c| c.id).max().expect("a pending change")
    }

    /// A new pending profile proposal of the member's community group; its id.
    async fn group_proposal(&self) -> i64 {
        let s = self
            .post(
                Who::Member,
                Form::SubmitGroupProfile.path(),
                &group_profile(self.group, &unique("Skupina")),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "fixture: group proposal");
        self.db
            .latest_group_proposal(self.group)
            .await
            .expect("q")
            .map(|p| p.id)
            .expect("a proposal")
    }

    /// A new published place of the member's organisation: (id, slug).
    async fn place(&self) -> (i64, String) {
        let change = self.pending_change().await;
        self.accept(change).await;
        let places = self.db.places_of_organisation(self.org).await.expect("places");
        let (id, _, slug, ..) = places.into_iter().max_by_key(|p| p.0).expect("a place");
        (id, slug)
    }
}

impl Fixture {
    fn event_form(&self) -> Vec<(String, String)> {
        pairs(&[
            ("organisation", &self.org.to_string()),
            ("title", &unique("Kavárna jazyků")),
            ("category", "conversation_club"),
            ("address", "Vodičkova 681/18, Praha 1"),
            ("date", "2027-01-05"),
            ("time", "18:00"),
            ("end_time", "20:00"),
            ("repeat", "weekly"),
        ])
    }

    fn opportunity_form(&self) -> Vec<(String, String)> {
        pairs(&[
            ("organisation", &self.org.to_string()),
            ("title", &unique("Doučování")),
            ("location_kind", "remote"),
            ("schedule_kind", "flexible"),
            ("audience", "both"),
            ("contact", "help@example.org"),
        ])
    }

    /// A moderator accepts the change `change`.
    async fn accept(&self, change: i64) {
        let form = pairs(&[("change", &change.to_string())]);
        let s = self.post(Who::Moderator, "/en/moderation/changes/accept", &form).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "fixture: accept");
    }

    /// Accepts the member organisation's newest pending change.
    async fn accept_newest(&self) {
        let filter = app::db::ChangeFilter { organisation: Some(self.org), ..Default::default() };
        let change = self
            .db
            .pending_changes(&filter)
            .await
            .expect("changes")
            .iter()
            .map(|c| c.id)
            .max()
            .expect("a pending change");
        self.accept(change).await;
    }

    /// Proposes a listing as the member; a moderator accepts it.
    async fn propose_accepted(&self, path: &str, form: &[(String, String)]) {
        let s = self.post(Who::Member, path, form).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "fixture: proposal {path}");
        self.accept_newest().await;
    }

    /// A new published event of the member's organisation: (id, slug).
    async fn event(&self) -> (i64, String) {
        self.propose_accepted("/en/dashboard/events/submit", &self.event_form()).await;
        let events =
            self.db.rows_of_organisation::<app::db::EventRow>(self.org).await.expect("events");
        newest(events.into_iter().map(|e| (e.id, e.slug)))
    }

    /// A new published opportunity of the member's organisation: (id, slug).
    async fn opportunity(&self) -> (i64, String) {
        let path = "/en/dashboard/opportunities/submit";
        self.propose_accepted(path, &self.opportunity_form()).await;
        let list = self
            .db
            .rows_of_organisation::<app::db::OpportunityRow>(self.org)
            .await
            .expect("opportunities");
        newest(list.into_iter().map(|o| (o.id, o.slug)))
    }
}

/// The listing with the highest id: (id, slug).
fn newest(listings: impl Iterator<Item = (i64, String)>) -> (i64, String) {
    listings.max_by_key(|(id, _)| *id).expect("a listing")
}

/// A valid group profile form for `group`.
fn group_profile(group: i64, description: &str) -> Vec<(String, String)> {
    pairs(&[
        ("organisation", &group.to_string()),
        ("languages", "uk"),
        ("description", description),
        ("channel_kind_0", "telegram"),
        ("channel_value_0", "https://t.me/skupina"),
    ])
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[derive(Clone, Copy, Debug)]
enum Form {
    SubmitPlace,
    ConfirmPlace,
    ConfirmListing,
    VerifyListing,
    AddMember,
    RemoveMember,
    VerifyOrganisation,
    SuspendOrganisation,
    AcceptChange,
    RejectChange,
    SendBackChange,
    HandleReport,
    UnpublishPlace,
    EditPlace,
    ReportProblem,
    ExpressInterest,
    SubmitEvent,
    SubmitOpportunity,
    CancelEventDate,
    CancelEventSeries,
    RestoreEventDate,
    RestoreEventSeries,
    EditEvent,
    EditOpportunity,
    UnpublishEvent,
    UnpublishOpportunity,
    SubmitGroupProfile,
    ApproveGroupProfile,
    RejectGroupProfile,
    AddCity,
    AddCategory,
    AssignListing,
    InviteStaff,
}

impl Form {
    fn path(self) -> &'static str {
        match self {
            Form::SubmitPlace => "/en/dashboard/places/submit",
            Form::ConfirmPlace => "/en/dashboard/places/confirm",
            Form::ConfirmListing => "/en/dashboard/listings/confirm",
            Form::VerifyListing => "/en/moderation/listings/verify",
            Form::AddMember => "/en/dashboard/members/add",
            Form::RemoveMember => "/en/dashboard/members/remove",
            Form::VerifyOrganisation => "/en/moderation/organisations/verify",
            Form::SuspendOrganisation => "/en/moderation/organisations/suspend",
            Form::AcceptChange => "/en/moderation/changes/accept",
            Form::RejectChange => "/en/moderation/changes/reject",
            Form::SendBackChange => "/en/moderation/changes/send-back",
            Form::HandleReport => "/en/moderation/reports/handle",
            Form::EditPlace => "/en/moderation/places/edit",
            Form::ReportProblem => "/en/places/report",
            Form::ExpressInterest => "/en/volunteering/interest",
            Form::SubmitEvent => "/en/dashboard/events/submit",
            Form::SubmitOpportunity => "/en/dashboard/opportunities/submit",
            Form::CancelEventDate | Form::CancelEventSeries => "/en/dashboard/events/cancel",
            Form::RestoreEventDate | Form::RestoreEventSeries => "/en/dashboard/events/restore",
            Form::EditEvent => "/en/moderation/events/edit",
            Form::EditOpportunity => "/en/moderation/opportunities/edit",
            Form::UnpublishPlace | Form::UnpublishEvent | Form::UnpublishOpportunity => {
                "/en/moderation/listings/unpublish"
            }
            Form::SubmitGroupProfile => "/en/dashboard/group/submit",
            Form::ApproveGroupProfile => "/en/moderation/groups/approve",
            Form::RejectGroupProfile => "/en/moderation/groups/reject",
            Form::AddCity => "/en/admin/cities/add",
            Form::AddCategory => "/en/admin/categories/add",
            Form::AssignListing => "/en/moderation/listings/assign",
            Form::InviteStaff => "/en/admin/people/invite",
        }
    }

    fn allowed(self) -> &'static [Who] {
        match self {
            Form::SubmitPlace
            | Form::ConfirmPlace
            | Form::ConfirmListing
            | Form::SubmitEvent
            | Form::SubmitOpportunity
            | Form::SubmitGroupProfile => &[Who::Member],
            // Calling off is urgent: the organisation, and moderators; so
            // is taking it back.
            Form::CancelEventDate
            | Form::CancelEventSeries
            | Form::RestoreEventDate
            | Form::RestoreEventSeries => &[Who::Member, Who::Moderator, Who::Admin],
            Form::AddMember | Form::RemoveMember => &[Who::Member, Who::Admin],
            Form::ReportProblem | Form::ExpressInterest => &EVERYONE,
            Form::AddCity | Form::AddCategory | Form::InviteStaff => &[Who::Admin],
            _ => &[Who::Moderator, Who::Admin],
        }
    }

    /// A fresh target for one attempt, and the form to post.
    async fn prepare(self, fx: &Fixture) -> Vec<(String, String)> {
        let org = fx.org.to_string();
        match self {
            Form::AddCity => {
                let slug = unique("city").replace(' ', "-");
                pairs(&[
                    ("slug", &slug),
                    ("name", &slug),
                    ("lat", "49.1951"),
                    ("lon", "16.6068"),
                    ("time_zone", "Europe/Prague"),
                    ("country", "CZ"),
                    ("language", "cs"),
                ])
            }
            Form::InviteStaff => {
                let email = unique("official").replace(' ', "-") + "@example.org";
                pairs(&[("email", &email), ("name", "Nový úředník"), ("role", "moderator")])
            }
            Form::AssignListing => {
                // A place the city imported, given to the member's
                // organisation; each given one is no longer a target.
                let (id, slug): (i64, String) = sqlx::query_as(
                    "SELECT id, slug FROM places WHERE city = 'prague' \
                     AND organisation_id IS NULL ORDER BY id LIMIT 1",
                )
                .fetch_one(fx.db.pool())
                .await
                .expect("an imported place");
                pairs(&[
                    ("listing", "place"),
                    ("id", &id.to_string()),
                    ("city", "prague"),
                    ("slug", &slug),
                    ("organisation", &org),
                ])
            }
            Form::AddCategory => {
                // Keys take letters only: the counter's digits become letters.
                let key: String = unique("category")
                    .chars()
                    .map(|c| match c {
                        ' ' => '_',
                        d if d.is_ascii_digit() => char::from(b'a' + (d as u8 - b'0')),
                        other => other,
                    })
                    .collect();
                pairs(&[("key", &key), ("names", "en=Something new")])
            }
            Form::SubmitPlace => pairs(&[
                ("organisation", &org),
                ("name", &unique("Nové místo")),
                ("category", "ngo"),
                ("address", "Žitná 1319/33, Praha 2"),
            ]),
            Form::ConfirmPlace => {
                let (place, _) = fx.place().await;
                pairs(&[("place", &place.to_string())])
            }
            Form::ConfirmListing => {
                let (place, _) = fx.place().await;
                pairs(&[("kind", "place"), ("id", &place.to_string())])
            }
            Form::VerifyListing => {
                let (place, slug) = fx.place().await;
                pairs(&[
                    ("listing", "place"),
                    ("id", &place.to_string()),
                    ("city", "prague"),
                    ("slug", &slug),
                ])
            }
            Form::AddMember => pairs(&[
                ("organisation", &org),
                ("member_name", "Someone New"),
                ("member_email", &format!("{}@example.org", unique("new").replace(' ', "-"))),
            ]),
            Form::RemoveMember => {
                let email = format!("{}@example.org", unique("extra").replace(' ', "-"));
                let s = fx
                    .post(
                        Who::Member,
                        Form::AddMember.path(),
                        &pairs(&[
                            ("organisation", &org),
                            ("member_name", "Extra"),
                            ("member_email", &email),
                        ]),
                    )
                    .await;
                assert_eq!(s, StatusCode::SEE_OTHER, "fixture: extra member");
                let user = fx.db.user_by_email(&email).await.expect("q").expect("user");
                pairs(&[("organisation", &org), ("user", &user.id.to_string())])
            }
            Form::VerifyOrganisation | Form::SuspendOrganisation => {
                let email = format!("{}@example.org", unique("org").replace(' ', "-"));
                let id =
                    member(&fx.db, &fx.base, &email, &unique("Spolek"), "prague", "12345679").await;
                pairs(&[
                    ("organisation", &id.to_string()),
                    ("reason", "Registration number belongs to another body"),
                ])
            }
            Form::AcceptChange | Form::RejectChange | Form::SendBackChange => {
                let change = fx.pending_change().await;
                pairs(&[
                    ("change", &change.to_string()),
                    ("message", "Please add the opening hours"),
                ])
            }
            Form::HandleReport => {
                let (_, slug) = fx.place().await;
                let s = fx
                    .post(
                        Who::Anonymous,
                        Form::ReportProblem.path(),
                        &pairs(&[("city", "prague"), ("slug", &slug), ("kind", "closed")]),
                    )
                    .await;
                assert_eq!(s, StatusCode::SEE_OTHER, "fixture: report");
                let reports = fx.db.open_reports(Some("prague")).await.expect("reports");
                let id = reports.iter().map(|r| r.id).max().expect("a report");
                pairs(&[("report", &id.to_string())])
            }
            Form::EditPlace => {
                let (place, slug) = fx.place().await;
                pairs(&[
                    ("place", &place.to_string()),
                    ("city", "prague"),
                    ("slug", &slug),
                    ("name", &unique("Upravené místo")),
                    ("category", "ngo"),
                    ("address", "Vodičkova 681/18, Praha 1"),
                    ("opening_hours", "Mo-Fr 10:00-12:00"),
                ])
            }
            Form::ReportProblem => {
                let (_, slug) = fx.place().await;
                pairs(&[("city", "prague"), ("slug", &slug), ("kind", "wrong_hours")])
            }
            Form::SubmitGroupProfile => group_profile(fx.group, &unique("Skupina")),
            Form::ApproveGroupProfile | Form::RejectGroupProfile => {
                let proposal = fx.group_proposal().await;
                pairs(&[
                    ("proposal", &proposal.to_string()),
                    ("message", "Please add where you meet"),
                ])
            }
            Form::ExpressInterest => {
                let (id,): (i64,) = sqlx::query_as(
                    "SELECT id FROM opportunities WHERE slug = 'cic-volunteer-programme'",
                )
                .fetch_one(fx.db.pool())
                .await
                .expect("opportunity");
                pairs(&[
                    ("opportunity", &id.to_string()),
                    ("name", "Interest Person"),
                    ("contact", "+420 777 000 111"),
                    ("consent", "yes"),
                ])
            }
            Form::SubmitEvent => fx.event_form(),
            Form::SubmitOpportunity => fx.opportunity_form(),
            Form::CancelEventDate => {
                let (id, _) = fx.event().await;
                pairs(&[("event", &id.to_string()), ("date", "2027-01-12")])
            }
            Form::CancelEventSeries => {
                let (id, _) = fx.event().await;
                pairs(&[("event", &id.to_string()), ("series", "1")])
            }
            Form::RestoreEventDate | Form::RestoreEventSeries => {
                let (id, _) = fx.event().await;
                let called_off = match self {
                    Form::RestoreEventDate => {
                        pairs(&[("event", &id.to_string()), ("date", "2027-01-12")])
                    }
                    _ => pairs(&[("event", &id.to_string()), ("series", "1")]),
                };
                let s = fx.post(Who::Member, Form::CancelEventDate.path(), &called_off).await;
                assert_eq!(s, StatusCode::SEE_OTHER, "fixture: called off");
                called_off
            }
            Form::EditEvent => {
                let (id, _) = fx.event().await;
                let mut f = fx.event_form();
                f.push(("event".into(), id.to_string()));
                f
            }
            Form::EditOpportunity => {
                let (id, _) = fx.opportunity().await;
                let mut f = fx.opportunity_form();
                f.push(("opportunity".into(), id.to_string()));
                f
            }
            Form::UnpublishPlace | Form::UnpublishEvent | Form::UnpublishOpportunity => {
                let (kind, (id, slug)) = match self {
                    Form::UnpublishPlace => ("place", fx.place().await),
                    Form::UnpublishEvent => ("event", fx.event().await),
                    _ => ("opportunity", fx.opportunity().await),
                };
                pairs(&[
                    ("kind", kind),
                    ("id", &id.to_string()),
                    ("city", "prague"),
                    ("slug", &slug),
                    ("reason", "Not for newcomers"),
                ])
            }
        }
    }
}

const FORMS: [Form; 33] = [
    Form::SubmitPlace,
    Form::AssignListing,
    Form::InviteStaff,
    Form::ConfirmPlace,
    Form::ConfirmListing,
    Form::VerifyListing,
    Form::AddMember,
    Form::RemoveMember,
    Form::VerifyOrganisation,
    Form::SuspendOrganisation,
    Form::AcceptChange,
    Form::RejectChange,
    Form::SendBackChange,
    Form::HandleReport,
    Form::UnpublishPlace,
    Form::EditPlace,
    Form::ReportProblem,
    Form::ExpressInterest,
    Form::SubmitEvent,
    Form::SubmitOpportunity,
    Form::CancelEventDate,
    Form::CancelEventSeries,
    Form::RestoreEventDate,
    Form::RestoreEventSeries,
    Form::EditEvent,
    Form::EditOpportunity,
    Form::UnpublishEvent,
    Form::UnpublishOpportunity,
    Form::SubmitGroupProfile,
    Form::ApproveGroupProfile,
    Form::RejectGroupProfile,
    Form::AddCity,
    Form::AddCategory,
];

async fn role_matrix(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let org = member(db, base, "member@example.org", "Spolek Sousedé", "prague", "12345679").await;
    member(db, base, "other@example.org", "Košický spolok", "kosice", "00499153").await;
    // A community group in Prague that the member also belongs to.
    let group = registered(
        db,
        base,
        "group@example.org",
        "Spolek Hromada",
        "prague",
        "12345679",
        "community_group",
    )
    .await;
    let member_id = db.user_by_email("member@example.org").await.expect("q").expect("member").id;
    sqlx::query(
        "INSERT INTO memberships (user_id, organisation_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(member_id)
    .bind(group)
    .bind(chrono::Utc::now().to_rfc3339())
    .execute(db.pool())
    .await
    .expect("member of the group");
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    staff(db, "admin@example.org", "admin", None).await;
    let cookies = vec![
        (Who::Anonymous, None),
        (
            Who::OtherOrganisationMember,
            Some(sign_in(base, "other@example.org", "member passphrase").await),
        ),
        (Who::Member, Some(sign_in(base, "member@example.org", "member passphrase").await)),
        (
            Who::OtherCityModerator,
            Some(sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await),
        ),
        (
            Who::Moderator,
            Some(sign_in(base, "mod-p@example.org", crate::common::STAFF_PASSWORD).await),
        ),
        (Who::Admin, Some(sign_in(base, "admin@example.org", crate::common::STAFF_PASSWORD).await)),
    ];
    let fx = Fixture { base: base.to_string(), db: db.clone(), org, group, cookies };
    // An opportunity of the member's organisation, for interest requests.
    // opportunity linked
    run_sql(
        db,
        "UPDATE opportunities SET organisation_id = $1 WHERE slug = 'cic-volunteer-programme'",
        org,
    )
    .await;
    let s = fx
        .post(
            Who::Moderator,
            Form::VerifyOrganisation.path(),
            &pairs(&[("organisation", &org.to_string())]),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "fixture: verified organisation");
    let s = fx
        .post(
            Who::Moderator,
            Form::VerifyOrganisation.path(),
            &pairs(&[("organisation", &group.to_string())]),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "fixture: verified group");

    let mut checked = 0;
    for form in FORMS {
        for who in EVERYONE {
            let values = form.prepare(&fx).await;
            let before = fingerprint(db).await;
            let status = fx.post(who, form.path(), &values).await;
            let after = fingerprint(db).await;
            if form.allowed().contains(&who) {
                assert_eq!(status, StatusCode::SEE_OTHER, "{form:?} as {who:?} should succeed");
                assert_ne!(before, after, "{form:?} as {who:?} changed nothing");
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{form:?} as {who:?} should be refused");
                assert_eq!(before, after, "{form:?} as {who:?} was refused but changed data");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, FORMS.len() * EVERYONE.len());

    // Protected pages: (path, text only the allowed see, who is allowed).
    let (place, _) = fx.place().await;
    let (event, _) = fx.event().await;
    let (opportunity, _) = fx.opportunity().await;
    const CITY_MODERATORS: &[Who] = &[Who::Moderator, Who::Admin];
    const MEMBER: &[Who] = &[Who::Member];
    let pages: [(String, &str, &[Who]); 15] = [
        ("/en/admin/categories".into(), "name=\"names\"", &[Who::Admin]),
        ("/en/admin/cities".into(), "name=\"time_zone\"", &[Who::Admin]),
        // Interest requests (personal data): the organisation's members only.
        ("/en/dashboard".into(), "Interest Person", MEMBER),
        (
            "/en/moderation".into(),
            "queue-filters",
            &[Who::OtherCityModerator, Who::Moderator, Who::Admin],
        ),
        ("/en/admin/outbox".into(), "class=\"messages\"", &[Who::Admin]),
        (format!("/en/moderation/audit?kind=place&id={place}"), "audit-log", CITY_MODERATORS),
        (format!("/en/moderation/audit?kind=organisation&id={org}"), "audit-log", CITY_MODERATORS),
        (
            format!("/en/moderation/places/edit?place={place}"),
            "name=\"opening_hours\"",
            CITY_MODERATORS,
        ),
        (format!("/en/moderation/events/edit?event={event}"), "name=\"repeat\"", CITY_MODERATORS),
        (
            format!("/en/moderation/opportunities/edit?opportunity={opportunity}"),
            "name=\"schedule_kind\"",
            CITY_MODERATORS,
        ),
        (format!("/en/moderation/audit?kind=event&id={event}"), "audit-log", CITY_MODERATORS),
        (format!("/en/dashboard/events/new?event={event}"), "name=\"repeat\"", MEMBER),
        (
            format!("/en/dashboard/opportunities/new?opportunity={opportunity}"),
            "name=\"schedule_kind\"",
            MEMBER,
        ),
        (format!("/en/dashboard/places/new?place={place}"), "name=\"opening_hours\"", MEMBER),
        (format!("/en/dashboard/group?organisation={group}"), "name=\"channel_value_0\"", MEMBER),
    ];
    for (path, marker, allowed) in pages.iter() {
        for who in EVERYONE {
            let before = fingerprint(db).await;
            let (status, html) = get_page(base, fx.cookie(who), path).await;
            assert_eq!(before, fingerprint(db).await, "GET {path} changed data");
            if allowed.contains(&who) {
                assert_eq!(status, StatusCode::OK, "{path} as {who:?}");
                assert!(html.contains(marker), "{path} as {who:?} lacks `{marker}`");
            } else {
                // Refused means refused: 403 (or, signed out, the way to
                // sign in), never an error page or an empty 200. The
                // dashboard is everyone's own: signed in, it is theirs.
                let expected = if who == Who::Anonymous {
                    status == StatusCode::FORBIDDEN || status.is_redirection()
                } else if path == "/en/dashboard" {
                    status == StatusCode::OK
                } else {
                    status == StatusCode::FORBIDDEN
                };
                assert!(expected, "{path} as {who:?}: {status}");
                assert!(!html.contains(marker), "{path} as {who:?} shows `{marker}`");
            }
        }
    }
}

on_both_backends!(role_matrix);
