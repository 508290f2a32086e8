//! "I would like to help": a person sends their name, how to reach them,
//! their languages and a message, with explicit consent, no account. Only
//! the organisation's members read it (dashboard); they are told by message
//! without the personal data. The person can withdraw with a link; every
//! request is deleted after the retention period (default 90 days).
use crate::accounts::model::{required_text, Email, FieldError, FieldErrors};
use crate::accounts::tokens;
use crate::db::{Db, NewInterest, NewMessage};
use crate::http::form_post::{id_field, FormRefusal, FormValues};
use crate::i18n::{td_string, Locale};
use crate::values::Publication;
use crate::values::Timestamp;
use chrono::{DateTime, Duration, Utc};
use leptos_i18n::Locale as _;

pub const DEFAULT_RETENTION_DAYS: i64 = 90;

fn field<'a>(v: &'a FormValues, k: &str) -> &'a str {
    v.get(k).map(|s| s.trim()).unwrap_or("")
}

/// An e-mail address or a phone number.
fn contact(s: &str) -> Result<String, FieldError> {
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.contains('@') {
        return Email::parse(s).map(|e| e.as_str().to_string());
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if s.chars().all(|c| c.is_ascii_digit() || " +()-/".contains(c)) && (6..=20).contains(&digits) {
        Ok(s.to_string())
    } else {
        Err(FieldError::InvalidContact)
    }
}

fn limited(s: &str, max: usize) -> Result<String, FieldError> {
    if s.chars().count() > max {
        Err(FieldError::TooLong)
    } else {
        Ok(s.to_string())
    }
}

/// Stores a request; returns the withdrawal token (shown to the person).
pub async fn send(
    db: &Db,
    values: &FormValues,
    locale: Locale,
    base_url: &str,
    retention_days: i64,
    now: DateTime<Utc>,
) -> Result<String, FormRefusal> {
    let id = id_field(values, "opportunity").ok_or(FormRefusal::Forbidden)?;
    let o = db.row_by_id::<crate::db::OpportunityRow>(id).await?.ok_or(FormRefusal::Forbidden)?;
    let org = o.organisation_id.ok_or(FormRefusal::Forbidden)?;
    let city = db.city(&o.city).await?.ok_or(FormRefusal::Forbidden)?;
    if o.status != Publication::Published || super::service::closed(&o, city.today(now)) {
        return Err(FormRefusal::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let mut take =
        |k: &'static str, r: Result<String, FieldError>| r.map_err(|e| errors.insert(k, e)).ok();
    let name = take("name", required_text(field(values, "name")));
    let contact = take("contact", contact(field(values, "contact")));
    let languages = take("languages", limited(field(values, "languages"), 200));
    let message = take("message", limited(field(values, "message"), 2000));
    let consent = take(
        "consent",
        if field(values, "consent") == "yes" {
            Ok(String::new())
        } else {
            Err(FieldError::ConsentRequired)
        },
    );
    let (Some(name), Some(contact), Some(languages), Some(message), Some(_)) =
        (name, contact, languages, message, consent)
    else {
        return Err(FormRefusal::Fields(errors));
    };
    let (token, hash) = tokens::new_token();
    let withdraw = format!("{base_url}/{}/volunteering/withdraw?token={token}", locale.as_str());
    let mut notes = Vec::new();
    for (email, lang) in db.members_of(org).await? {
        let l = crate::locale::parse(&lang).unwrap_or_default();
        notes.push(NewMessage {
            recipient: email,
            subject: td_string!(l, mail_interest_subject, title = o.title.clone()).to_string(),
            body: td_string!(
                l,
                mail_interest_body,
                title = o.title.clone(),
                link = format!("{base_url}/{}/dashboard#interest", l.as_str()),
                days = retention_days
            )
            .to_string(),
        });
    }
    if contact.contains('@') {
        notes.push(NewMessage {
            recipient: contact.clone(),
            subject: td_string!(locale, mail_interest_sent_subject, title = o.title.clone())
                .to_string(),
            body: td_string!(
                locale,
                mail_interest_sent_body,
                title = o.title.clone(),
                link = withdraw,
                days = retention_days
            )
            .to_string(),
        });
    }
    db.add_interest(
        &NewInterest {
            opportunity_id: o.id,
            name: &name,
            contact: &contact,
            languages: &languages,
            message: &message,
            withdraw_hash: &hash,
            delete_after: Timestamp::from(now + Duration::days(retention_days)),
        },
        &notes,
        Timestamp::from(now),
    )
    .await?;
    Ok(token)
}

/// Deletes the request of the link's token (at once, not marked).
pub async fn withdraw(db: &Db, values: &FormValues) -> Result<(), FormRefusal> {
    let token = field(values, "token");
    if db.withdraw_interest(&tokens::hash(token)).await? {
        Ok(())
    } else {
        Err(FormRefusal::Form(crate::accounts::model::FormError::LinkInvalid))
    }
}

/// Deletes every request past its time; returns how many.
pub async fn purge(db: &Db, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    db.purge_interest(Timestamp::from(now)).await
}
