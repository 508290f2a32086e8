use super::Tx;
use super::{now_stamp, Db};
use crate::search;
use crate::values::CitySlug;
use crate::values::Languages;
use crate::values::{Day, Timestamp};
use sqlx::{FromRow, Row};
use std::sync::Arc;

/// A stored place, as read back.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct PlaceRow {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub category: String,
    pub name: String,
    pub name_en: String,
    pub address: String,
    pub district: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub coord_precision: Option<String>,
    pub coord_source: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub opening_hours: Option<String>,
    pub hours_text: Option<String>,
    pub languages: Languages,
    pub wheelchair: Option<String>,
    /// One URL per line.
    pub sources: String,
    pub source_date: Option<String>,
    pub last_verified: Option<Day>,
    pub status: crate::values::Publication,
}

impl PlaceRow {
    pub fn language_list(&self) -> Vec<String> {
        self.languages.codes()
    }

    pub fn source_list(&self) -> Vec<String> {
        self.sources.lines().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
    }
}

pub(super) const PLACE_COLUMNS: &str =
    "id, city, slug, category, name, name_en, address, district, lat, lon, \
     coord_precision, coord_source, phone, email, website, opening_hours, hours_text, languages, \
     wheelchair, sources, source_date, last_verified, status";

/// A place to insert or update (validated by the importer).
#[derive(Clone, Debug, PartialEq)]
pub struct NewPlace {
    pub city: CitySlug,
    pub slug: String,
    pub category: String,
    pub name: String,
    pub name_en: String,
    pub address: String,
    pub district: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub coord_precision: Option<String>,
    pub coord_source: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub opening_hours: Option<String>,
    pub hours_text: Option<String>,
    pub languages: Vec<String>,
    pub wheelchair: Option<String>,
    pub sources: Vec<String>,
    pub source_date: Option<String>,
    pub last_verified: Option<Day>,
    pub status: crate::values::Publication,
    pub status_note: Option<String>,
    /// (language, text)
    pub descriptions: Vec<(String, String)>,
}

impl NewPlace {
    fn search_text(&self) -> String {
        let mut parts = vec![
            self.name.clone(),
            self.name_en.clone(),
            self.address.clone(),
            self.district.clone().unwrap_or_default(),
        ];
        parts.extend(self.descriptions.iter().map(|(_, t)| t.clone()));
        search::normalize(&parts.join(" "))
    }
}

/// What a visitor can filter places by; "open now" is evaluated afterwards.
#[derive(Clone, Debug, Default)]
pub struct PlaceFilter {
    pub category: Option<String>,
    pub lang: Option<String>,
    pub district: Option<String>,
    pub wheelchair: bool,
    /// Normalised words (see `search::terms`); each must occur.
    pub terms: Vec<String>,
}

impl PlaceFilter {
    fn matches(&self, p: &CachedPlace) -> bool {
        let row = &p.row;
        self.category.as_ref().is_none_or(|c| &row.category == c)
            && self.district.as_ref().is_none_or(|d| row.district.as_ref() == Some(d))
            && self.lang.as_ref().is_none_or(|l| row.languages.contains(l))
            && (!self.wheelchair || row.wheelchair.as_deref() == Some("yes"))
            && self.terms.iter().all(|t| p.search_text.contains(t.as_str()))
    }
}

/// A published place with what listing it needs precomputed.
#[derive(Debug)]
pub(crate) struct CachedPlace {
    row: PlaceRow,
    search_text: String,
}

/// One city's published places in list order, as of `version`.
#[derive(Debug)]
pub(crate) struct CitySnapshot {
    version: i64,
    places: Vec<CachedPlace>,
    /// The places' labels by id, made on first use (event listings read
    /// them on every request).
    labels: std::sync::OnceLock<Arc<std::collections::HashMap<i64, PlaceLabel>>>,
}

