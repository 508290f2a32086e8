//! The listing core: what every kind of public listing (place, event,
//! volunteering opportunity) goes through, written once. An organisation
//! proposes, a moderator reviews (accept, send back, reject with a
//! message), edits directly or takes the listing down with a reason; each
//! step is audited and the organisation told. The kinds differ only in what
//! they implement of [`Listing`]; nothing here names a kind but
//! [`ListingKind`]; the `kinds` module above turns a
//! stored kind into its type.
pub mod draft;

pub use crate::values::ListingKind;

#[cfg(feature = "ssr")]
mod core;
#[cfg(feature = "ssr")]
pub mod edit;
#[cfg(feature = "ssr")]
pub mod fields;
#[cfg(feature = "ssr")]
pub mod form;
#[cfg(feature = "ssr")]
pub mod freshness;
#[cfg(feature = "ssr")]
pub mod propose;
#[cfg(feature = "ssr")]
pub mod review;

#[cfg(feature = "ssr")]
pub(crate) use core::place_name;
#[cfg(feature = "ssr")]
#[cfg(feature = "ssr")]
pub use core::unpublish;
#[cfg(feature = "ssr")]
pub use core::{Listing, Publish, RowFacts};
