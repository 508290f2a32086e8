use super::Tx;
use super::{now_stamp, Db};
use crate::error::AppError;
use crate::search;
use crate::search::engine::{Doc, Engine, Query};
use crate::values::CitySlug;
use crate::values::Languages;
use crate::values::{Day, Timestamp};
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
    /// Known from an older source, probably closed: shown only on request.
    #[sqlx(try_from = "crate::values::Flag")]
    pub historical: bool,
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
     wheelchair, sources, source_date, last_verified, status, historical";

impl super::StoredRow for PlaceRow {
    const KIND: crate::values::ListingKind = crate::values::ListingKind::Place;
    const COLUMNS: &'static str = PLACE_COLUMNS;
    const PUBLIC: &'static str = "status = 'published'";
    const ORDER: &'static str = "name";
}

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
    /// Its needs (see `crate::needs`); None leaves the stored ones as
    /// they are (a form that does not ask for them).
    pub needs: Option<Vec<String>>,
    /// See `PlaceRow::historical`.
    pub historical: bool,
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
    /// Also historical records (see `PlaceRow::historical`).
    pub historical: bool,
    /// Places that meet this need: tagged with it, or untagged and of a
    /// category that meets it.
    pub need: Option<String>,
}

impl PlaceFilter {
    fn matches(&self, row: &PlaceRow, needs: Option<&Vec<String>>) -> bool {
        let meets = |need: &String| match needs {
            Some(tags) => tags.contains(need),
            None => crate::needs::of_category(&row.category).any(|n| &n.key == need),
        };
        (self.historical || !row.historical)
            && self.need.as_ref().is_none_or(meets)
            && self.category.as_ref().is_none_or(|c| &row.category == c)
            && self.district.as_ref().is_none_or(|d| row.district.as_ref() == Some(d))
            && self.lang.as_ref().is_none_or(|l| row.languages.contains(l))
            && (!self.wheelchair || row.wheelchair.as_deref() == Some("yes"))
    }
}

