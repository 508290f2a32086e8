//! Reading the audit log: the history of one listing or one organisation,
//! including the review of every change proposed for it.
use super::Db;
use crate::values::AuditEntry;

const ENTRY: &str = "SELECT a.at, u.display_name AS actor, a.subject_kind, a.action, a.details, \
     a.reason FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id";

impl Db {
    /// A listing's history (`kind`: place, event, opportunity), newest
    /// first, with the reviews of the changes proposed for it.
    pub async fn listing_history(
        &self,
        kind: &str,
        id: i64,
    ) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let sql = format!(
            "{ENTRY} WHERE (a.subject_kind = $1 AND a.subject_id = $2) \
             OR (a.subject_kind = 'listing_change' AND a.subject_id IN \
                 (SELECT id FROM listing_changes WHERE kind = $1 AND listing_id = $2)) \
             ORDER BY a.id DESC"
        );
        sql_as!(&sql, (kind, id)).fetch_all(&self.pool).await
    }

    /// A story's history, newest first: its publications and the review
    /// of every draft written for it.
    pub async fn story_history(&self, story: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let sql = format!(
            "{ENTRY} WHERE (a.subject_kind = 'story' AND a.subject_id = $1) \
             OR (a.subject_kind = 'story_draft' AND a.subject_id IN \
                 (SELECT id FROM story_drafts WHERE story_id = $1)) \
             ORDER BY a.id DESC"
        );
        sql_as!(&sql, (story)).fetch_all(&self.pool).await
    }

    /// An organisation's history, newest first: its own entries and those
    /// of every change it proposed.
    pub async fn organisation_history(&self, org: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let sql = format!(
            "{ENTRY} WHERE (a.subject_kind = 'organisation' AND a.subject_id = $1) \
             OR (a.subject_kind = 'listing_change' AND a.subject_id IN \
                 (SELECT id FROM listing_changes WHERE organisation_id = $1)) \
             ORDER BY a.id DESC"
        );
        sql_as!(&sql, (org)).fetch_all(&self.pool).await
    }
}
