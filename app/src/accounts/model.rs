//! Account input, parsed once: a value of these types is valid by construction.
use serde::{Deserialize, Serialize};

/// What a signed-in person may do; organisation membership is separate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// NGO staff: acts for the organisations it belongs to.
    Member,
    /// City official: reviews listings and organisations (of one city, or all).
    Moderator,
    /// Manages moderators and categories; may do what moderators do.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "moderator" => Some(Role::Moderator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

pub use crate::forms::{optional_website, required_text, FieldError, FieldErrors, FormError};

/// `organisations.kind`: an NGO (the default) or a community group.
pub const KIND_NGO: &str = "ngo";
pub const KIND_COMMUNITY_GROUP: &str = "community_group";

pub const PASSWORD_MIN_CHARS: usize = 10;
const PASSWORD_MAX_CHARS: usize = 256;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Trimmed and lower-cased; one `@` with a dotted domain after it.
    pub fn parse(s: &str) -> Result<Email, FieldError> {
        let s = s.trim().to_lowercase();
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        if s.chars().count() > 254 {
            return Err(FieldError::TooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(FieldError::InvalidEmail)?;
        let ok = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        ok.then_some(Email(s)).ok_or(FieldError::InvalidEmail)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

impl Password {
    /// Length only: long passphrases beat composition rules (NIST 800-63B).
    pub fn parse(s: &str) -> Result<Password, FieldError> {
        let n = s.chars().count();
        if n == 0 {
            Err(FieldError::Required)
        } else if n < PASSWORD_MIN_CHARS {
            Err(FieldError::PasswordTooShort)
        } else if n > PASSWORD_MAX_CHARS {
            Err(FieldError::TooLong)
        } else {
            Ok(Password(s.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A Czech or Slovak company number (IČO): eight digits whose last one is
/// the mod-11 check digit of the first seven (both countries use the same
/// rule). Spaces are ignored; shorter numbers are left-padded with zeros as
/// the registers print them.
pub fn registration_no(s: &str) -> Result<String, FieldError> {
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Err(FieldError::Required);
    }
    if digits.len() > 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::InvalidRegistrationNo);
    }
    let padded = format!("{digits:0>8}");
    let d: Vec<u32> = padded.chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = d[..7].iter().zip((2..=8).rev()).map(|(x, w)| x * w).sum();
    let check = match sum % 11 {
        0 => 1,
        1 => 0,
        r => 11 - r,
    };
    (d[7] == check).then_some(padded).ok_or(FieldError::InvalidRegistrationNo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(Email::parse("  Ana@Example.CZ ").map(|e| e.0), Ok("ana@example.cz".into()));
        assert_eq!(Email::parse(""), Err(FieldError::Required));
        for bad in ["ana", "ana@", "@x.cz", "ana@x", "a b@x.cz", "a@b@x.cz", "a@.cz"] {
            assert_eq!(Email::parse(bad), Err(FieldError::InvalidEmail), "{bad}");
        }
    }

    #[test]
    fn passwords() {
        assert_eq!(Password::parse("short"), Err(FieldError::PasswordTooShort));
        assert!(Password::parse("správné koně baterie").is_ok());
        assert_eq!(format!("{:?}", Password::parse("0123456789abc")), "Ok(Password(…))");
    }

    #[test]
    fn company_numbers() {
        // 1·8 + 2·7 + … + 7·2 = 112; 112 mod 11 = 2; check digit 11 − 2 = 9.
        assert_eq!(registration_no("123 456 79"), Ok("12345679".into()));
        assert_eq!(registration_no("12345678"), Err(FieldError::InvalidRegistrationNo));
        // Short numbers are zero-padded before the check (…0049915, check 3).
        assert_eq!(registration_no("499153"), Ok("00499153".into()));
        assert_eq!(registration_no("12ab"), Err(FieldError::InvalidRegistrationNo));
        assert_eq!(registration_no(""), Err(FieldError::Required));
    }

    #[test]
    fn websites() {
        assert_eq!(optional_website(""), Ok(None));
        assert_eq!(optional_website("opu.cz"), Ok(Some("https://opu.cz".into())));
        assert_eq!(optional_website("nonsense"), Err(FieldError::InvalidWebsite));
        assert_eq!(optional_website("https://x.cz/\"><script>"), Err(FieldError::InvalidWebsite));
    }
}
