//! Every kind of listing together, above the kinds' own modules: the one
//! place where a stored kind becomes its type, and what spans all kinds (an
//! organisation's listings).
pub mod server;

#[cfg(feature = "ssr")]
mod dispatch;
#[cfg(feature = "ssr")]
pub mod freshness;
#[cfg(feature = "ssr")]
pub use dispatch::{review, summarise};

/// Runs `$body` with `$D` naming the draft type of `$kind` (a
/// [`ListingKind`](crate::listing::ListingKind)): the single place where a kind becomes a type.
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
