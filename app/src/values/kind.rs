use crate::text_enum;

text_enum! {
    /// The kinds of public listing. Stored as `place`, `event`, `opportunity`
    /// (`listing_changes.kind`, audit subjects, report targets).
    pub enum ListingKind {
        Place = "place",
        Event = "event",
        Opportunity = "opportunity",
    }
}

impl ListingKind {
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

#[cfg(test)]
mod tests {
    use super::ListingKind;

    #[test]
    fn names_round_trip_and_unknown_kinds_are_refused() {
        for &k in ListingKind::ALL {
            assert_eq!(ListingKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ListingKind::parse("story"), None);
        assert_eq!(ListingKind::parse(""), None);
    }
}
