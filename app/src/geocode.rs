//! Offline address lookup for Prague: street + house numbers → coordinates
//! (RÚIAN address points), and coordinates → municipal district (IPR Praha
//! polygons). Both files are read at import time; nothing is called online.
use crate::db::NewPlace;
use crate::search::normalize;
use crate::values::City;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum GeocodeError {
    #[error("cannot read {0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0} is not a valid address-point CSV: {1}")]
    Csv(String, String),
    #[error("{0} is not a valid district GeoJSON: {1}")]
    GeoJson(String, String),
}

pub const RUIAN_SOURCE: &str = "RÚIAN (ČÚZK, CC BY 4.0), offline address lookup";

#[derive(Debug, Default)]
pub struct AddressIndex {
    /// (normalised street, number key) → point; None when the key is ambiguous.
    points: HashMap<(String, String), Option<(f64, f64)>>,
}

impl AddressIndex {
    /// Reads the gzip-compressed CSV (street, number_type, cislo_domovni,
    /// cislo_orientacni, znak_cisla_orientacniho, lat, lon, ...).
    pub fn load(path: &Path) -> Result<Self, GeocodeError> {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| GeocodeError::Io(name.clone(), e))?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .map_err(|e| GeocodeError::Io(name.clone(), e))?;
        Self::from_csv(&text).map_err(|e| GeocodeError::Csv(name, e))
    }

    pub fn from_csv(text: &str) -> Result<Self, String> {
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let headers = rdr.headers().map_err(|e| e.to_string())?.clone();
        let col = |n: &str| {
            headers.iter().position(|h| h == n).ok_or_else(|| format!("missing column `{n}`"))
        };
        let (street, dom, ori, znak, lat, lon) = (
            col("street")?,
            col("cislo_domovni")?,
            col("cislo_orientacni")?,
            col("znak_cisla_orientacniho")?,
            col("lat")?,
            col("lon")?,
        );
        let mut index = AddressIndex::default();
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| format!("line {}: {e}", i + 2))?;
            let get = |c: usize| rec.get(c).unwrap_or("").trim();
            let (Ok(la), Ok(lo)) = (get(lat).parse::<f64>(), get(lon).parse::<f64>()) else {
                return Err(format!("line {}: bad coordinates", i + 2));
            };
            let street = normalize(get(street));
            let orientation = format!("{}{}", get(ori), get(znak).to_lowercase());
            let house = get(dom).to_string();
            let mut keys = vec![house.clone()];
            if !get(ori).is_empty() {
                keys.push(format!("{house}/{orientation}"));
                keys.push(orientation);
            }
            for k in keys {
                index.insert((street.clone(), k), (la, lo));
            }
        }
        Ok(index)
    }

    fn insert(&mut self, key: (String, String), point: (f64, f64)) {
        self.points
            .entry(key)
            .and_modify(|existing| {
                if let Some(p) = existing {
                    // The same number on one street can be a house number in one
                    // cadastral area and an orientation number in another.
                    if (p.0 - point.0).abs() > 1e-4 || (p.1 - point.1).abs() > 1e-4 {
                        *existing = None;
                    }
                }
            })
            .or_insert(Some(point));
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Finds "Street 888/2, Praha 6" or "Street 12a". None when the address
    /// has no house number, is unknown, or is ambiguous.
    pub fn lookup(&self, address: &str) -> Option<(f64, f64)> {
        let first = address.split(',').next()?.trim();
        let (street, number) = first.rsplit_once(' ')?;
        if !number.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let street = normalize(street);
        let number = number.to_lowercase();
        self.points.get(&(street, number)).copied().flatten()
    }
}

struct District {
    name: String,
    /// Outer ring then holes, as (lon, lat).
    rings: Vec<Vec<(f64, f64)>>,
}

#[derive(Default)]
pub struct Districts {
    list: Vec<District>,
}

