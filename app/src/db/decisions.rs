//! Deciding on something that waits for review (a listing change, a
//! group's profile, a story draft): one statement, so of two reviewers only the first decides.
use super::Tx;
use crate::values::Timestamp;

/// The tables of things reviewed this way.
#[derive(Clone, Copy)]
pub(super) enum Reviewed {
    ListingChanges,
    GroupProfiles,
    StoryDrafts,
}

impl Reviewed {
    fn table(self) -> &'static str {
        match self {
            Reviewed::ListingChanges => "listing_changes",
            Reviewed::GroupProfiles => "group_profile_proposals",
            Reviewed::StoryDrafts => "story_drafts",
        }
    }
}

/// Marks pending item `id` decided as `state`, by `reviewer`, with their
/// message; false when it no longer waits (decided first by someone else,
/// or replaced by a newer one).
pub(super) async fn decide(
    tx: &mut Tx<'_>,
    what: Reviewed,
    id: i64,
    state: crate::values::ReviewState,
    message: Option<&str>,
    reviewer: i64,
    now: Timestamp,
) -> Result<bool, sqlx::Error> {
    let sql = format!(
        "UPDATE {} SET state = $1, message = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $5 AND state = 'pending'",
        what.table()
    );
    let done = sqlx::query(&sql)
        // A NULL message: not a cached statement (see events.rs).
        .persistent(false)
        .bind(state)
        .bind(message)
        .bind(reviewer)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
