//! The states things pass through, as stored in the `status` and `state`
//! columns.
use crate::text_enum;

text_enum! {
    /// Whether the public sees a listing or story (`status` of places,
    /// events, opportunities and stories). New rows start as drafts: nothing
    /// is public by default.
    #[derive(Default)]
    pub enum Publication {
        #[default]
        Draft = "draft",
        Published = "published",
        /// Taken down by a moderator or closed for good; kept for history.
        Unpublished = "unpublished",
        /// An event called off as a whole (still listed, marked).
        Cancelled = "cancelled",
    }
}

text_enum! {
    /// Where a proposal stands (`state` of listing changes, group profile
    /// proposals and story drafts).
    pub enum ReviewState {
        Pending = "pending",
        /// Accepted and applied: the listing, profile or story is public.
        Accepted = "accepted",
        /// Sent back to the organisation with what to change.
        ChangesRequested = "changes_requested",
        /// Refused (a story draft: sent back), with the reviewer's message.
        Rejected = "rejected",
        /// A newer proposal of the same author replaced it before review.
        Superseded = "superseded",
    }
}

text_enum! {
    /// Whether an organisation's listings and profile may be public
    /// (`status` of organisations): a moderator verifies a new one, and may
    /// suspend it with a reason.
    #[derive(Default)]
    pub enum OrganisationStatus {
        #[default]
        Unverified = "unverified",
        Verified = "verified",
        Suspended = "suspended",
    }
}

#[cfg(test)]
mod tests {
    use super::{OrganisationStatus, Publication, ReviewState};

    #[test]
    fn names_round_trip_and_anything_else_is_refused() {
        for s in Publication::ALL {
            assert_eq!(Publication::parse(s.as_str()), Some(*s));
        }
        for s in ReviewState::ALL {
            assert_eq!(ReviewState::parse(s.as_str()), Some(*s));
        }
        for s in OrganisationStatus::ALL {
            assert_eq!(OrganisationStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Publication::parse("Published"), None);
        assert_eq!(ReviewState::parse(""), None);
        assert_eq!(
            serde_json::to_string(&ReviewState::Rejected).ok().as_deref(),
            Some("\"rejected\"")
        );
        assert!(serde_json::from_str::<Publication>("\"gone\"").is_err());
    }
}