/// One city's published places in list order, as of `version`.
#[derive(Debug)]
pub(crate) struct CitySnapshot {
    version: i64,
    places: Vec<PlaceRow>,
    /// The places' labels by id, made on first use (event listings read
    /// them on every request).
    labels: std::sync::OnceLock<Arc<std::collections::HashMap<i64, PlaceLabel>>>,
    /// The search index of these places, made on the first search.
    engine: tokio::sync::OnceCell<Arc<Engine>>,
    /// The needs each place is tagged with (see `crate::needs`).
    needs: std::collections::HashMap<i64, Vec<String>>,
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
        Ok(snapshot
            .places
            .iter()
            .filter(|p| f.matches(p, snapshot.needs.get(&p.id)))
            .cloned()
            .collect())
    }

    /// Published places of a city found by `q` and matching `f`, best
    /// match first (see `search::engine`).
    pub async fn search_places(
        &self,
        city: &str,
        q: &Query,
        f: &PlaceFilter,
    ) -> Result<Vec<PlaceRow>, AppError> {
        let snapshot = self.city_snapshot(city).await?;
        let engine = snapshot
            .engine
            .get_or_try_init(|| async {
                let started = std::time::Instant::now();
                let docs = self.search_docs(city, &snapshot).await?;
                let engine = Engine::build(&docs)?;
                let (count, bytes) = engine.size();
                tracing::info!(
                    "search index for {city} (version {}): {count} places, {:.2} MB, built in {} ms",
                    snapshot.version,
                    bytes as f64 / 1e6,
                    started.elapsed().as_millis()
                );
                Ok::<_, AppError>(Arc::new(engine))
            })
            .await?;
        let by_id: std::collections::HashMap<i64, &PlaceRow> =
            snapshot.places.iter().map(|p| (p.id, p)).collect();
        Ok(engine
            .search(q, snapshot.places.len())?
            .iter()
            .filter_map(|hit| by_id.get(&hit.id).copied())
            .filter(|p| f.matches(p, snapshot.needs.get(&p.id)))
            .cloned()
            .collect())
    }

    /// `column` of `table` (keyed by `place_id`) for every published place
    /// of `city`, by place.
    async fn of_published_places(
        &self,
        table: &str,
        column: &str,
        city: &str,
    ) -> Result<std::collections::HashMap<i64, Vec<String>>, sqlx::Error> {
        let rows: Vec<(i64, String)> = sql_as!(
            &format!(
                "SELECT t.place_id, t.{column} FROM {table} t \
                 JOIN places p ON p.id = t.place_id WHERE p.city = $1 AND p.status = 'published'"
            ),
            (city)
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_place = std::collections::HashMap::<i64, Vec<String>>::new();
        for (id, value) in rows {
            by_place.entry(id).or_default().push(value);
        }
        Ok(by_place)
    }

    /// What the search index holds of `places`: names, needs and category
    /// names in every language, address and district, every description.
    async fn search_docs(
        &self,
        city: &str,
        snapshot: &CitySnapshot,
    ) -> Result<Vec<Doc>, sqlx::Error> {
        let texts = self.of_published_places("place_descriptions", "body", city).await?;
        let categories = self.categories().await?;
        Ok(snapshot
            .places
            .iter()
            .map(|p| Doc {
                id: p.id,
                names: vec![p.name.clone(), p.name_en.clone()],
                needs: snapshot
                    .needs
                    .get(&p.id)
                    .into_iter()
                    .flatten()
                    .flat_map(|need| crate::needs::search_text(need))
                    .collect(),
                // The category's names, and the needs it stands for: below
                // the place's own needs, which say more.
                topics: categories
                    .iter()
                    .filter(|c| c.key == p.category)
                    .flat_map(|c| c.names.iter().map(|(_, n)| n.clone()))
                    .chain(
                        crate::needs::of_category(&p.category)
                            .flat_map(|n| crate::needs::search_text(&n.key)),
                    )
                    .collect(),
                address: [Some(p.address.clone()), p.district.clone()]
                    .into_iter()
                    .flatten()
                    .collect(),
                texts: texts.get(&p.id).cloned().unwrap_or_default(),
            })
            .collect())
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
                engine: Default::default(),
                needs: Default::default(),
            }));
        };
        if let Some(s) = self.cached_snapshot(city) {
            if s.version == version {
                return Ok(s);
            }
        }
        let sql =
            format!("SELECT {PLACE_COLUMNS} FROM places WHERE city = $1 AND status = 'published'");
        let mut places: Vec<PlaceRow> =
            sqlx::query_as(&sql).bind(city).fetch_all(&self.pool).await?;
        places.sort_by_cached_key(|p| (search::normalize(&p.name_en), p.id));
        let needs = self.needs_in_city(crate::values::ListingKind::Place, city).await?;
        let snapshot = Arc::new(CitySnapshot {
            version,
            places,
            labels: Default::default(),
            engine: Default::default(),
            needs,
        });
        if let Ok(mut cache) = self.places_cache.lock() {
            cache.insert(city.to_string(), snapshot.clone());
        }
        Ok(snapshot)
    }

    fn cached_snapshot(&self, city: &str) -> Option<Arc<CitySnapshot>> {
        self.places_cache.lock().ok()?.get(city).cloned()
    }

    /// Districts of a city's published places, sorted.
    pub async fn districts(&self, city: &str) -> Result<Vec<String>, sqlx::Error> {
        let snapshot = self.city_snapshot(city).await?;
        let mut all: Vec<String> =
            snapshot.places.iter().filter_map(|p| p.district.clone()).collect();
        all.sort();
        all.dedup();
        Ok(all)
    }

    /// Distinct languages spoken at a city's published places.
    pub async fn languages(&self, city: &str) -> Result<Vec<String>, sqlx::Error> {
        let snapshot = self.city_snapshot(city).await?;
        let mut all: Vec<String> =
            snapshot.places.iter().flat_map(|p| p.languages.codes()).collect();
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
             search_text, created_at, updated_at, historical) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$25,$26) \
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
             updated_at = excluded.updated_at, historical = excluded.historical \
             RETURNING id",
        (
            &p.city, &p.slug, &p.category, &p.name, &p.name_en, &p.address, &p.district, p.lat,
            p.lon, &p.coord_precision, &p.coord_source, &p.phone, &p.email, &p.website,
            &p.opening_hours, &p.hours_text, Languages::from_codes(&p.languages), &p.wheelchair,
            p.sources.join("\n"), &p.source_date, p.last_verified, p.status, &p.status_note,
            p.search_text(), now, crate::values::Flag(p.historical),
        )
    )
    .fetch_one(&mut **tx)
    .await?;
    super::texts::sync_texts(tx, super::texts::TextTable::Place, id, &p.descriptions, now).await?;
    super::needs::write(tx, crate::values::ListingKind::Place, id, p.needs.as_deref()).await?;
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
                        let r = p;
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
