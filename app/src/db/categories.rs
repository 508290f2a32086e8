use super::Db;
use crate::values::Category;
use crate::values::ListingKind;
use crate::values::Timestamp;

impl Db {
    /// Every category with its names: place categories, then event
    /// categories, each in their order.
    pub async fn categories(&self) -> Result<Vec<Category>, sqlx::Error> {
        let keys: Vec<(String, ListingKind)> = sqlx::query_as(
            "SELECT key, listing_kind FROM categories ORDER BY listing_kind DESC, sort_order, key",
        )
        .fetch_all(&self.pool)
        .await?;
        let names: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT category, lang, name FROM category_names ORDER BY category, lang",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(keys
            .into_iter()
            .map(|(key, kind)| Category {
                kind,
                names: names
                    .iter()
                    .filter(|(c, _, _)| *c == key)
                    .map(|(_, l, n)| (l.clone(), n.clone()))
                    .collect(),
                key,
            })
            .collect())
    }

    /// The keys of the categories of `kind`.
    pub async fn category_keys(&self, kind: ListingKind) -> Result<Vec<String>, sqlx::Error> {
        Ok(self.categories().await?.into_iter().filter(|c| c.kind == kind).map(|c| c.key).collect())
    }

    /// Stores a new category after the others of its kind, its names and an audit entry
    /// (by `actor`; none from the command line), all or nothing; false when
    /// the key is taken.
    pub async fn add_category(
        &self,
        c: &Category,
        actor: Option<i64>,
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let taken: Option<(String,)> =
            sql_as!("SELECT key FROM categories WHERE key = $1", (&c.key))
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Ok(false);
        }
        sql!(
            "INSERT INTO categories (key, listing_kind, sort_order) \
             SELECT $1, $2, CAST(COALESCE(MAX(sort_order), 0) + 1 AS BIGINT) FROM categories \
             WHERE listing_kind = $2",
            (&c.key, c.kind)
        )
        .execute(&mut *tx)
        .await?;
        super::names::finish_adding(
            &mut tx,
            super::names::Named::Category,
            &c.key,
            &c.names,
            actor,
            c.key.clone(),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
