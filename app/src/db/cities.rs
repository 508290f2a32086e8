use super::Db;
use crate::values::City;
use crate::values::Timestamp;
use sqlx::Row;

const CITY_COLUMNS: &str = "slug, name_local, name_en, country, timezone, local_lang, \
     center_lat, center_lon, south, west, north, east, zoom, address_lookup";

fn city_from_row(row: &sqlx::any::AnyRow) -> Result<City, sqlx::Error> {
    Ok(City {
        slug: row.try_get("slug")?,
        name_local: row.try_get("name_local")?,
        name_en: row.try_get("name_en")?,
        country: row.try_get("country")?,
        timezone: row.try_get("timezone")?,
        local_lang: row.try_get("local_lang")?,
        center: [row.try_get("center_lat")?, row.try_get("center_lon")?],
        bounds: [
            row.try_get("south")?,
            row.try_get("west")?,
            row.try_get("north")?,
            row.try_get("east")?,
        ],
        zoom: row.try_get("zoom")?,
        names: Vec::new(),
        address_lookup: row.try_get("address_lookup")?,
    })
}

impl Db {
    pub async fn cities(&self) -> Result<Vec<City>, sqlx::Error> {
        let sql = format!("SELECT {CITY_COLUMNS} FROM cities ORDER BY sort_order, slug");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let mut cities = rows.iter().map(city_from_row).collect::<Result<Vec<_>, _>>()?;
        self.add_names(&mut cities).await?;
        Ok(cities)
    }

    pub async fn city(&self, slug: &str) -> Result<Option<City>, sqlx::Error> {
        let sql = format!("SELECT {CITY_COLUMNS} FROM cities WHERE slug = $1");
        let row = sql!(&sql, (slug)).fetch_optional(&self.pool).await?;
        let mut city: Vec<City> =
            row.as_ref().map(city_from_row).transpose()?.into_iter().collect();
        self.add_names(&mut city).await?;
        Ok(city.pop())
    }

    async fn add_names(&self, cities: &mut [City]) -> Result<(), sqlx::Error> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT city, lang, name FROM city_names ORDER BY city, lang")
                .fetch_all(&self.pool)
                .await?;
        for (slug, lang, name) in rows {
            if let Some(c) = cities.iter_mut().find(|c| c.slug == slug) {
                c.names.push((lang, name));
            }
        }
        Ok(())
    }

    /// Stores a new city, its names and an audit entry (by `actor`; none
    /// from the command line), all or nothing; false when a city with its
    /// slug exists.
    pub async fn add_city(
        &self,
        c: &City,
        actor: Option<i64>,
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let taken: Option<(String,)> =
            sql_as!("SELECT slug FROM cities WHERE slug = $1", (&c.slug))
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Ok(false);
        }
        let (order,): (i64,) =
            sqlx::query_as("SELECT CAST(COALESCE(MAX(sort_order), 0) + 1 AS BIGINT) FROM cities")
                .fetch_one(&mut *tx)
                .await?;
        sql!(
            "INSERT INTO cities (slug, name_local, name_en, country, timezone, local_lang, \
             center_lat, center_lon, south, west, north, east, zoom, sort_order, address_lookup) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
            (
                &c.slug,
                &c.name_local,
                &c.name_en,
                &c.country,
                &c.timezone,
                &c.local_lang,
                c.center[0],
                c.center[1],
                c.bounds[0],
                c.bounds[1],
                c.bounds[2],
                c.bounds[3],
                c.zoom,
                order,
                c.address_lookup.as_deref()
            )
        )
        .execute(&mut *tx)
        .await?;
        let added = format!("{} ({})", c.slug, c.name_local);
        super::names::finish_adding(
            &mut tx,
            super::names::Named::City,
            &c.slug,
            &c.names,
            actor,
            added,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every city with the number of its published places (historical
    /// records left out, as in the lists).
    pub async fn cities_with_counts(&self) -> Result<Vec<(City, i64)>, sqlx::Error> {
        let sql = format!(
            "SELECT {CITY_COLUMNS}, (SELECT COUNT(*) FROM places p \
             WHERE p.city = cities.slug AND p.status = 'published' AND p.historical = 0) AS n \
             FROM cities ORDER BY sort_order, slug"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok((city_from_row(r)?, r.try_get::<i64, _>("n")?))).collect()
    }
}
