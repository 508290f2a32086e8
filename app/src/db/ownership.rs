//! Who keeps a listing up to date: a moderator gives a listing (one the
//! city imported, or one moving between organisations) to an organisation
//! of its city, recorded and told to its members in one transaction.
use super::accounts::{append_audit, queue_message, NewAudit, NewMessage};
use super::freshness::bump_version;
use super::listings::table_of;
use super::Db;
use crate::values::{AuditAction, ListingKind, Timestamp};

impl Db {
    /// Gives listing `id` of `kind` to organisation `org`; `changes` is the
    /// audit's old → new of the organisation.
    #[allow(clippy::too_many_arguments)]
    pub async fn assign_listing(
        &self,
        kind: ListingKind,
        id: i64,
        org: i64,
        changes: &str,
        actor: i64,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "UPDATE {} SET organisation_id = $1, updated_at = $2 WHERE id = $3 RETURNING city",
            table_of(kind)
        );
        let (city,): (String,) = sql_as!(&sql, (org, now, id)).fetch_one(&mut *tx).await?;
        let audit = NewAudit::of(Some(actor), kind.as_str(), id, AuditAction::Assigned)
            .details(changes.to_string());
        append_audit(&mut tx, &audit, now).await?;
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        bump_version(&mut tx, kind, &city).await?;
        tx.commit().await
    }
}
