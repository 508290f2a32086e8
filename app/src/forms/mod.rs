//! What every form shares: why a field or a whole form was refused (each
//! maps to a translated message), and the plain text fields most forms have.
mod feedback;

pub use feedback::{use_feedback, FormFeedback};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest single-line text a form takes.
pub const TEXT_MAX_CHARS: usize = 200;

/// Why a field was refused; each maps to a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    Required,
    TooLong,
    InvalidEmail,
    PasswordTooShort,
    PasswordsDiffer,
    InvalidWebsite,
    InvalidRegistrationNo,
    UnknownCity,
    EmailTaken,
    UnknownChoice,
    InvalidOpeningHours,
    InvalidCoordinates,
    InvalidPhone,
    AlreadyMember,
    InvalidContact,
    ConsentRequired,
    InvalidDate,
    InvalidTime,
    EndBeforeStart,
    InvalidRecurrence,
    InvalidNumber,
    /// An event needs a place, an address or an online link.
    WhereRequired,
    /// Not an https link (community groups' channels).
    InvalidLink,
    /// An https link, but not on the service chosen for the channel.
    LinkNotOnService,
    /// No language ticked.
    ChooseLanguage,
    /// A city's address name (slug) that is not lowercase letters, digits
    /// and hyphens, or is a page's name.
    InvalidSlug,
    /// A city with that address name exists.
    SlugTaken,
    /// A city's centre outside -90..90 / -180..180 or not numbers.
    InvalidCentre,
    InvalidTimeZone,
    InvalidCountry,
    InvalidLanguageCode,
    /// A "language=name" line that is not one.
    InvalidCityNames,
    /// Map bounds that are not four numbers around the centre.
    InvalidBounds,
    /// A community group without a registration number gave no link to
    /// its public page or channel.
    PublicLinkRequired,
    /// A category key that is not lowercase letters and underscores.
    InvalidCategoryKey,
    /// Names without the English one, which stands in for the others.
    EnglishNameRequired,
    /// A story without a single source.
    SourceRequired,
    /// Free-text hours naming times the structured hours do not have.
    HoursTextDisagrees,
}

/// A refusal of a whole form, shown above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormError {
    /// Same text for an unknown e-mail and a wrong password.
    SignInFailed,
    /// A story's author publishing it: someone else reviews it.
    OwnStory,
    EmailNotVerified,
    /// A listing of an organisation no moderator has verified yet.
    OrganisationNotVerified,
    /// The change was already decided (or withdrawn) meanwhile.
    AlreadyDecided,
    /// Expired, used or unknown link.
    LinkInvalid,
    TooManyAttempts,
    /// An organisation keeps at least one member.
    LastMember,
    /// A proposed change of a listing that changes none of its fields.
    NothingChanged,
    /// Field-by-field decisions on a proposal for a new listing.
    WholeNewListing,
}

/// Field name → problem, for re-showing a form with its messages.
pub type FieldErrors = BTreeMap<&'static str, FieldError>;

/// A required single-line text, trimmed.
pub fn required_text(s: &str) -> Result<String, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        Err(FieldError::Required)
    } else if s.chars().count() > TEXT_MAX_CHARS {
        Err(FieldError::TooLong)
    } else {
        Ok(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// An optional web address; `example.org` becomes `https://example.org`.
pub fn optional_website(s: &str) -> Result<Option<String>, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let url = if s.starts_with("http://") || s.starts_with("https://") {
        s.to_string()
    } else {
        format!("https://{s}")
    };
    let host = url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""))
        .unwrap_or("");
    let ok = host.contains('.')
        && url.chars().count() <= TEXT_MAX_CHARS
        && !url.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>');
    ok.then_some(Some(url)).ok_or(FieldError::InvalidWebsite)
}
