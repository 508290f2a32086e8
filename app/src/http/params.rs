//! Query parameters, parsed once: each primitive says what it expects, and
//! a refusal names its parameter (the API answers 400 with it, a page drops
//! the parameter and says so).

/// The longest free-text parameter (a search).
const MAX_QUERY_LEN: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub param: String,
    pub message: String,
}

impl ParamError {
    pub fn new(param: &str, message: impl Into<String>) -> Self {
        Self { param: param.to_string(), message: message.into() }
    }
}

#[cfg(feature = "ssr")]
pub fn pairs(raw: &Option<String>) -> Vec<(String, String)> {
    raw.as_deref().map(url_pairs).unwrap_or_default()
}

/// Decodes `application/x-www-form-urlencoded` pairs.
pub fn url_pairs(q: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(q.as_bytes()).into_owned().collect()
}

pub fn parse_text(v: &str) -> Result<Option<String>, String> {
    if v.is_empty() {
        Ok(None)
    } else if v.chars().count() > MAX_QUERY_LEN {
        Err(format!("at most {MAX_QUERY_LEN} characters"))
    } else {
        Ok(Some(v.to_string()))
    }
}

/// A point as "lat,lon" in degrees (what `near=` carries).
pub fn parse_point(v: &str) -> Result<Option<(f64, f64)>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    let bad = || "expected latitude,longitude in degrees, e.g. 50.087,14.421".to_string();
    let (lat, lon) = v.split_once(',').ok_or_else(bad)?;
    let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
    let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(bad());
    }
    Ok(Some((lat, lon)))
}

/// Drops `category` unless it is one of `keys` (the database's), and names
/// the parameter, as parsing does for a malformed one.
pub fn known_category(category: &mut Option<String>, keys: &[String]) -> Option<ParamError> {
    let c = category.as_ref()?;
    if keys.contains(c) {
        return None;
    }
    *category = None;
    Some(ParamError::new("category", format!("unknown category; one of: {}", keys.join(", "))))
}

/// A category key's shape; whether the category exists is for
/// `known_category`, which knows the database's keys.
pub fn parse_category(v: &str) -> Result<Option<String>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    if v.len() <= 40 && v.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        Ok(Some(v.to_string()))
    } else {
        Err("unknown category".into())
    }
}

/// ISO 639-1/639-2/639-3 codes: two or three lowercase letters.
pub fn parse_lang(v: &str) -> Result<Option<String>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    let v = v.to_ascii_lowercase();
    if (2..=3).contains(&v.len()) && v.chars().all(|c| c.is_ascii_lowercase()) {
        Ok(Some(v))
    } else {
        Err("expected an ISO 639 language code such as `uk`".into())
    }
}

pub fn parse_bool(v: &str) -> Result<bool, String> {
    match v {
        "" | "false" | "0" | "no" | "off" => Ok(false),
        "true" | "1" | "yes" | "on" => Ok(true),
        _ => Err("expected true or false".into()),
    }
}

pub fn parse_int(v: &str, min: u32, max: u32) -> Result<Option<u32>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(format!("expected a whole number from {min} to {max}")),
    }
}

/// Page and page size of a listing, with the defaults a URL without them
/// means (page 1, `default_per_page`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

/// Reads URL pairs into a query: `field` sets the parameter a key names
/// and says what is wrong with its value, or answers None for a key it does
/// not know; `page` and `per_page` (at most `max_per_page`) are read here
/// for every listing, and the keys in `allowed` are taken without a check
/// (page-only parameters). Every refusal names its parameter.
pub fn parse_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    allowed: &[&str],
    (default_per_page, max_per_page): (u32, u32),
    mut field: impl FnMut(&str, &str) -> Option<Result<(), String>>,
) -> (Paging, Vec<ParamError>) {
    let mut paging = Paging { page: 1, per_page: default_per_page };
    let mut errors = Vec::new();
    for (key, raw) in pairs {
        let value = raw.trim();
        let result = match key {
            "page" => parse_int(value, 1, 100_000).map(|v| paging.page = v.unwrap_or(1)),
            "per_page" => parse_int(value, 1, max_per_page)
                .map(|v| paging.per_page = v.unwrap_or(default_per_page)),
            k if allowed.contains(&k) => Ok(()),
            k => field(k, value).unwrap_or_else(|| Err("unknown parameter".to_string())),
        };
        if let Err(message) = result {
            errors.push(ParamError::new(key, message));
        }
    }
    (paging, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_query_strings() {
        assert_eq!(
            url_pairs("city=prague&q=integra%C4%8Dn%C3%AD+centrum&open_now"),
            vec![
                ("city".to_string(), "prague".to_string()),
                ("q".to_string(), "integrační centrum".to_string()),
                ("open_now".to_string(), String::new()),
            ]
        );
        assert_eq!(url_pairs("q=100%"), vec![("q".to_string(), "100%".to_string())]);
    }

    #[test]
    fn pairs_are_read_once_and_refusals_name_their_parameter() {
        let mut seen = Vec::new();
        let (paging, errors) = parse_pairs(
            [("page", "3"), ("per_page", "900"), ("view", "map"), ("x", "1"), ("colour", "red")],
            &["view"],
            (50, 200),
            |key, value| match key {
                "x" => {
                    seen.push(value.to_string());
                    Some(Ok(()))
                }
                _ => None,
            },
        );
        assert_eq!(paging, Paging { page: 3, per_page: 50 });
        assert_eq!(seen, vec!["1"]);
        let named: Vec<&str> = errors.iter().map(|e| e.param.as_str()).collect();
        assert_eq!(named, vec!["per_page", "colour"]);
        assert_eq!(errors[1].message, "unknown parameter");
    }
}
