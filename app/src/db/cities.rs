use super::Db;
use crate::cities::City;
use sqlx::Row;

const CITY_COLUMNS: &str = "slug, name_local, name_en, country, timezone, local_lang, \
     center_lat, center_lon, south, west, north, east, zoom";

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
    })
}

impl Db {
    pub async fn cities(&self) -> Result<Vec<City>, sqlx::Error> {
        let sql = format!("SELECT {CITY_COLUMNS} FROM cities ORDER BY sort_order, slug");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(city_from_row).collect()
    }

    pub async fn city(&self, slug: &str) -> Result<Option<City>, sqlx::Error> {
        let sql = format!("SELECT {CITY_COLUMNS} FROM cities WHERE slug = $1");
        let row = sqlx::query(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(city_from_row).transpose()
    }

    /// Every city with the number of its published places.
    pub async fn cities_with_counts(&self) -> Result<Vec<(City, i64)>, sqlx::Error> {
        let sql = format!(
            "SELECT {CITY_COLUMNS}, (SELECT COUNT(*) FROM places p \
             WHERE p.city = cities.slug AND p.status = 'published') AS n \
             FROM cities ORDER BY sort_order, slug"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((city_from_row(r)?, r.try_get::<i64, _>("n")?)))
            .collect()
    }
}
