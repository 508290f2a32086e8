//! What every listing table answers alike: a row by id, a public row by its
//! address, an organisation's rows, and the descriptions per language.
use super::texts::TextTable;
use super::Db;
use crate::values::ListingKind;
use sqlx::any::AnyRow;

/// A kind of listing's stored row.
pub trait StoredRow: for<'r> sqlx::FromRow<'r, AnyRow> + Send + Unpin + 'static {
    const KIND: ListingKind;
    /// The SELECT list that reads the row.
    const COLUMNS: &'static str;
    /// Which rows a visitor may open by address (a past or called-off event
    /// keeps its page; a place or opportunity must be published).
    const PUBLIC: &'static str;
    /// How an organisation's rows are listed.
    const ORDER: &'static str;
}

fn table<T: StoredRow>() -> &'static str {
    T::KIND.plural()
}

impl Db {
    /// A listing whatever its status (for its organisation and moderators).
    pub async fn row_by_id<T: StoredRow>(&self, id: i64) -> Result<Option<T>, sqlx::Error> {
        let sql = format!("SELECT {} FROM {} WHERE id = $1", T::COLUMNS, table::<T>());
        sql_as!(&sql, (id)).fetch_optional(&self.pool).await
    }

    /// A listing by its address, if a visitor may see it.
    pub async fn public_row<T: StoredRow>(
        &self,
        city: &str,
        slug: &str,
    ) -> Result<Option<T>, sqlx::Error> {
        let (columns, public) = (T::COLUMNS, T::PUBLIC);
        let sql = format!(
            "SELECT {columns} FROM {} WHERE city = $1 AND slug = $2 AND {public}",
            table::<T>()
        );
        sql_as!(&sql, (city, slug)).fetch_optional(&self.pool).await
    }

    /// An organisation's listings of a kind, whatever their status.
    pub async fn rows_of_organisation<T: StoredRow>(
        &self,
        org: i64,
    ) -> Result<Vec<T>, sqlx::Error> {
        let (columns, order) = (T::COLUMNS, T::ORDER);
        let sql = format!(
            "SELECT {columns} FROM {} WHERE organisation_id = $1 ORDER BY {order}",
            table::<T>()
        );
        sql_as!(&sql, (org)).fetch_all(&self.pool).await
    }

    /// (language, text) of a listing's descriptions.
    pub async fn descriptions(
        &self,
        kind: ListingKind,
        id: i64,
    ) -> Result<Vec<(String, String)>, sqlx::Error> {
        let (table, key) = TextTable::from(kind).table_and_key();
        let sql = format!("SELECT lang, body FROM {table} WHERE {key} = $1 ORDER BY lang");
        sql_as!(&sql, (id)).fetch_all(&self.pool).await
    }
}
