//! A city's slug (`prague`, `kosice`): the key of the cities table and the
//! first part of every public path. Parsed once where it enters (a stored
//! row, a URL, a form), so a malformed one never reaches a query.

/// `Default` is the empty slug, which names no city: only for values built
/// to compute with (a schedule checked before the event has a city).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CitySlug(String);

impl CitySlug {
    /// 2–40 lowercase ASCII letters, digits and hyphens, starting with a
    /// letter.
    pub fn parse(s: &str) -> Option<Self> {
        let ok = (2..=40).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for CitySlug {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for CitySlug {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CitySlug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<CitySlug> for String {
    fn from(c: CitySlug) -> Self {
        c.0
    }
}

impl PartialEq<str> for CitySlug {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CitySlug {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for CitySlug {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<CitySlug> for String {
    fn eq(&self, other: &CitySlug) -> bool {
        *self == other.0
    }
}

impl PartialEq<CitySlug> for str {
    fn eq(&self, other: &CitySlug) -> bool {
        self == other.0
    }
}

crate::text_value!(CitySlug);

#[cfg(test)]
mod tests {
    use super::CitySlug;

    #[test]
    fn slugs_are_lowercase_words_with_hyphens() {
        for ok in ["prague", "kosice", "brno", "banska-bystrica", "k2"] {
            assert_eq!(CitySlug::parse(ok).map(String::from), Some(ok.to_string()));
        }
        for bad in ["", "p", "Prague", "-brno", "2brno", "ko sice", "košice", "a/b"] {
            assert_eq!(CitySlug::parse(bad), None, "{bad:?}");
        }
        assert!(serde_json::from_str::<CitySlug>("\"Praha\"").is_err());
    }
}
