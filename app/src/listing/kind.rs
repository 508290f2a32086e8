use serde::{Deserialize, Serialize};

/// The kinds of public listing. Stored as `place`, `event`, `opportunity`
/// (`listing_changes.kind`, audit subjects, report targets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListingKind {
    Place,
    Event,
    Opportunity,
}

impl ListingKind {
    pub const ALL: [ListingKind; 3] = [Self::Place, Self::Event, Self::Opportunity];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Place => "place",
            Self::Event => "event",
            Self::Opportunity => "opportunity",
        }
    }

    /// The kind a stored or submitted name stands for; None for anything
    /// else, so an unknown kind is never taken for a place.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The part of a public page's path after the city: `/{city}/{section}/{slug}`.
    pub fn section(self) -> &'static str {
        match self {
            Self::Place => "places",
            Self::Event => "events",
            Self::Opportunity => "volunteering",
        }
    }

    /// Its part of the moderators' and dashboard paths (`/moderation/{…}/edit`).
    pub fn plural(self) -> &'static str {
        match self {
            Self::Place => "places",
            Self::Event => "events",
            Self::Opportunity => "opportunities",
        }
    }
}

impl std::fmt::Display for ListingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "ssr")]
mod sql {
    use super::ListingKind;
    use sqlx::any::{Any, AnyTypeInfo, AnyValueRef};
    use sqlx::encode::IsNull;
    use sqlx::error::BoxDynError;
    use sqlx::{Decode, Encode, Type};

    impl Type<Any> for ListingKind {
        fn type_info() -> AnyTypeInfo {
            <String as Type<Any>>::type_info()
        }
    }

    impl<'r> Decode<'r, Any> for ListingKind {
        fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
            let s = <String as Decode<Any>>::decode(value)?;
            ListingKind::parse(&s).ok_or_else(|| format!("unknown listing kind {s:?}").into())
        }
    }

    impl<'q> Encode<'q, Any> for ListingKind {
        fn encode_by_ref(
            &self,
            buf: &mut <Any as sqlx::Database>::ArgumentBuffer<'q>,
        ) -> Result<IsNull, BoxDynError> {
            <&str as Encode<Any>>::encode(self.as_str(), buf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ListingKind;

    #[test]
    fn names_round_trip_and_unknown_kinds_are_refused() {
        for k in ListingKind::ALL {
            assert_eq!(ListingKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ListingKind::parse("story"), None);
        assert_eq!(ListingKind::parse(""), None);
    }
}
