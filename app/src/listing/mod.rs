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

server_only! {
    pub mod assign; mod core; pub mod edit; pub mod history; pub mod fields; pub mod form; pub mod freshness; pub mod propose;
    pub mod review;
}

#[cfg(feature = "ssr")]
pub(crate) use self::core::place_name;
#[cfg(feature = "ssr")]
pub use self::core::unpublish;
#[cfg(feature = "ssr")]
pub use self::core::{Listing, Publish, RowFacts};
