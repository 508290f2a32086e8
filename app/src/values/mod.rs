//! Small typed values shared by every layer (the data layer included): they
//! are parsed once where text enters, and stored in one representation.
mod audit;
mod category;
mod city;
mod city_slug;
mod flag;
mod kind;
mod languages;
mod organisation;
mod status;
mod text_enum;
mod texts;
#[cfg(feature = "ssr")]
mod time;

pub use audit::{changes as audit_changes, AuditAction, AuditEntry};
pub use category::{name_in, Category};
pub use city::City;
pub use city_slug::CitySlug;
pub use flag::Flag;
pub use kind::ListingKind;
pub use languages::{LangCode, Languages, LISTING_LANGUAGES};
pub use organisation::Organisation;
pub use status::{OrganisationStatus, Publication, ReviewState};
#[cfg(feature = "ssr")]
pub use texts::ListingText;
pub use texts::{translations_from_json, translations_to_json, Translations};
#[cfg(feature = "ssr")]
pub use time::{Day, Timestamp};
