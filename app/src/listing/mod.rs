//! The listing core: what every kind of public listing (place, event,
//! volunteering opportunity) goes through, written once. An organisation
//! proposes, a moderator reviews (accept, send back, reject with a
//! message), edits directly or takes the listing down with a reason; each
//! step is audited and the organisation told. The kinds differ only in what
//! they implement of [`Listing`]; nothing here names a kind except
//! [`ListingKind`] and the one dispatch macro.
pub mod draft;
mod kind;
pub mod server;

pub use kind::ListingKind;

#[cfg(feature = "ssr")]
mod core;
#[cfg(feature = "ssr")]
pub mod edit;
#[cfg(feature = "ssr")]
pub mod form;
#[cfg(feature = "ssr")]
pub mod propose;
#[cfg(feature = "ssr")]
pub mod review;

#[cfg(feature = "ssr")]
pub(crate) use core::place_name;
#[cfg(feature = "ssr")]
pub use core::{Listing, Publish, RowFacts};

/// Runs `$body` with `$D` naming the draft type of `$kind` (a
/// [`ListingKind`]): the single place where a kind becomes a type.
#[cfg(feature = "ssr")]
#[macro_export]
macro_rules! with_listing_kind {
    ($kind:expr, |$D:ident| $body:expr) => {
        match $kind {
            $crate::listing::ListingKind::Place => {
                type $D = $crate::places::draft::PlaceDraft;
                $body
            }
            $crate::listing::ListingKind::Event => {
                type $D = $crate::events::draft::EventDraft;
                $body
            }
            $crate::listing::ListingKind::Opportunity => {
                type $D = $crate::volunteering::draft::OpportunityDraft;
                $body
            }
        }
    };
}
