//! A new city as an operator describes it (`welcome-kit add-city`): every
//! value is checked once, here, before anything is written.
use super::City;
use std::fmt;

/// The address lookups the app has data for.
pub const ADDRESS_LOOKUPS: [&str; 1] = ["ruian"];

/// First path segments after the language that are pages, not cities.
const RESERVED: [&str; 6] =
    ["about", "account", "admin", "dashboard", "moderation", "volunteering"];

/// What the operator typed, before checking.
#[derive(Debug, Default)]
pub struct CityInput {
    pub slug: String,
    pub name: String,
    pub name_en: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub time_zone: String,
    pub country: String,
    pub language: String,
    /// `lang=name` pairs, e.g. `uk=Брно`.
    pub names: Vec<String>,
    /// `south,west,north,east`.
    pub bounds: Option<String>,
    pub zoom: Option<i64>,
    pub address_lookup: Option<String>,
}

#[derive(Debug, PartialEq)]
pub enum CityError {
    Slug(String),
    Name,
    Coordinates,
    TimeZone(String),
    Country(String),
    Language(String),
    NameFor(String),
    Bounds(String),
    Zoom(i64),
    AddressLookup(String),
    Exists(String),
}

impl fmt::Display for CityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CityError::Slug(s) => write!(
                f,
                "--slug `{s}`: use 2–40 lowercase letters, digits and hyphens, starting with a letter, and not one of {}",
                RESERVED.join(", ")
            ),
            CityError::Name => write!(f, "--name: the city's name is required"),
            CityError::Coordinates => write!(
                f,
                "--lat/--lon: latitude must be within -90..90 and longitude within -180..180"
            ),
            CityError::TimeZone(z) => write!(
                f,
                "--time-zone `{z}`: not a zone of the time-zone database (e.g. Europe/Prague)"
            ),
            CityError::Country(c) => write!(
                f,
                "--country `{c}`: use the two-letter ISO 3166 code (e.g. CZ)"
            ),
            CityError::Language(l) => write!(
                f,
                "--language `{l}`: use the two- or three-letter ISO 639 code (e.g. cs)"
            ),
            CityError::NameFor(n) => write!(
                f,
                "--name-in `{n}`: write it as language=name (e.g. uk=Брно)"
            ),
            CityError::Bounds(b) => write!(
                f,
                "--bounds `{b}`: write south,west,north,east around the centre (e.g. 49.10,16.45,49.30,16.75)"
            ),
            CityError::Zoom(z) => write!(f, "--zoom {z}: use 3 to 18"),
            CityError::AddressLookup(a) => write!(
                f,
                "--address-lookup `{a}`: known lookups are {}",
                ADDRESS_LOOKUPS.join(", ")
            ),
            CityError::Exists(s) => write!(f, "a city `{s}` exists already"),
        }
    }
}

fn is_language(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}

/// Half the height and width of a city's default map bounds, in degrees
/// (about 33 km by 36 km at Central European latitudes).
const HALF_LAT: f64 = 0.15;
const HALF_LON: f64 = 0.25;

impl CityError {
    /// The form field the problem is in.
    pub fn field(&self) -> &'static str {
        match self {
            CityError::Slug(_) | CityError::Exists(_) => "slug",
            CityError::Name => "name",
            CityError::Coordinates => "lat",
            CityError::TimeZone(_) => "time_zone",
            CityError::Country(_) => "country",
            CityError::Language(_) => "language",
            CityError::NameFor(_) => "names",
            CityError::Bounds(_) => "bounds",
            CityError::Zoom(_) => "zoom",
            CityError::AddressLookup(_) => "address_lookup",
        }
    }
}

