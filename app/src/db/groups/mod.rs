//! Community groups' profiles: proposals and their review, the approved
//! profiles the public page reads, and the demo groups. A proposal becomes
//! public only through `approve_group_proposal`, which writes the approved
//! columns and channel rows, the audit entry and the members' messages in
//! one transaction.
use super::accounts::{append_audit, queue_message, NewAudit, NewMessage};
use super::decisions::{decide, Reviewed};
use super::Db;
use super::Tx;
use crate::values::AuditAction;
use crate::values::CitySlug;
use crate::values::Languages;
use crate::values::ReviewState;
use crate::values::{Day, Timestamp};

mod freshness;

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ProposalRow {
    pub id: i64,
    pub organisation_id: i64,
    pub submitted_by: i64,
    /// The proposed profile as JSON (see groups::model::GroupProfile).
    pub data: String,
    pub state: crate::values::ReviewState,
    pub message: Option<String>,
    pub created_at: Timestamp,
    pub decided_at: Option<Timestamp>,
}

const PROPOSAL_COLUMNS: &str =
    "p.id, p.organisation_id, p.submitted_by, p.data, p.state, p.message, p.created_at, p.decided_at";

/// An organisation's approved profile (what the public may see once the
/// organisation is verified).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ApprovedProfileRow {
    pub id: i64,
    pub name: String,
    pub city: crate::values::CitySlug,
    pub languages: Languages,
    pub description: Option<String>,
    pub description_lang: Option<String>,
    /// JSON: language → the description in it.
    pub translations: String,
    /// One URL per line.
    pub sources: String,
    pub approved_at: Option<Timestamp>,
    /// YYYY-MM-DD: confirmed, else approved.
    pub last_verified: Option<Day>,
}

impl ApprovedProfileRow {
    pub fn language_list(&self) -> Vec<String> {
        self.languages.codes()
    }

    pub fn source_list(&self) -> Vec<String> {
        self.sources.lines().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
    }
}

const PROFILE_COLUMNS: &str = "id, name, city, profile_languages AS languages, \
     profile_description AS description, profile_description_lang AS description_lang, \
     profile_translations AS translations, profile_sources AS sources, \
     profile_approved_at AS approved_at, \
     COALESCE(profile_verified, substr(profile_approved_at, 1, 10)) AS last_verified";

/// The day a profile was last checked: confirmed, else approved.
const PROFILE_VERIFIED: &str = "COALESCE(profile_verified, substr(profile_approved_at, 1, 10))";

/// What the public page may show: a verified community group with an
/// approved profile.
const PUBLIC: &str =
    "kind = 'community_group' AND status = 'verified' AND profile_approved_at IS NOT NULL";

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ChannelRow {
    pub organisation_id: i64,
    pub kind: String,
    pub value: String,
}

/// A validated profile to store (see groups::profile for the checks).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileData {
    pub languages: Vec<String>,
    pub description: String,
    /// None when the group did not say.
    pub description_lang: Option<String>,
    pub translations: std::collections::BTreeMap<String, String>,
    /// (kind, value), in order.
    pub channels: Vec<(String, String)>,
}

/// A demo community group (verified, with an approved profile).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DemoGroup {
    pub city: CitySlug,
    pub name: String,
    pub profile: ProfileData,
    pub sources: Vec<String>,
}

