//! Volunteering opportunities and interest requests (personal data: only
//! the organisation's members read them; see volunteering::interest).
use super::accounts::{queue_message, NewMessage};
use super::Tx;
use super::{now_stamp, Db};
use crate::values::CitySlug;
use crate::values::Languages;
use crate::values::{Day, Timestamp};
use sqlx::FromRow;

#[derive(Clone, Debug, PartialEq, FromRow)]
pub struct OpportunityRow {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub organisation_id: Option<i64>,
    pub organiser: Option<String>,
    pub place_id: Option<i64>,
    pub title: String,
    pub title_en: String,
    /// JSON: language → title (see locale::content::pick_title).
    pub title_translations: String,
    pub location_kind: String,
    pub address: Option<String>,
    pub district: Option<String>,
    pub schedule_kind: String,
    pub date: Option<Day>,
    pub schedule_text: Option<String>,
    pub skills: String,
    pub languages: Languages,
    #[sqlx(try_from = "crate::values::Flag")]
    pub no_czech: bool,
    pub audience: String,
    pub min_age: Option<i64>,
    pub contact: Option<String>,
    pub registration_url: Option<String>,
    pub deadline: Option<Day>,
    pub status: crate::values::Publication,
    pub sources: String,
    pub search_text: String,
    pub updated_at: Timestamp,
    /// YYYY-MM-DD; until first confirmed, the day it was last written.
    pub last_verified: Option<Day>,
}

impl OpportunityRow {
    pub fn language_list(&self) -> Vec<String> {
        self.languages.codes()
    }
}

const COLUMNS: &str = "id, city, slug, organisation_id, organiser, place_id, title, title_en, \
     title_translations, location_kind, address, district, schedule_kind, date, schedule_text, skills, languages, \
     no_czech, audience, min_age, contact, registration_url, deadline, status, sources, \
     search_text, updated_at, COALESCE(last_verified, substr(updated_at, 1, 10)) AS last_verified";

impl super::StoredRow for OpportunityRow {
    const KIND: crate::values::ListingKind = crate::values::ListingKind::Opportunity;
    const COLUMNS: &'static str = COLUMNS;
    const PUBLIC: &'static str = "status = 'published'";
    const ORDER: &'static str = "title";
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewOpportunity {
    pub city: CitySlug,
    pub slug: String,
    pub organisation_id: Option<i64>,
    pub organiser: Option<String>,
    pub place_id: Option<i64>,
    pub title: String,
    pub title_en: String,
    pub title_translations: std::collections::BTreeMap<String, String>,
    pub location_kind: String,
    pub address: Option<String>,
    pub district: Option<String>,
    pub schedule_kind: String,
    pub date: Option<Day>,
    pub schedule_text: Option<String>,
    pub skills: String,
    pub languages: Vec<String>,
    pub no_czech: bool,
    pub audience: String,
    pub min_age: Option<i64>,
    pub contact: Option<String>,
    pub registration_url: Option<String>,
    pub deadline: Option<Day>,
    pub sources: Vec<String>,
    pub search_text: String,
    pub descriptions: Vec<(String, String)>,
    /// Its needs (see `crate::needs`); None leaves the stored ones as they
    /// are.
    pub needs: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, FromRow)]
pub struct InterestRow {
    pub id: i64,
    pub opportunity_id: i64,
    pub name: String,
    pub contact: String,
    pub languages: String,
    pub message: String,
    pub created_at: Timestamp,
    pub delete_after: Timestamp,
}

pub struct NewInterest<'a> {
    pub opportunity_id: i64,
    pub name: &'a str,
    pub contact: &'a str,
    pub languages: &'a str,
    pub message: &'a str,
    pub withdraw_hash: &'a str,
    pub delete_after: Timestamp,
}