impl CityInput {
    /// The city to store, or every problem with the input.
    pub fn check(self) -> Result<City, Vec<CityError>> {
        let mut errors = Vec::new();
        let slug = self.slug.trim().to_string();
        let slug_ok =
            crate::values::CitySlug::parse(&slug).is_some() && !RESERVED.contains(&slug.as_str());
        if !slug_ok {
            errors.push(CityError::Slug(slug.clone()));
        }
        let name_local = self.name.trim().to_string();
        if name_local.is_empty() {
            errors.push(CityError::Name);
        }
        let name_en = self
            .name_en
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| name_local.clone());
        let centre_ok = (-90.0..=90.0).contains(&self.lat) && (-180.0..=180.0).contains(&self.lon);
        if !centre_ok {
            errors.push(CityError::Coordinates);
        }
        let timezone = self.time_zone.trim().to_string();
        if timezone.parse::<chrono_tz::Tz>().is_err() {
            errors.push(CityError::TimeZone(timezone.clone()));
        }
        let country = self.country.trim().to_string();
        if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
            errors.push(CityError::Country(country.clone()));
        }
        let local_lang = self.language.trim().to_string();
        if !is_language(&local_lang) {
            errors.push(CityError::Language(local_lang.clone()));
        }
        let mut names: Vec<(String, String)> = Vec::new();
        for pair in self.names.iter().filter(|p| !p.trim().is_empty()) {
            match pair.split_once('=') {
                Some((l, n)) if is_language(l.trim()) && !n.trim().is_empty() => {
                    names.retain(|(known, _)| known != l.trim());
                    names.push((l.trim().to_string(), n.trim().to_string()));
                }
                _ => {
                    errors.push(CityError::NameFor(pair.trim().to_string()));
                    break;
                }
            }
        }
        let bounds = match self.bounds.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            None => {
                [self.lat - HALF_LAT, self.lon - HALF_LON, self.lat + HALF_LAT, self.lon + HALF_LON]
            }
            Some(text) => {
                let v: Vec<f64> = text.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                let around_centre = v.len() == 4
                    && v[0] < self.lat
                    && self.lat < v[2]
                    && v[1] < self.lon
                    && self.lon < v[3];
                if around_centre {
                    [v[0], v[1], v[2], v[3]]
                } else {
                    errors.push(CityError::Bounds(text.to_string()));
                    [0.0; 4]
                }
            }
        };
        let zoom = self.zoom.unwrap_or(12);
        if !(3..=18).contains(&zoom) {
            errors.push(CityError::Zoom(zoom));
        }
        let address_lookup = self.address_lookup.filter(|a| !a.trim().is_empty());
        if let Some(a) = address_lookup.as_ref().filter(|a| !ADDRESS_LOOKUPS.contains(&a.as_str()))
        {
            errors.push(CityError::AddressLookup(a.clone()));
        }
        let slug = match crate::values::CitySlug::parse(&slug) {
            Some(slug) if errors.is_empty() => slug,
            _ => return Err(errors),
        };
        Ok(City {
            slug,
            name_local,
            name_en,
            country,
            timezone,
            local_lang,
            center: [self.lat, self.lon],
            bounds,
            zoom,
            names,
            address_lookup,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brno() -> CityInput {
        CityInput {
            slug: "brno".into(),
            name: "Brno".into(),
            lat: 49.1951,
            lon: 16.6068,
            time_zone: "Europe/Prague".into(),
            country: "CZ".into(),
            language: "cs".into(),
            ..CityInput::default()
        }
    }

    #[test]
    fn a_city_from_the_least_an_operator_types() {
        let c = brno().check().expect("valid");
        assert_eq!(c.name_en, "Brno", "the local name stands in");
        assert_eq!(c.center, [49.1951, 16.6068]);
        assert!(c.bounds[0] < 49.1951 && 49.1951 < c.bounds[2]);
        assert!(c.bounds[1] < 16.6068 && 16.6068 < c.bounds[3]);
        assert_eq!(c.label("cs"), "Brno");
        assert_eq!(c.address_lookup, None);
    }

    #[test]
    fn names_per_language_and_labels() {
        let c = CityInput {
            names: vec!["uk=Брно".into(), "ar = برنو ".into()],
            name_en: Some("Brünn".into()),
            ..brno()
        }
        .check()
        .expect("valid");
        assert_eq!(c.label("uk"), "Брно");
        assert_eq!(c.label("ar"), "برنو");
        assert_eq!(c.label("cs"), "Brno", "local readers get the local name");
        assert_eq!(c.label("vi"), "Brünn", "others the English one");
    }

    #[test]
    fn each_bad_value_is_named() {
        let cases: Vec<(CityInput, CityError)> = vec![
            (CityInput { slug: "Brno".into(), ..brno() }, CityError::Slug("Brno".into())),
            (CityInput { slug: "dashboard".into(), ..brno() }, CityError::Slug("dashboard".into())),
            (CityInput { name: " ".into(), ..brno() }, CityError::Name),
            (CityInput { lat: 91.0, ..brno() }, CityError::Coordinates),
            (
                CityInput { time_zone: "Europe/Brno".into(), ..brno() },
                CityError::TimeZone("Europe/Brno".into()),
            ),
            (CityInput { country: "cz".into(), ..brno() }, CityError::Country("cz".into())),
            (CityInput { language: "Czech".into(), ..brno() }, CityError::Language("Czech".into())),
            (CityInput { names: vec!["Брно".into()], ..brno() }, CityError::NameFor("Брно".into())),
            (
                CityInput { bounds: Some("1,2,3,4".into()), ..brno() },
                CityError::Bounds("1,2,3,4".into()),
            ),
            (CityInput { zoom: Some(30), ..brno() }, CityError::Zoom(30)),
            (
                CityInput { address_lookup: Some("osm".into()), ..brno() },
                CityError::AddressLookup("osm".into()),
            ),
        ];
        for (input, expected) in cases {
            let got = input.check().expect_err("refused");
            assert_eq!(got, vec![expected]);
            assert!(!got[0].to_string().is_empty());
        }
    }

    #[test]
    fn every_problem_at_once() {
        let got =
            CityInput { slug: "x".into(), country: "Czechia".into(), zoom: Some(0), ..brno() }
                .check()
                .expect_err("refused");
        let fields: Vec<&str> = got.iter().map(CityError::field).collect();
        assert_eq!(fields, ["slug", "country", "zoom"]);
    }
}
