//! Registration, e-mail verification, sign-in and password reset. Every
//! function takes the clock as an argument so tests can fix it.
use super::model::*;
use super::{password, tokens};
use crate::db::{Db, NewMessage, NewRegistration, RegisterError, UserRow};
use crate::error::AppError;
use crate::http::form_post::{FormRefusal, FormValues};
use crate::i18n::{td_string, Locale};
use crate::values::Timestamp;
use chrono::{DateTime, Duration, Utc};
use leptos_i18n::Locale as _;

/// How long an e-mail verification link works.
pub const VERIFY_LINK_HOURS: i64 = 72;
/// How long a password-reset link works.
pub const RESET_LINK_HOURS: i64 = 2;

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(e.to_string())
}

fn field<'a>(v: &'a FormValues, k: &str) -> &'a str {
    v.get(k).map(String::as_str).unwrap_or("")
}

/// A registration that passed every check.
pub struct ValidRegistration {
    pub email: Email,
    pub password: Password,
    pub display_name: String,
    pub org_name: String,
    pub legal_form: String,
    pub registration_no: String,
    pub website: Option<String>,
    pub city: crate::values::CitySlug,
    /// ngo | community_group
    pub kind: String,
}

fn take<T>(errors: &mut FieldErrors, name: &'static str, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errors.insert(name, e)).ok()
}

/// Checks every field at once, so the form shows all problems together;
/// `cities` are the slugs of the cities the app serves.
pub fn validate_registration(
    v: &FormValues,
    cities: &[String],
) -> Result<ValidRegistration, FieldErrors> {
    let mut errors = FieldErrors::new();
    let e = &mut errors;
    let email = take(e, "email", Email::parse(field(v, "email")));
    let password = take(e, "password", Password::parse(field(v, "password")));
    let display_name = take(e, "display_name", required_text(field(v, "display_name")));
    let org_name = take(e, "org_name", required_text(field(v, "org_name")));
    // An informal community group (no registration number, no legal form)
    // shows who it is with a link to its public page or channel instead.
    let informal = field(v, "kind") == super::model::KIND_COMMUNITY_GROUP
        && field(v, "registration_no").trim().is_empty();
    let legal_form = if informal {
        Some(field(v, "legal_form").trim().to_string())
    } else {
        take(e, "legal_form", required_text(field(v, "legal_form")))
    };
    let registration_no = if informal {
        Some(String::new())
    } else {
        take(e, "registration_no", registration_no(field(v, "registration_no")))
    };
    let website = take(
        e,
        "website",
        optional_website(field(v, "website")).and_then(|w| match w {
            None if informal => Err(FieldError::PublicLinkRequired),
            w => Ok(w),
        }),
    );
    let city = take(
        e,
        "city",
        Some(field(v, "city"))
            .filter(|c| cities.iter().any(|k| k == c))
            .and_then(crate::values::CitySlug::parse)
            .ok_or(FieldError::UnknownCity),
    );
    // Not sent (older forms, scripts): an NGO, as before groups existed.
    let kind = take(
        e,
        "kind",
        match field(v, "kind") {
            "" => Ok(super::model::KIND_NGO.to_string()),
            k if k == super::model::KIND_NGO || k == super::model::KIND_COMMUNITY_GROUP => {
                Ok(k.to_string())
            }
            _ => Err(FieldError::UnknownChoice),
        },
    );
    if password.is_some() && field(v, "password") != field(v, "password_confirm") {
        errors.insert("password_confirm", FieldError::PasswordsDiffer);
    }
    // Every field was read (and its error noted) before any is required.
    let valid = || {
        Some(ValidRegistration {
            email: email?,
            password: password?,
            display_name: display_name?,
            org_name: org_name?,
            legal_form: legal_form?,
            registration_no: registration_no?,
            website: website?,
            city: city?,
            kind: kind?,
        })
    };
    match valid() {
        Some(registration) if errors.is_empty() => Ok(registration),
        _ => Err(errors),
    }
}