pub(super) async fn upsert_opportunity(
    tx: &mut Tx<'_>,
    o: &NewOpportunity,
    now: Timestamp,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sql_as!(
        "INSERT INTO opportunities (city, slug, organisation_id, organiser, place_id, title, title_en, \
         location_kind, address, district, schedule_kind, date, schedule_text, skills, languages, \
         no_czech, audience, min_age, contact, registration_url, deadline, sources, search_text, \
         title_translations, created_at, updated_at) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$25) \
         ON CONFLICT (city, slug) DO UPDATE SET organisation_id = excluded.organisation_id, \
         organiser = excluded.organiser, place_id = excluded.place_id, title = excluded.title, \
         title_en = excluded.title_en, location_kind = excluded.location_kind, \
         address = excluded.address, district = excluded.district, \
         schedule_kind = excluded.schedule_kind, date = excluded.date, \
         schedule_text = excluded.schedule_text, skills = excluded.skills, \
         languages = excluded.languages, no_czech = excluded.no_czech, \
         audience = excluded.audience, min_age = excluded.min_age, contact = excluded.contact, \
         registration_url = excluded.registration_url, deadline = excluded.deadline, \
         sources = excluded.sources, search_text = excluded.search_text, \
         title_translations = excluded.title_translations, \
         updated_at = excluded.updated_at RETURNING id",
        (
            &o.city, &o.slug, o.organisation_id, &o.organiser, o.place_id, &o.title, &o.title_en,
            &o.location_kind, &o.address, &o.district, &o.schedule_kind, o.date, &o.schedule_text,
            &o.skills, Languages::from_codes(&o.languages), crate::values::Flag(o.no_czech),
            &o.audience, o.min_age, &o.contact, &o.registration_url, o.deadline,
            o.sources.join("\n"), &o.search_text,
            crate::values::translations_to_json(&o.title_translations), now,
        )
    )
    // See events.rs: typed NULLs over the Any driver and cached statements.
    .persistent(false)
    .fetch_one(&mut **tx)
    .await?;
    super::texts::sync_texts(tx, super::texts::TextTable::Opportunity, id, &o.descriptions, now)
        .await?;
    super::needs::write(tx, crate::values::ListingKind::Opportunity, id, o.needs.as_deref())
        .await?;
    Ok(id)
}

impl Db {
    pub async fn upsert_opportunities(
        &self,
        list: &[NewOpportunity],
    ) -> Result<Vec<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let now = now_stamp();
        let mut ids = Vec::new();
        for o in list {
            ids.push(upsert_opportunity(&mut tx, o, now).await?);
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// A city's published opportunities (the page and the API filter them).
    pub async fn published_opportunities(
        &self,
        city: &str,
    ) -> Result<Vec<OpportunityRow>, sqlx::Error> {
        let sql = format!("SELECT {COLUMNS} FROM opportunities WHERE city = $1 AND status = 'published' ORDER BY id");
        sql_as!(&sql, (city)).fetch_all(&self.pool).await
    }

    /// Stores a request and the organisation's notifications together.
    pub async fn add_interest(
        &self,
        i: &NewInterest<'_>,
        notes: &[NewMessage],
        now: Timestamp,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let (id,): (i64,) = sql_as!(
            "INSERT INTO interest_requests (opportunity_id, name, contact, languages, message, \
             consent_at, withdraw_hash, created_at, delete_after) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8) RETURNING id",
            (
                i.opportunity_id,
                i.name,
                i.contact,
                i.languages,
                i.message,
                now,
                i.withdraw_hash,
                i.delete_after
            )
        )
        .fetch_one(&mut *tx)
        .await?;
        for n in notes {
            queue_message(&mut tx, n, now).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Deletes the request the withdrawal token belongs to; false if none.
    pub async fn withdraw_interest(&self, hash: &str) -> Result<bool, sqlx::Error> {
        let done = sql!("DELETE FROM interest_requests WHERE withdraw_hash = $1", (hash))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn interest_exists(&self, hash: &str) -> Result<bool, sqlx::Error> {
        let row: Option<(i64,)> =
            sql_as!("SELECT id FROM interest_requests WHERE withdraw_hash = $1", (hash))
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }

    /// Requests for an organisation's opportunities, newest first.
    pub async fn interest_for_organisation(
        &self,
        org: i64,
    ) -> Result<Vec<(InterestRow, String)>, sqlx::Error> {
        let rows: Vec<InterestRow> = sql_as!(
            "SELECT r.id, r.opportunity_id, r.name, r.contact, r.languages, r.message, r.created_at, \
             r.delete_after FROM interest_requests r JOIN opportunities o ON o.id = r.opportunity_id \
             WHERE o.organisation_id = $1 ORDER BY r.id DESC",
            (org)
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let title = self
                .row_by_id::<crate::db::OpportunityRow>(r.opportunity_id)
                .await?
                .map(|o| o.title)
                .unwrap_or_default();
            out.push((r, title));
        }
        Ok(out)
    }

    /// Deletes requests kept past their time; returns how many.
    pub async fn purge_interest(&self, now: Timestamp) -> Result<u64, sqlx::Error> {
        let done = sql!("DELETE FROM interest_requests WHERE delete_after <= $1", (now))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    pub async fn count_interest(&self) -> Result<i64, sqlx::Error> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM interest_requests").fetch_one(&self.pool).await?;
        Ok(n)
    }
}
