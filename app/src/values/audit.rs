//! What an audit entry records (`audit_log.action`): every action the app
//! writes has a name here, so each is shown in words on the history page.
use super::{OrganisationStatus, ReviewState};
use serde::{Deserialize, Serialize};

/// One line of a history page, as the audit log reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub at: String,
    /// The actor's name; None for the system or a deleted account.
    pub actor: Option<String>,
    pub subject_kind: String,
    pub action: AuditAction,
    pub details: String,
    pub reason: Option<String>,
}

crate::text_enum! {
    pub enum AuditAction {
        /// A change, story draft or group profile sent for review.
        Submitted = "submitted",
        Accepted = "accepted",
        Rejected = "rejected",
        ChangesRequested = "changes_requested",
        /// A moderator's direct edit of a listing.
        Edited = "edited",
        /// A listing a moderator added directly.
        Created = "created",
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
