//! Sessions: tower-sessions with a store in the app's own database (so they
//! survive restarts and are shared by every app instance), and the signed-in
//! user behind a session.
use super::model::Role;
use crate::db::Db;
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use tower_sessions::session::{Id, Record};
use tower_sessions::{session_store, Session, SessionStore};

#[derive(Clone, Debug)]
pub struct DbSessionStore(pub Db);

fn backend(e: sqlx::Error) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn encode(record: &Record) -> session_store::Result<String> {
    serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = encode(record)?;
        let expires = record.expiry_date.unix_timestamp();
        // Ids are 128 random bits; a collision only costs a new id.
        while !self
            .0
            .session_create(&record.id.to_string(), &data, expires)
            .await
            .map_err(backend)?
        {
            record.id = Id::default();
        }
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = encode(record)?;
        self.0
            .session_save(&record.id.to_string(), &data, record.expiry_date.unix_timestamp())
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let Some((data, expires)) =
            self.0.session_load(&id.to_string(), now).await.map_err(backend)?
        else {
            return Ok(None);
        };
        let data =
            serde_json::from_str(&data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(expires)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.0.session_delete(&id.to_string()).await.map_err(backend)
    }
}

const USER_KEY: &str = "user";

/// What a session remembers: who, and in which session epoch.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
struct SessionUser {
    id: i64,
    epoch: i64,
}

/// The signed-in user, checked against the database on every request.
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub moderator_city: Option<String>,
    pub email_verified: bool,
    pub locale: String,
}

impl CurrentUser {
    /// Admins moderate everywhere; a moderator in their city (or everywhere
    /// when no city is set); nobody else.
    pub fn can_moderate(&self, city: &str) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Moderator => self.moderator_city.as_deref().is_none_or(|c| c == city),
            Role::Member => false,
        }
    }

    /// The city a moderator is limited to; None for every city (admins,
    /// moderators without a city) and for members.
    pub fn moderated_city(&self) -> Option<&str> {
        match self.role {
            Role::Moderator => self.moderator_city.as_deref(),
            _ => None,
        }
    }
}

fn session_error(e: tower_sessions::session::Error) -> AppError {
    AppError::Internal(format!("session: {e}"))
}

/// The user behind this session, if it is still valid: the user exists and
/// no "log out everywhere" or password change happened since sign-in.
pub async fn current_user(session: &Session, db: &Db) -> Result<Option<CurrentUser>, AppError> {
    let Some(s) = session.get::<SessionUser>(USER_KEY).await.map_err(session_error)? else {
        return Ok(None);
    };
    let Some(u) = db.user_by_id(s.id).await? else {
        return Ok(None);
    };
    if u.session_epoch != s.epoch {
        return Ok(None);
    }
    Ok(Some(CurrentUser {
        id: u.id,
        email: u.email,
        display_name: u.display_name,
        role: Role::parse(&u.role).unwrap_or(Role::Member),
        moderator_city: u.moderator_city,
        email_verified: u.email_verified_at.is_some(),
        locale: u.locale,
    }))
}

/// Starts a signed-in session under a new id (no session fixation).
pub async fn sign_in(session: &Session, user_id: i64, epoch: i64) -> Result<(), AppError> {
    session.cycle_id().await.map_err(session_error)?;
    session.insert(USER_KEY, SessionUser { id: user_id, epoch }).await.map_err(session_error)
}

pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(session_error)
}

/// The signed-in user of the request being rendered, if any.
pub async fn request_user(db: &Db) -> Result<Option<CurrentUser>, AppError> {
    match from_request() {
        Some(s) => current_user(&s, db).await,
        None => Ok(None),
    }
}

/// The session of the request being rendered (pages run on the server only).
pub fn from_request() -> Option<Session> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<Session>().cloned())
}

/// The session layer: cookie `wk_session`, HttpOnly, SameSite=Lax, Secure
/// when the site is served over HTTPS, ending after 14 days without use. A
/// cookie is only set once something is stored (sign-in): anonymous visitors
/// get none.
pub fn layer(db: Db, secure: bool) -> tower_sessions::SessionManagerLayer<DbSessionStore> {
    use tower_sessions::cookie::SameSite;
    use tower_sessions::Expiry;
    tower_sessions::SessionManagerLayer::new(DbSessionStore(db))
        .with_name("wk_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_expiry(Expiry::OnInactivity(time::Duration::days(14)))
}