/// Registers an NGO member and their (unverified) organisation and queues
/// the verification message in the member's language.
pub async fn register(
    db: &Db,
    values: &FormValues,
    locale: Locale,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let cities: Vec<String> =
        db.cities().await.map_err(internal)?.into_iter().map(|c| c.slug.into()).collect();
    let r = validate_registration(values, &cities).map_err(FormRefusal::Fields)?;
    let hash = password::hash(r.password.expose()).map_err(internal)?;
    let (token, token_hash) = tokens::new_token();
    let link = format!("{base_url}/{}/account/verify?token={token}", locale.as_str());
    let message = NewMessage {
        recipient: r.email.as_str().to_string(),
        subject: td_string!(locale, mail_verify_subject).to_string(),
        body: td_string!(
            locale,
            mail_verify_body,
            name = r.display_name.clone(),
            link = link.clone()
        )
        .to_string(),
    };
    let new = NewRegistration {
        email: r.email.as_str().to_string(),
        password_hash: hash,
        display_name: r.display_name,
        locale: locale.as_str().to_string(),
        org_name: r.org_name,
        legal_form: r.legal_form,
        registration_no: r.registration_no,
        website: r.website,
        city: r.city,
        kind: r.kind,
    };
    let expires = Timestamp::from(now + Duration::hours(VERIFY_LINK_HOURS));
    match db.register(&new, &token_hash, expires, &message, Timestamp::from(now)).await {
        Ok((user_id, _)) => Ok(user_id),
        Err(RegisterError::EmailTaken) => {
            Err(FormRefusal::Fields(FieldErrors::from([("email", FieldError::EmailTaken)])))
        }
        Err(RegisterError::Db(e)) => Err(e.into()),
    }
}

pub async fn verify_email(db: &Db, token: &str, now: DateTime<Utc>) -> Result<i64, FormRefusal> {
    db.verify_email(&tokens::hash(token.trim()), Timestamp::from(now))
        .await?
        .ok_or(FormRefusal::Form(FormError::LinkInvalid))
}

/// Checks e-mail and password. The refusal is the same whether the e-mail is
/// unknown or the password wrong, and takes as long.
pub async fn sign_in(db: &Db, values: &FormValues) -> Result<UserRow, FormRefusal> {
    let email =
        Email::parse(field(values, "email")).map(|e| e.as_str().to_string()).unwrap_or_default();
    let pw = field(values, "password");
    let user = db.user_by_email(&email).await?;
    let Some(user) = user else {
        password::verify_dummy(pw);
        return Err(FormRefusal::Form(FormError::SignInFailed));
    };
    if !password::verify(pw, &user.password_hash) {
        return Err(FormRefusal::Form(FormError::SignInFailed));
    }
    if user.email_verified_at.is_none() {
        return Err(FormRefusal::Form(FormError::EmailNotVerified));
    }
    Ok(user)
}

/// Sends a reset link if the e-mail belongs to someone; says nothing either way.
pub async fn request_reset(
    db: &Db,
    values: &FormValues,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let email = Email::parse(field(values, "email"))
        .map_err(|e| FormRefusal::Fields(FieldErrors::from([("email", e)])))?;
    let Some(user) = db.user_by_email(email.as_str()).await? else {
        return Ok(());
    };
    let locale = crate::locale::parse(&user.locale).unwrap_or_default();
    let (token, token_hash) = tokens::new_token();
    let link = format!("{base_url}/{}/account/reset/confirm?token={token}", locale.as_str());
    let message = NewMessage {
        recipient: user.email.clone(),
        subject: td_string!(locale, mail_reset_subject).to_string(),
        body: td_string!(
            locale,
            mail_reset_body,
            name = user.display_name.clone(),
            link = link.clone()
        )
        .to_string(),
    };
    let expires = Timestamp::from(now + Duration::hours(RESET_LINK_HOURS));
    db.start_password_reset(user.id, &token_hash, expires, &message, Timestamp::from(now)).await?;
    Ok(())
}

pub async fn finish_reset(
    db: &Db,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let pw = Password::parse(field(values, "password"))
        .map_err(|e| FormRefusal::Fields(FieldErrors::from([("password", e)])))?;
    if field(values, "password") != field(values, "password_confirm") {
        return Err(FormRefusal::Fields(FieldErrors::from([(
            "password_confirm",
            FieldError::PasswordsDiffer,
        )])));
    }
    let hash = password::hash(pw.expose()).map_err(internal)?;
    db.finish_password_reset(
        &tokens::hash(field(values, "token").trim()),
        &hash,
        Timestamp::from(now),
    )
    .await?
    .ok_or(FormRefusal::Form(FormError::LinkInvalid))
}

/// `welcome-kit create-admin`: creates the admin or promotes an existing user.
pub async fn create_admin(
    db: &Db,
    email: &str,
    pw: &str,
    now: DateTime<Utc>,
) -> Result<i64, String> {
    let email = Email::parse(email).map_err(|_| format!("`{email}` is not an e-mail address"))?;
    let pw = Password::parse(pw)
        .map_err(|_| format!("the password needs at least {PASSWORD_MIN_CHARS} characters"))?;
    let hash = password::hash(pw.expose()).map_err(|e| e.to_string())?;
    db.upsert_admin(email.as_str(), &hash, Timestamp::from(now)).await.map_err(|e| e.to_string())
}
