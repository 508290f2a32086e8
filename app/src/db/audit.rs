//! Reading the audit log: the whole log for officials, filtered and paged,
//! and the history of one listing, story or organisation through the same
//! query. Each entry comes with what it belongs to (city, listing,
//! organisation), worked out from the rows it names.
use super::Db;
use crate::values::{AuditEntry, Timestamp};

/// Every entry with its actor's account and what it belongs to. A
/// proposal belongs to its listing, a story draft to its story; the city
/// and organisation are those of the subject's row.
const RESOLVED: &str = "SELECT a.id, a.at, u.email AS actor_email, u.display_name AS actor, \
     a.subject_kind, a.subject_id, a.action, a.details, a.reason, \
     CASE a.subject_kind \
       WHEN 'place' THEN (SELECT city FROM places WHERE id = a.subject_id) \
       WHEN 'event' THEN (SELECT city FROM events WHERE id = a.subject_id) \
       WHEN 'opportunity' THEN (SELECT city FROM opportunities WHERE id = a.subject_id) \
       WHEN 'listing_change' THEN (SELECT city FROM listing_changes WHERE id = a.subject_id) \
       WHEN 'organisation' THEN (SELECT city FROM organisations WHERE id = a.subject_id) \
       WHEN 'story' THEN (SELECT city FROM stories WHERE id = a.subject_id) \
       WHEN 'story_draft' THEN (SELECT city FROM story_drafts WHERE id = a.subject_id) \
       WHEN 'report' THEN (SELECT city FROM reports WHERE id = a.subject_id) \
     END AS city, \
     CASE a.subject_kind \
       WHEN 'listing_change' THEN (SELECT kind FROM listing_changes WHERE id = a.subject_id) \
       WHEN 'story_draft' THEN 'story' \
       WHEN 'report' THEN NULL \
       ELSE a.subject_kind \
     END AS target_kind, \
     CASE a.subject_kind \
       WHEN 'listing_change' THEN (SELECT listing_id FROM listing_changes WHERE id = a.subject_id) \
       WHEN 'story_draft' THEN (SELECT story_id FROM story_drafts WHERE id = a.subject_id) \
       WHEN 'report' THEN NULL \
       ELSE a.subject_id \
     END AS target_id, \
     CASE a.subject_kind \
       WHEN 'organisation' THEN a.subject_id \
       WHEN 'listing_change' THEN (SELECT organisation_id FROM listing_changes WHERE id = a.subject_id) \
       WHEN 'place' THEN (SELECT organisation_id FROM places WHERE id = a.subject_id) \
       WHEN 'event' THEN (SELECT organisation_id FROM events WHERE id = a.subject_id) \
       WHEN 'opportunity' THEN (SELECT organisation_id FROM opportunities WHERE id = a.subject_id) \
     END AS organisation_id \
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id";

/// The name of what an entry belongs to, from the resolved row `e`.
const TARGET_NAME: &str = "COALESCE(\
     (SELECT name FROM places WHERE e.target_kind = 'place' AND id = e.target_id), \
     (SELECT title FROM events WHERE e.target_kind = 'event' AND id = e.target_id), \
     (SELECT title FROM opportunities WHERE e.target_kind = 'opportunity' AND id = e.target_id), \
     (SELECT name FROM organisations WHERE e.target_kind = 'organisation' AND id = e.target_id), \
     (SELECT slug FROM stories WHERE e.target_kind = 'story' AND id = e.target_id))";

/// Which entries to read; empty fields do not filter.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    /// Only this city's entries (a moderator of one city sees no others,
    /// nor entries of no city).
    pub city: Option<String>,
    pub organisation: Option<i64>,
    /// What the entries belong to: (`place`, `story`, … , id).
    pub target: Option<(String, i64)>,
    /// Part of the e-mail or name of the actor, or of the account the
    /// entry is about; any case.
    pub person: Option<String>,
    pub action: Option<String>,
    pub from: Option<Timestamp>,
    /// Before this time.
    pub until: Option<Timestamp>,
    pub limit: i64,
    pub offset: i64,
}

impl Db {
    /// The entries `q` asks for, newest first.
    pub async fn audit_log(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let sql = format!(
            "SELECT e.id, e.at, e.actor_email, e.actor, e.subject_kind, e.subject_id, e.action, \
             e.details, e.reason, e.city, e.target_kind, e.target_id, {TARGET_NAME} AS target_name \
             FROM ({RESOLVED}) e \
             WHERE ($1 = '' OR e.city = $1) AND ($2 = 0 OR e.organisation_id = $2) \
             AND ($3 = '' OR (e.target_kind = $3 AND e.target_id = $4)) \
             AND ($5 = '' OR LOWER(e.actor_email) LIKE $5 OR LOWER(e.actor) LIKE $5 \
                  OR (e.subject_kind = 'user' AND e.subject_id IN (SELECT id FROM users \
                      WHERE LOWER(email) LIKE $5 OR LOWER(display_name) LIKE $5))) \
             AND ($6 = '' OR e.action = $6) AND ($7 = '' OR e.at >= $7) \
             AND ($8 = '' OR e.at < $8) \
             ORDER BY e.id DESC LIMIT $9 OFFSET $10"
        );
        let (kind, id) = q.target.clone().unwrap_or_default();
        let person = q.person.as_ref().map_or(String::new(), |p| format!("%{}%", p.to_lowercase()));
        let time = |t: Option<Timestamp>| t.map_or(String::new(), |t| t.to_string());
        sql_as!(
            &sql,
            (
                q.city.clone().unwrap_or_default(),
                q.organisation.unwrap_or(0),
                kind,
                id,
                person,
                q.action.clone().unwrap_or_default(),
                time(q.from),
                time(q.until),
                q.limit,
                q.offset
            )
        )
        .fetch_all(&self.pool)
        .await
    }

    /// A listing's history (`kind`: place, event, opportunity), newest
    /// first, with the reviews of the changes proposed for it.
    pub async fn listing_history(
        &self,
        kind: &str,
        id: i64,
    ) -> Result<Vec<AuditEntry>, sqlx::Error> {
        self.audit_log(&AuditQuery::history(kind, id)).await
    }

    /// A story's history, newest first: its publications and the review
    /// of every draft written for it.
    pub async fn story_history(&self, story: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
        self.audit_log(&AuditQuery::history("story", story)).await
    }
}

impl AuditQuery {
    /// Everything that belongs to one listing, story or organisation.
    pub fn history(kind: &str, id: i64) -> AuditQuery {
        AuditQuery { target: Some((kind.to_string(), id)), limit: i64::MAX, ..Default::default() }
    }
}
