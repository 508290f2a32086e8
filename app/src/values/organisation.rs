//! An organisation (an NGO or a community group) as its row reads: the data
//! layer returns it and the moderators' queue shows it as it is.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub legal_form: String,
    pub registration_no: String,
    pub website: Option<String>,
    pub contact_person: String,
    pub city: super::CitySlug,
    pub status: super::OrganisationStatus,
    pub status_note: Option<String>,
    /// ngo | community_group
    pub kind: String,
}
