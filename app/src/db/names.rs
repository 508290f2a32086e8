//! What adding a city and adding a category share: their names per
//! language and the audit entry, written in the caller's transaction.
use super::Tx;
use crate::values::AuditAction;
use crate::values::Timestamp;

/// Which kind of row the names belong to.
#[derive(Clone, Copy)]
pub(super) enum Named {
    City,
    Category,
}

/// Stores `names` (language, name) of the row `key` and an audit entry
/// "added" by `actor` with `details`. Cities and categories have text keys,
/// not numeric ids: the entry names the row in its details.
pub(super) async fn finish_adding(
    tx: &mut Tx<'_>,
    named: Named,
    key: &str,
    names: &[(String, String)],
    actor: Option<i64>,
    details: String,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let (insert, subject_kind) = match named {
        Named::City => ("INSERT INTO city_names (city, lang, name) VALUES ($1, $2, $3)", "city"),
        Named::Category => {
            ("INSERT INTO category_names (category, lang, name) VALUES ($1, $2, $3)", "category")
        }
    };
    for (lang, name) in names {
        sql!(insert, (key, lang, name)).execute(&mut **tx).await?;
    }
    let audit = super::NewAudit::of(actor, subject_kind, 0, AuditAction::Added).details(details);
    super::append_audit(tx, &audit, now).await
}