/// Replaces the approved profile and channels of `org`.
async fn write_profile(
    tx: &mut Tx<'_>,
    org: i64,
    p: &ProfileData,
    now: Timestamp,
    today: Day,
) -> Result<(), sqlx::Error> {
    sql!(
        "UPDATE organisations SET profile_languages = $1, profile_description = $2, \
         profile_approved_at = $3, updated_at = $3, profile_verified = $5, \
         profile_description_lang = $6, profile_translations = $7 WHERE id = $4",
        (
            Languages::from_codes(&p.languages),
            &p.description,
            now,
            org,
            today,
            &p.description_lang,
            crate::values::translations_to_json(&p.translations)
        )
    )
    .execute(&mut **tx)
    .await?;
    sql!("DELETE FROM organisation_channels WHERE organisation_id = $1", (org))
        .execute(&mut **tx)
        .await?;
    for (position, (kind, value)) in p.channels.iter().enumerate() {
        sql!(
            "INSERT INTO organisation_channels (organisation_id, position, kind, value) \
             VALUES ($1, $2, $3, $4)",
            (org, position as i64, kind, value)
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Db {
    /// Stores a proposed profile; an older proposal still pending is
    /// superseded (a moderator can no longer approve it).
    pub async fn submit_group_proposal(
        &self,
        org: i64,
        user: i64,
        data: &str,
        now: Timestamp,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sql!(
            "UPDATE group_profile_proposals SET state = 'superseded', decided_at = $1 \
             WHERE organisation_id = $2 AND state = 'pending'",
            (now, org)
        )
        .execute(&mut *tx)
        .await?;
        let (id,): (i64,) = sql_as!(
            "INSERT INTO group_profile_proposals (organisation_id, submitted_by, data, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
            (org, user, data, now)
        )
        .fetch_one(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(user), "organisation", org, AuditAction::ProfileProposed)
                .details(format!("proposal {id}")),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn group_proposal(&self, id: i64) -> Result<Option<ProposalRow>, sqlx::Error> {
        let sql =
            format!("SELECT {PROPOSAL_COLUMNS} FROM group_profile_proposals p WHERE p.id = $1");
        sql_as!(&sql, (id)).fetch_optional(&self.pool).await
    }

    /// Pending proposals, oldest first, of one city's organisations or all.
    pub async fn pending_group_proposals(
        &self,
        city: Option<&str>,
    ) -> Result<Vec<ProposalRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {PROPOSAL_COLUMNS} FROM group_profile_proposals p \
             JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.state = 'pending' AND ($1 = '' OR o.city = $1) ORDER BY p.id"
        );
        sql_as!(&sql, (city.unwrap_or(""))).fetch_all(&self.pool).await
    }

    /// The organisation's newest proposal, whatever its state.
    pub async fn latest_group_proposal(
        &self,
        org: i64,
    ) -> Result<Option<ProposalRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {PROPOSAL_COLUMNS} FROM group_profile_proposals p \
             WHERE p.organisation_id = $1 ORDER BY p.id DESC LIMIT 1"
        );
        sql_as!(&sql, (org)).fetch_optional(&self.pool).await
    }

    /// The organisation's approved profile (public or not) and channels.
    pub async fn approved_group_profile(
        &self,
        org: i64,
    ) -> Result<Option<(ApprovedProfileRow, Vec<ChannelRow>)>, sqlx::Error> {
        let sql = format!(
            "SELECT {PROFILE_COLUMNS} FROM organisations \
             WHERE id = $1 AND profile_approved_at IS NOT NULL"
        );
        let Some(row) = sqlx::query_as::<_, ApprovedProfileRow>(&sql)
            .bind(org)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let channels = sql_as!(
            "SELECT organisation_id, kind, value FROM organisation_channels \
             WHERE organisation_id = $1 ORDER BY position",
            (org)
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(Some((row, channels)))
    }

    /// Whether group `id` is one the public sees in `city`.
    pub async fn is_public_group(&self, city: &str, id: i64) -> Result<bool, sqlx::Error> {
        let sql = format!("SELECT id FROM organisations WHERE id = $1 AND city = $2 AND {PUBLIC}");
        let row: Option<(i64,)> = sql_as!(&sql, (id, city)).fetch_optional(&self.pool).await?;
        Ok(row.is_some())
    }

    /// The community groups the public sees in `city`, by name, with their
    /// channels in each group's order.
    pub async fn public_groups(
        &self,
        city: &str,
    ) -> Result<(Vec<ApprovedProfileRow>, Vec<ChannelRow>), sqlx::Error> {
        let sql = format!(
            "SELECT {PROFILE_COLUMNS} FROM organisations WHERE city = $1 AND {PUBLIC} ORDER BY name, id"
        );
        let groups = sql_as!(&sql, (city)).fetch_all(&self.pool).await?;
        let sql = format!(
            "SELECT organisation_id, kind, value FROM organisation_channels \
             WHERE organisation_id IN (SELECT id FROM organisations WHERE city = $1 AND {PUBLIC}) \
             ORDER BY organisation_id, position"
        );
        let channels = sql_as!(&sql, (city)).fetch_all(&self.pool).await?;
        Ok((groups, channels))
    }

    /// Approves a pending proposal: the profile becomes the approved one,
    /// with the audit entry (the diff and the moderator's note) and the
    /// members' messages. False if it was no longer pending.
    #[allow(clippy::too_many_arguments)]
    pub async fn approve_group_proposal(
        &self,
        id: i64,
        org: i64,
        profile: &ProfileData,
        diff: &str,
        note: Option<&str>,
        moderator: i64,
        messages: &[NewMessage],
        now: Timestamp,
        today: Day,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if !decide(
            &mut tx,
            Reviewed::GroupProfiles,
            id,
            ReviewState::Accepted,
            note,
            moderator,
            now,
        )
        .await?
        {
            return Ok(false);
        }
        write_profile(&mut tx, org, profile, now, today).await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(moderator), "organisation", org, AuditAction::ProfileApproved)
                .details(diff.to_string())
                .reason(note.map(str::to_string)),
            now,
        )
        .await?;
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Rejects a pending proposal with the moderator's message; the
    /// approved profile stays as it was. False if it was no longer pending.
    pub async fn reject_group_proposal(
        &self,
        id: i64,
        org: i64,
        message: &str,
        moderator: i64,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let rejected = Some(message);
        if !decide(
            &mut tx,
            Reviewed::GroupProfiles,
            id,
            ReviewState::Rejected,
            rejected,
            moderator,
            now,
        )
        .await?
        {
            return Ok(false);
        }
        append_audit(
            &mut tx,
            &NewAudit::of(Some(moderator), "organisation", org, AuditAction::ProfileRejected)
                .details(format!("proposal {id}"))
                .reason(Some(message.to_string())),
            now,
        )
        .await?;
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Loads or refreshes demo community groups (matched by city and name):
    /// verified, with their profile approved as given. They have no members
    /// and no registration number (the sources do not give one).
    pub async fn upsert_demo_groups(&self, groups: &[DemoGroup]) -> Result<usize, sqlx::Error> {
        let now = super::now_stamp();
        let mut tx = self.begin_write().await?;
        for g in groups {
            let existing: Option<(i64,)> = sql_as!(
                "SELECT id FROM organisations WHERE city = $1 AND name = $2 AND kind = 'community_group'",
                (&g.city, &g.name)
            )
            .fetch_optional(&mut *tx)
            .await?;
            let id = match existing {
                Some((id,)) => id,
                None => {
                    let (id,): (i64,) = sql_as!(
                        "INSERT INTO organisations (name, legal_form, registration_no, contact_person, \
                         city, status, kind, created_at, updated_at) \
                         VALUES ($1, '', '', '', $2, 'verified', 'community_group', $3, $3) RETURNING id",
                        (&g.name, &g.city, now)
                    )
                    .fetch_one(&mut *tx)
                    .await?;
                    id
                }
            };
            write_profile(&mut tx, id, &g.profile, now, Day::from(now)).await?;
            sql!(
                "UPDATE organisations SET profile_sources = $1 WHERE id = $2",
                (g.sources.join("\n"), id)
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(groups.len())
    }
}