impl Districts {
    pub fn load(path: &Path) -> Result<Self, GeocodeError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| GeocodeError::Io(name.clone(), e))?;
        Self::from_geojson(&text).map_err(|e| GeocodeError::GeoJson(name, e))
    }

    pub fn from_geojson(text: &str) -> Result<Self, String> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let features = v["features"].as_array().ok_or("no `features` array")?;
        let mut list = Vec::new();
        for f in features {
            let name = f["properties"]["NAZEV_MC"]
                .as_str()
                .or_else(|| f["properties"]["name"].as_str())
                .ok_or("a feature has no NAZEV_MC/name property")?
                .to_string();
            let polygons: Vec<&serde_json::Value> = match f["geometry"]["type"].as_str() {
                Some("Polygon") => vec![&f["geometry"]["coordinates"]],
                Some("MultiPolygon") => f["geometry"]["coordinates"]
                    .as_array()
                    .ok_or("bad MultiPolygon")?
                    .iter()
                    .collect(),
                other => return Err(format!("unsupported geometry {other:?}")),
            };
            for poly in polygons {
                let rings = poly
                    .as_array()
                    .ok_or("bad polygon")?
                    .iter()
                    .map(|ring| {
                        ring.as_array()
                            .ok_or("bad ring")?
                            .iter()
                            .map(|pt| match (pt[0].as_f64(), pt[1].as_f64()) {
                                (Some(x), Some(y)) => Ok((x, y)),
                                _ => Err("bad coordinate"),
                            })
                            .collect::<Result<Vec<_>, _>>()
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                list.push(District { name: name.clone(), rings });
            }
        }
        Ok(Districts { list })
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn district_at(&self, lat: f64, lon: f64) -> Option<&str> {
        self.list
            .iter()
            .find(|d| {
                let mut rings = d.rings.iter();
                rings.next().is_some_and(|outer| inside(outer, lon, lat))
                    && !rings.any(|hole| inside(hole, lon, lat))
            })
            .map(|d| d.name.as_str())
    }
}

/// Ray casting; good enough for district polygons far from the poles.
fn inside(ring: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The address data for the running app: read on first use (a second or
/// two), so a server without the files or without place forms in use pays
/// nothing.
pub struct Geo {
    dir: Option<std::path::PathBuf>,
    data: std::sync::OnceLock<Option<GeoData>>,
}

pub struct GeoData {
    pub addresses: AddressIndex,
    pub districts: Districts,
}

impl GeoData {
    /// Reads `prague-address-points.csv.gz` and `prague-districts.geojson`
    /// from `dir`.
    pub fn load(dir: &Path) -> Result<Self, GeocodeError> {
        Ok(GeoData {
            addresses: AddressIndex::load(&dir.join("prague-address-points.csv.gz"))?,
            districts: Districts::load(&dir.join("prague-districts.geojson"))?,
        })
    }
}

/// What a lookup of a typed address found.
#[derive(Clone, Debug, PartialEq)]
pub enum Located {
    Found {
        lat: f64,
        lon: f64,
        district: Option<String>,
    },
    NotFound,
    /// No address data for this city.
    Unavailable,
}

impl Geo {
    /// `dir` holds `prague-address-points.csv.gz` and `prague-districts.geojson`.
    pub fn new(dir: Option<std::path::PathBuf>) -> Self {
        Self { dir, data: std::sync::OnceLock::new() }
    }

    /// The data, read now if not yet; None without files (or unreadable
    /// ones, which are logged).
    pub fn data(&self) -> Option<&GeoData> {
        self.data
            .get_or_init(|| {
                GeoData::load(self.dir.as_ref()?)
                    .map_err(|e| tracing::warn!("address lookup unavailable: {e}"))
                    .ok()
            })
            .as_ref()
    }

    /// A lookup over data already read (one parse shared by several app
    /// states, as the test suite does).
    pub fn with_data(data: GeoData) -> Self {
        Self { dir: None, data: std::sync::OnceLock::from(Some(data)) }
    }

    /// Reads the data on a blocking thread, so no request waits on a
    /// worker that is parsing files.
    pub async fn ready(self: &std::sync::Arc<Self>) -> bool {
        let me = self.clone();
        tokio::task::spawn_blocking(move || me.data().is_some()).await.unwrap_or(false)
    }

    /// Coordinates and district for an address typed in `city`, when the
    /// city's address lookup is the one this data serves.
    pub async fn locate(self: &std::sync::Arc<Self>, city: &City, address: &str) -> Located {
        if !serves(city) || !self.ready().await {
            return Located::Unavailable;
        }
        let Some(data) = self.data() else {
            return Located::Unavailable;
        };
        match data.addresses.lookup(address) {
            Some((lat, lon)) => Located::Found {
                lat,
                lon,
                district: data.districts.district_at(lat, lon).map(str::to_string),
            },
            None => Located::NotFound,
        }
    }

    /// The municipal district of a point in `city`, when known.
    pub async fn district(
        self: &std::sync::Arc<Self>,
        city: &City,
        lat: f64,
        lon: f64,
    ) -> Option<String> {
        if !serves(city) || !self.ready().await {
            return None;
        }
        self.data()?.districts.district_at(lat, lon).map(str::to_string)
    }
}

/// What `enrich` changed, for the import report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct EnrichReport {
    pub located: Vec<String>,
    pub districts_set: usize,
    pub still_unlocated: Vec<String>,
}

/// Whether the RÚIAN address points and district boundaries serve `city`
/// (its address lookup, set when the city is added).
pub fn serves(city: &City) -> bool {
    city.address_lookup.as_deref() == Some(RUIAN_LOOKUP)
}

/// The `address_lookup` of cities served by RÚIAN data.
pub const RUIAN_LOOKUP: &str = "ruian";

/// Gives places without coordinates in the cities this data serves
/// (`served`: their slugs) a point from the address index, and those with
/// a precise point their municipal district.
pub fn enrich(
    places: &mut [NewPlace],
    served: &[String],
    index: &AddressIndex,
    districts: &Districts,
) -> EnrichReport {
    let mut report = EnrichReport::default();
    for p in places.iter_mut().filter(|p| served.iter().any(|s| s.as_str() == p.city.as_str())) {
        if p.lat.is_none() {
            if let Some((lat, lon)) = index.lookup(&p.address) {
                p.lat = Some(lat);
                p.lon = Some(lon);
                p.coord_precision = Some("address".into());
                p.coord_source = Some(RUIAN_SOURCE.into());
                report.located.push(p.slug.clone());
            } else {
                report.still_unlocated.push(p.slug.clone());
                continue;
            }
        }
        let precise = matches!(p.coord_precision.as_deref(), Some("address" | "poi"));
        if let (true, Some(lat), Some(lon)) = (precise, p.lat, p.lon) {
            if let Some(d) = districts.district_at(lat, lon) {
                p.district = Some(d.to_string());
                report.districts_set += 1;
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "street,number_type,cislo_domovni,cislo_orientacni,znak_cisla_orientacniho,lat,lon,n_distinct_coords,source_files\n\
        Žukovského,č.p.,888,2,,50.0902171,14.3091331,1,x\n\
        Vodičkova,č.p.,12,5,a,50.0786429,14.4215907,1,x\n\
        Krátká,č.p.,7,,,50.1,14.5,1,x\n\
        Krátká,č.ev.,7,,,50.2,14.6,1,x\n";

    const GEOJSON: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"NAZEV_MC":"Praha 6"},
         "geometry":{"type":"Polygon","coordinates":[[[14.2,50.0],[14.4,50.0],[14.4,50.2],[14.2,50.2],[14.2,50.0]],
                                                     [[14.35,50.15],[14.39,50.15],[14.39,50.19],[14.35,50.19],[14.35,50.15]]]}},
        {"type":"Feature","properties":{"NAZEV_MC":"Praha 1"},
         "geometry":{"type":"Polygon","coordinates":[[[14.4,50.0],[14.5,50.0],[14.5,50.2],[14.4,50.2],[14.4,50.0]]]}}]}"#;

    #[test]
    fn finds_full_orientation_and_house_numbers_ignoring_diacritics() {
        let idx = AddressIndex::from_csv(CSV).expect("valid csv");
        assert_eq!(idx.lookup("Žukovského 888/2, Praha 6"), Some((50.0902171, 14.3091331)));
        assert_eq!(idx.lookup("Zukovskeho 2, Praha 6"), Some((50.0902171, 14.3091331)));
        assert_eq!(idx.lookup("Žukovského 888"), Some((50.0902171, 14.3091331)));
        assert_eq!(idx.lookup("Vodičkova 5a, Praha 1"), Some((50.0786429, 14.4215907)));
    }

    #[test]
    fn refuses_ambiguous_missing_or_numberless_addresses() {
        let idx = AddressIndex::from_csv(CSV).expect("valid csv");
        assert_eq!(idx.lookup("Krátká 7, Praha 10"), None, "two different points");
        assert_eq!(idx.lookup("Vodičkova 99, Praha 1"), None);
        assert_eq!(idx.lookup("náměstí OSN, Praha 9"), None);
        assert_eq!(idx.lookup("Koněvova ulice, Praha 3 (house number not given)"), None);
    }

    #[test]
    fn bad_csv_is_reported() {
        assert!(AddressIndex::from_csv("street,lat\nX,1").is_err());
        let bad = "street,number_type,cislo_domovni,cislo_orientacni,znak_cisla_orientacniho,lat,lon\nA,č.p.,1,,,north,14\n";
        assert!(AddressIndex::from_csv(bad).unwrap_err().contains("line 2"));
    }

    #[test]
    fn district_by_point_respects_holes() {
        let d = Districts::from_geojson(GEOJSON).expect("valid geojson");
        assert_eq!(d.district_at(50.1, 14.3), Some("Praha 6"));
        assert_eq!(d.district_at(50.1, 14.45), Some("Praha 1"));
        assert_eq!(d.district_at(50.17, 14.37), None, "inside the hole");
        assert_eq!(d.district_at(48.7, 21.2), None);
    }
}
