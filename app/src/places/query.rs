//! Place filters, parsed once from URL query pairs. The page ignores what it
//! cannot understand (and says so); the JSON API answers 400 instead.
use crate::http::params::{
    known_category, parse_bool, parse_category, parse_lang, parse_pairs, parse_point, parse_text,
    ParamError,
};
use serde::{Deserialize, Serialize};

pub const MAX_PER_PAGE: u32 = 200;
pub const DEFAULT_PER_PAGE: u32 = 50;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceQuery {
    pub q: Option<String>,
    pub category: Option<String>,
    pub lang: Option<String>,
    pub district: Option<String>,
    pub open_now: bool,
    pub wheelchair: bool,
    /// Also historical records (probably closed places).
    pub historical: bool,
    /// Places that meet this need (see `crate::needs`).
    pub need: Option<String>,
    /// Sort by distance from this point (`near=lat,lon`).
    pub near: Option<(f64, f64)>,
    /// Sort by distance from a district or an address typed by the visitor
    /// (resolved to `near` before the listing is read).
    pub from: Option<String>,
    pub page: u32,
    pub per_page: u32,
}

/// Parameters the page URL may carry that are not filters.
const PAGE_ONLY_PARAMS: [&str; 1] = ["view"];

impl PlaceQuery {
    /// Parses `pairs`; returns the query made of the valid parameters and the
    /// errors for the others. Empty values mean "not set" (what a GET form sends).
    /// Drops a category that is not one of `keys` (the database's) and
    /// names the parameter, as `parse` does for a malformed one.
    pub fn known_category(&mut self, keys: &[String]) -> Option<ParamError> {
        known_category(&mut self.category, keys)
    }

    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        allowed_extra: &[&str],
    ) -> (PlaceQuery, Vec<ParamError>) {
        let mut q = PlaceQuery::default();
        let (paging, errors) = parse_pairs(
            pairs,
            &[allowed_extra, &PAGE_ONLY_PARAMS[..]].concat(),
            (DEFAULT_PER_PAGE, MAX_PER_PAGE),
            |key, value| {
                Some(match key {
                    "q" => parse_text(value).map(|v| q.q = v),
                    "category" => parse_category(value).map(|v| q.category = v),
                    "lang" => parse_lang(value).map(|v| q.lang = v),
                    "district" => parse_text(value).map(|v| q.district = v),
                    "open_now" => parse_bool(value).map(|v| q.open_now = v),
                    "wheelchair" => parse_bool(value).map(|v| q.wheelchair = v),
                    "historical" => parse_bool(value).map(|v| q.historical = v),
                    "need" => crate::needs::parse_param(value).map(|v| q.need = v),
                    "near" => parse_point(value).map(|v| q.near = v),
                    "from" => parse_text(value).map(|v| q.from = v),
                    _ => return None,
                })
            },
        );
        (q.page, q.per_page) = (paging.page, paging.per_page);
        (q, errors)
    }

    /// The query as URL pairs (only what is set), for links and the API.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        if let Some(x) = &self.q {
            v.push(("q", x.clone()));
        }
        if let Some(x) = &self.category {
            v.push(("category", x.clone()));
        }
        if let Some(x) = &self.lang {
            v.push(("lang", x.clone()));
        }
        if let Some(x) = &self.need {
            v.push(("need", x.clone()));
        }
        if let Some(x) = &self.district {
            v.push(("district", x.clone()));
        }
        if let Some((lat, lon)) = self.near {
            v.push(("near", format!("{lat:.5},{lon:.5}")));
        }
        if let Some(x) = &self.from {
            v.push(("from", x.clone()));
        }
        if self.open_now {
            v.push(("open_now", "true".into()));
        }
        if self.wheelchair {
            v.push(("wheelchair", "true".into()));
        }
        if self.historical {
            v.push(("historical", "true".into()));
        }
        if self.page > 1 {
            v.push(("page", self.page.to_string()));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            v.push(("per_page", self.per_page.to_string()));
        }
        v
    }

    pub fn is_filtered(&self) -> bool {
        self.q.is_some()
            || self.category.is_some()
            || self.lang.is_some()
            || self.district.is_some()
            || self.open_now
            || self.wheelchair
            || self.historical
            || self.need.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_filters_and_reports_bad_ones() {
        let (q, errors) = PlaceQuery::parse(
            [
                ("q", " kosice "),
                ("category", "ngo"),
                ("lang", "UK"),
                ("open_now", "on"),
                ("page", "0"),
                ("per_page", "abc"),
                ("colour", "red"),
                ("need", "flying"),
            ],
            &[],
        );
        assert_eq!(q.q.as_deref(), Some("kosice"));
        assert_eq!(q.need, None);
        assert_eq!(q.category.as_deref(), Some("ngo"));
        assert_eq!(q.lang.as_deref(), Some("uk"));
        assert!(q.open_now);
        assert_eq!(q.page, 1);
        let names: Vec<_> = errors.iter().map(|e| e.param.as_str()).collect();
        assert_eq!(names, ["page", "per_page", "colour", "need"]);
    }

    #[test]
    fn near_is_a_point_in_degrees() {
        let (q, errors) =
            PlaceQuery::parse([("near", "50.0875, 14.4213"), ("from", "Karlín")], &[]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(q.near, Some((50.0875, 14.4213)));
        assert_eq!(q.from.as_deref(), Some("Karlín"));
        for bad in ["50.1", "north,14", "91,14", "50,181"] {
            let (q, errors) = PlaceQuery::parse([("near", bad)], &[]);
            assert_eq!(q.near, None, "{bad}");
            assert_eq!(errors.len(), 1, "{bad}");
        }
    }

    #[test]
    fn categories_the_database_does_not_know_are_named() {
        let keys = vec!["ngo".to_string(), "legal_help".to_string()];
        let (mut q, errors) = PlaceQuery::parse([("category", "legal_help")], &[]);
        assert!(errors.is_empty());
        assert_eq!(q.known_category(&keys), None);
        assert_eq!(q.category.as_deref(), Some("legal_help"));
        let (mut q, _) = PlaceQuery::parse([("category", "pubs")], &[]);
        let e = q.known_category(&keys).expect("unknown");
        assert_eq!(e.param, "category");
        assert!(e.message.contains("legal_help"), "{}", e.message);
        assert_eq!(q.category, None, "an unknown category filters nothing");
        let (_, errors) = PlaceQuery::parse([("category", "Pubs & bars")], &[]);
        assert_eq!(errors[0].param, "category");
    }

    #[test]
    fn empty_form_values_mean_unset() {
        let (q, errors) = PlaceQuery::parse([("q", ""), ("category", ""), ("wheelchair", "")], &[]);
        assert!(errors.is_empty());
        assert!(!q.is_filtered());
    }

    #[test]
    fn round_trips_through_pairs() {
        let (q, _) = PlaceQuery::parse(
            [
                ("q", "integracni"),
                ("lang", "uk"),
                ("need", "legal"),
                ("historical", "1"),
                ("page", "2"),
            ],
            &[],
        );
        assert_eq!(q.need.as_deref(), Some("legal"));
        assert!(q.historical);
        let pairs = q.to_pairs();
        let (again, errors) = PlaceQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())), &[]);
        assert!(errors.is_empty());
        assert_eq!(q, again);
    }
}
