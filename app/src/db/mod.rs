//! The data layer: the only place with SQL. One repository over sqlx's `Any`
//! driver serves SQLite and PostgreSQL with the same (portable) statements;
//! placeholders are `$n`, which both backends accept.

/// `sql!(statement, (a, b))` is the statement with `a` bound to `$1` and `b`
/// to `$2` (`sqlx::query` with a `bind` per value): a statement and its
/// values read as one call. `sql_as!` is the same for `sqlx::query_as`.
macro_rules! sql {
    ($statement:expr, ($($value:expr),* $(,)?)) => {
        sqlx::query($statement)$(.bind($value))*
    };
}

macro_rules! sql_as {
    ($statement:expr, ($($value:expr),* $(,)?)) => {
        sqlx::query_as($statement)$(.bind($value))*
    };
}

mod accounts;
mod audit;
mod categories;
mod cities;
mod decisions;
mod digests;
mod events;
mod freshness;
mod groups;
mod listings;
mod members;
mod moderation;
mod names;
mod needs;
mod outbox;
mod ownership;
mod places;
mod reports;
mod rows;
mod sessions;
mod staff;
mod statistics;
mod stories;
mod story_drafts;
mod texts;
mod volunteering;

use accounts::append_audit;
pub use accounts::{
    AuditRow, NewAudit, NewMessage, NewRegistration, OutboxRow, RegisterError, UserRow,
};
pub use audit::AuditQuery;
pub use digests::{DigestRecipient, Waiting};
pub use events::{schedule_of, CachedEvent, EventRow, EventsSnapshot, NewEvent};
pub use freshness::StaleRow;
pub use groups::{ApprovedProfileRow, ChannelRow, DemoGroup, ProfileData, ProposalRow};
pub use listings::{
    ChangeFilter, ChangeRow, FieldOutcomes, Listing, ListingState, NewChange, PartAccepted, Written,
};
pub use members::{MemberChange, MemberRow, NewInvite};
pub use outbox::PendingMessage;
pub use places::{NewPlace, PlaceFilter, PlaceLabel, PlaceRow};
pub use reports::{ReportRow, Reported};
pub use rows::StoredRow;
pub use staff::{StaffRole, StaffRow};
pub use stories::{NewStory, StoryRow, StorySource, StoryText};
pub use story_drafts::{PublishedStory, StoryDraftRow};
pub use texts::{ListingText, NewTranslation, TextTable};
pub use volunteering::{InterestRow, NewInterest, NewOpportunity, OpportunityRow};

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A transaction of the data layer (writes go through `Db::begin_write`).
pub(crate) type Tx<'c> = sqlx::Transaction<'c, sqlx::Any>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// Per city: its published places as of a `places_version` (see places.rs).
    places_cache: Arc<Mutex<HashMap<String, Arc<places::CitySnapshot>>>>,
    /// Per city: its published events with parsed schedules (see events.rs).
    events_cache: Arc<Mutex<HashMap<String, Arc<events::EventsSnapshot>>>>,
    /// Held while a city's events snapshot is loaded (see events.rs).
    events_loading: Arc<tokio::sync::Mutex<()>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("unsupported database URL `{0}`: use sqlite://PATH or postgres://USER@HOST/DB")]
    Scheme(String),
    #[error("could not create the directory for the SQLite file `{0}`: {1}")]
    Directory(String, std::io::Error),
    #[error("could not connect to the database: {0}")]
    Connect(sqlx::Error),
    #[error("could not apply database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Db {
    pub async fn connect(url: &str) -> Result<Db, ConnectError> {
        install_default_drivers();
        let (backend, url) = if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            let file = path.split('?').next().unwrap_or(path);
            if file != ":memory:" {
                if let Some(dir) = std::path::Path::new(file).parent() {
                    if !dir.as_os_str().is_empty() {
                        std::fs::create_dir_all(dir)
                            .map_err(|e| ConnectError::Directory(file.to_string(), e))?;
                    }
                }
            }
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = if path.contains("mode=") {
                format!("sqlite://{path}")
            } else {
                format!("sqlite://{path}{sep}mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else {
            return Err(ConnectError::Scheme(url.to_string()));
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers proceed while an import writes.
                        sqlx::query("PRAGMA journal_mode = WAL").execute(&mut *conn).await?;
                        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(ConnectError::Connect)?;
        Ok(Db {
            pool,
            backend,
            places_cache: Arc::default(),
            events_cache: Arc::default(),
            events_loading: Arc::default(),
        })
    }

    /// A transaction that writes. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and then
    /// writes fails with "database is locked" straight away, without waiting,
    /// when another connection wrote in between.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    pub async fn migrate(&self) -> Result<(), ConnectError> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("../migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("../migrations/postgres").run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

pub(crate) fn now_stamp() -> crate::values::Timestamp {
    crate::values::Timestamp::from(chrono::Utc::now())
}