impl Db {
    /// Published places of a city matching `f`, ordered by English name as
    /// people read it (ignoring quotes, case and diacritics).
    ///
    /// Reads come from an in-memory copy of the city's published places,
    /// reloaded when the city's `places_version` (bumped in the same
    /// transaction as every write) has moved: one single-row query per call
    /// instead of streaming every row, and correct with several app instances.
    pub async fn published_places(
        &self,
        city: &str,
        f: &PlaceFilter,
    ) -> Result<Vec<PlaceRow>, sqlx::Error> {
        let snapshot = self.city_snapshot(city).await?;
        Ok(snapshot.places.iter().filter(|p| f.matches(p)).map(|p| p.row.clone()).collect())
    }

    async fn city_snapshot(&self, city: &str) -> Result<Arc<CitySnapshot>, sqlx::Error> {
        // The version is read before the rows: rows newer than the version
        // only cause one extra reload later, never a stale copy kept.
        let version: Option<(i64,)> =
            sql_as!("SELECT places_version FROM cities WHERE slug = $1", (city))
                .fetch_optional(&self.pool)
                .await?;
        let Some((version,)) = version else {
            return Ok(Arc::new(CitySnapshot {
                version: -1,
                places: Vec::new(),
                labels: Default::default(),
            }));
        };
        if let Some(s) = self.cached_snapshot(city) {
            if s.version == version {
                return Ok(s);
            }
        }
        let sql = format!(
            "SELECT {PLACE_COLUMNS}, search_text FROM places \
             WHERE city = $1 AND status = 'published'"
        );
        let rows = sql!(&sql, (city)).fetch_all(&self.pool).await?;
        let mut places = rows
            .iter()
            .map(|r| {
                Ok(CachedPlace {
                    row: PlaceRow::from_row(r)?,
                    search_text: r.try_get("search_text")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        places.sort_by_cached_key(|p| (search::normalize(&p.row.name_en), p.row.id));
        let snapshot = Arc::new(CitySnapshot { version, places, labels: Default::default() });
        if let Ok(mut cache) = self.places_cache.lock() {
            cache.insert(city.to_string(), snapshot.clone());
        }
        Ok(snapshot)
    }

    fn cached_snapshot(&self, city: &str) -> Option<Arc<CitySnapshot>> {
        self.places_cache.lock().ok()?.get(city).cloned()
    }

    pub async fn published_place(
        &self,
        city: &str,
        slug: &str,
    ) -> Result<Option<PlaceRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {PLACE_COLUMNS} FROM places WHERE city = $1 AND slug = $2 AND status = 'published'"
        );
        sqlx::query_as::<_, PlaceRow>(&sql).bind(city).bind(slug).fetch_optional(&self.pool).await
    }

    pub async fn place_descriptions(
        &self,
        place_id: i64,
    ) -> Result<Vec<(String, String)>, sqlx::Error> {
        sqlx::query_as::<_, (String, String)>(
            "SELECT lang, body FROM place_descriptions WHERE place_id = $1 ORDER BY lang",
        )
        .bind(place_id)
        .fetch_all(&self.pool)
        .await
    }

    /// Districts of a city's published places, sorted.
    pub async fn districts(&self, city: &str) -> Result<Vec<String>, sqlx::Error> {
        let snapshot = self.city_snapshot(city).await?;
        let mut all: Vec<String> =
            snapshot.places.iter().filter_map(|p| p.row.district.clone()).collect();
        all.sort();
        all.dedup();
        Ok(all)
    }

    /// Distinct languages spoken at a city's published places.
    pub async fn languages(&self, city: &str) -> Result<Vec<String>, sqlx::Error> {
        let snapshot = self.city_snapshot(city).await?;
        let mut all: Vec<String> =
            snapshot.places.iter().flat_map(|p| p.row.languages.codes()).collect();
        all.sort();
        all.dedup();
        Ok(all)
    }

    pub async fn count_places(&self) -> Result<i64, sqlx::Error> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM places").fetch_one(&self.pool).await?;
        Ok(n)
    }

    /// Inserts or updates (by city and slug) all places in one transaction:
    /// either every record is stored or none is.
    pub async fn upsert_places(&self, places: &[NewPlace]) -> Result<Vec<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let now = now_stamp();
        let mut ids = Vec::with_capacity(places.len());
        for p in places {
            ids.push(upsert_place(&mut tx, p, now).await?);
        }
        let mut cities: Vec<&str> = places.iter().map(|p| p.city.as_str()).collect();
        cities.sort_unstable();
        cities.dedup();
        for city in cities {
            bump_places_version(&mut tx, city).await?;
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// (city, slug) → id for every place, used to link stories.
    pub async fn place_ids(&self) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
        sqlx::query_as("SELECT city, slug, id FROM places").fetch_all(&self.pool).await
    }
}

/// Inserts or updates one place (by city and slug) inside `tx`.
pub(super) async fn upsert_place(
    tx: &mut Tx<'_>,
    p: &NewPlace,
    now: Timestamp,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sql_as!(
        "INSERT INTO places (city, slug, category, name, name_en, address, district, lat, lon, \
             coord_precision, coord_source, phone, email, website, opening_hours, hours_text, \
             languages, wheelchair, sources, source_date, last_verified, status, status_note, \
             search_text, created_at, updated_at) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$25) \
             ON CONFLICT (city, slug) DO UPDATE SET category = excluded.category, \
             name = excluded.name, name_en = excluded.name_en, address = excluded.address, \
             district = excluded.district, lat = excluded.lat, lon = excluded.lon, \
             coord_precision = excluded.coord_precision, coord_source = excluded.coord_source, \
             phone = excluded.phone, email = excluded.email, website = excluded.website, \
             opening_hours = excluded.opening_hours, hours_text = excluded.hours_text, \
             languages = excluded.languages, wheelchair = excluded.wheelchair, \
             sources = excluded.sources, source_date = excluded.source_date, \
             last_verified = excluded.last_verified, status = excluded.status, \
             status_note = excluded.status_note, search_text = excluded.search_text, \
             updated_at = excluded.updated_at \
             RETURNING id",
        (
            &p.city, &p.slug, &p.category, &p.name, &p.name_en, &p.address, &p.district, p.lat,
            p.lon, &p.coord_precision, &p.coord_source, &p.phone, &p.email, &p.website,
            &p.opening_hours, &p.hours_text, Languages::from_codes(&p.languages), &p.wheelchair,
            p.sources.join("\n"), &p.source_date, p.last_verified, p.status, &p.status_note,
            p.search_text(), now,
        )
    )
    .fetch_one(&mut **tx)
    .await?;
    super::texts::sync_texts(tx, super::texts::TextTable::Place, id, &p.descriptions, now).await?;
    Ok(id)
}

/// Tells every app instance that a city's places changed (see `city_snapshot`).
pub(super) async fn bump_places_version(tx: &mut Tx<'_>, city: &str) -> Result<(), sqlx::Error> {
    sql!("UPDATE cities SET places_version = places_version + 1 WHERE slug = $1", (city))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// What an event listing needs to know of a place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceLabel {
    pub slug: String,
    pub name: String,
    pub name_en: String,
    pub address: String,
    pub district: Option<String>,
    pub point: Option<(f64, f64)>,
}

impl Db {
    /// Published places of a city by id (from the snapshot).
    pub async fn place_labels(
        &self,
        city: &str,
    ) -> Result<std::collections::HashMap<i64, PlaceLabel>, sqlx::Error> {
        Ok(self.shared_place_labels(city).await?.as_ref().clone())
    }

    /// `place_labels` without the copy: made once per `places_version`.
    pub async fn shared_place_labels(
        &self,
        city: &str,
    ) -> Result<Arc<std::collections::HashMap<i64, PlaceLabel>>, sqlx::Error> {
        let snapshot = self.city_snapshot(city).await?;
        let labels = snapshot.labels.get_or_init(|| {
            Arc::new(
                snapshot
                    .places
                    .iter()
                    .map(|p| {
                        let r = &p.row;
                        let point = r.lat.zip(r.lon);
                        (
                            r.id,
                            PlaceLabel {
                                slug: r.slug.clone(),
                                name: r.name.clone(),
                                name_en: r.name_en.clone(),
                                address: r.address.clone(),
                                district: r.district.clone(),
                                point,
                            },
                        )
                    })
                    .collect(),
            )
        });
        Ok(Arc::clone(labels))
    }
}
