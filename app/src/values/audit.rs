//! What an audit entry records (`audit_log.action`): every action the app
//! writes has a name here, so each is shown in words on the history page.
use super::{OrganisationStatus, ReviewState};
use serde::{Deserialize, Serialize};

/// One entry of the audit log, with what it is about resolved: the city,
/// and the listing, story or organisation it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    /// The actor's account; None for the system.
    pub actor_email: Option<String>,
    pub actor: Option<String>,
    pub subject_kind: String,
    pub subject_id: i64,
    pub action: AuditAction,
    pub details: String,
    pub reason: Option<String>,
    /// None for what belongs to no city (accounts, new cities).
    pub city: Option<String>,
    /// What the entry is about: a proposal's listing, a story draft's
    /// story, else the subject itself (`place`, `organisation`, …).
    pub target_kind: Option<String>,
    pub target_id: Option<i64>,
    pub target_name: Option<String>,
}

/// One changed field as an entry records it: (field, old, new). Entries
/// keep them as a JSON list; older ones wrote a line "field: old → new"
/// each, which reads the same.
pub fn changes(details: &str) -> Option<Vec<(String, String, String)>> {
    if let Ok(list) = serde_json::from_str::<Vec<(String, String, String)>>(details) {
        return Some(list);
    }
    details
        .lines()
        .map(|line| {
            let (field, rest) = line.split_once(": ")?;
            let (old, new) = rest.split_once(" → ")?;
            let plain =
                !field.is_empty() && field.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            plain.then(|| (field.to_string(), old.to_string(), new.to_string()))
        })
        .collect::<Option<Vec<_>>>()
        .filter(|list| !list.is_empty())
}

crate::text_enum! {
    pub enum AuditAction {
        /// A change, story draft or group profile sent for review.
        Submitted = "submitted",
        Accepted = "accepted",
        /// Some fields of a change accepted, the others sent back.
        PartlyAccepted = "partly_accepted",
        Rejected = "rejected",
        ChangesRequested = "changes_requested",
        /// A moderator's direct edit of a listing.
        Edited = "edited",
        /// A listing a moderator added directly.
        Created = "created",
        /// A listing a moderator gave to an organisation.
        Assigned = "assigned",
        /// A story published from a reviewed draft.
        Published = "published",
        Unpublished = "unpublished",
        /// An event's whole series called off, or back on.
        Cancelled = "cancelled",
        Restored = "restored",
        DateCancelled = "date_cancelled",
        DateRestored = "date_restored",
        /// Still correct, said by its organisation or the city.
        Confirmed = "confirmed",
        Registered = "registered",
        Verified = "verified",
        Suspended = "suspended",
        /// An organisation set back to unverified.
        Unverified = "unverified",
        MemberAdded = "member_added",
        MemberRemoved = "member_removed",
        ProfileProposed = "profile_proposed",
        ProfileApproved = "profile_approved",
        ProfileRejected = "profile_rejected",
        ProfileConfirmed = "profile_confirmed",
        /// A visitor's problem report marked handled.
        Handled = "handled",
        /// A city or category added by an admin.
        Added = "added",
        /// A person's role or moderated city set by an admin.
        Role = "role",
        AdminCreated = "admin_created",
        EmailVerified = "email_verified",
        PasswordReset = "password_reset",
    }
}

impl From<ReviewState> for AuditAction {
    fn from(state: ReviewState) -> Self {
        match state {
            ReviewState::Pending | ReviewState::Superseded => AuditAction::Submitted,
            ReviewState::Accepted => AuditAction::Accepted,
            ReviewState::ChangesRequested => AuditAction::ChangesRequested,
            ReviewState::Rejected => AuditAction::Rejected,
        }
    }
}

impl From<OrganisationStatus> for AuditAction {
    fn from(status: OrganisationStatus) -> Self {
        match status {
            OrganisationStatus::Unverified => AuditAction::Unverified,
            OrganisationStatus::Verified => AuditAction::Verified,
            OrganisationStatus::Suspended => AuditAction::Suspended,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::changes;

    #[test]
    fn changes_read_from_json_and_from_older_lines() {
        let json = r#"[["opening_hours","Mo 09:00-12:00","Mo 10:00-12:00"]]"#;
        let want =
            vec![("opening_hours".to_string(), "Mo 09:00-12:00".into(), "Mo 10:00-12:00".into())];
        assert_eq!(changes(json), Some(want.clone()));
        assert_eq!(changes("opening_hours: Mo 09:00-12:00 → Mo 10:00-12:00"), Some(want));
        assert_eq!(changes("place 72"), None);
        assert_eq!(changes("Name: Praha: x → y"), None, "a capital is no field key");
        assert_eq!(changes(""), None);
    }
}
