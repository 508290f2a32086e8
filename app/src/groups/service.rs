//! Group profiles: members propose, a moderator of the group's city (or an
//! admin) approves or rejects, the public page lists what was approved for
//! verified groups. Every function that changes something checks who is
//! asking; refusals change nothing.
use super::model::*;
use super::profile::parse_profile;
use crate::accounts::model::{FieldError, FieldErrors, FormError};
use crate::accounts::session::CurrentUser;
use crate::db::{ApprovedProfileRow, ChannelRow, Db, NewMessage, ProfileData};
use crate::error::AppError;
use crate::http::form_post::{id_field, FormRefusal, FormValues};
use crate::i18n::td_string;
use crate::values::Organisation;
use crate::values::OrganisationStatus;
use crate::values::ReviewState;
use crate::values::Timestamp;
use chrono::{DateTime, Utc};
use leptos_i18n::Locale as _;

/// The moderator's message is kept and mailed; this is plenty.
const MESSAGE_MAX_CHARS: usize = 2000;

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(e.to_string())
}

/// `org` if `user` is one of its members, it is a community group and it
/// is not suspended (a suspended organisation publishes nothing).
pub async fn own_group(
    db: &Db,
    user: &CurrentUser,
    org: i64,
) -> Result<Option<Organisation>, sqlx::Error> {
    Ok(db.organisations_of(user.id).await?.into_iter().find(|o| {
        o.id == org && o.kind == KIND_COMMUNITY_GROUP && o.status != OrganisationStatus::Suspended
    }))
}

/// Stores the form as the group's proposed profile, for review.
pub async fn submit_profile(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let org_id = id_field(values, "organisation").ok_or(FormRefusal::Forbidden)?;
    let org = own_group(db, user, org_id).await?.ok_or(FormRefusal::Forbidden)?;
    let profile = parse_profile(values).map_err(FormRefusal::Fields)?;
    let data = serde_json::to_string(&profile).map_err(internal)?;
    Ok(db.submit_group_proposal(org.id, user.id, &data, Timestamp::from(now)).await?)
}

/// A stored proposal's profile.
pub fn parse_stored(data: &str) -> Result<GroupProfile, AppError> {
    serde_json::from_str(data).map_err(internal)
}

/// The approved profile as the form and the diff see it.
pub fn approved_profile(row: &ApprovedProfileRow, channels: &[ChannelRow]) -> GroupProfile {
    GroupProfile {
        languages: row.language_list(),
        description: row.description.clone().unwrap_or_default(),
        description_lang: row.description_lang.clone().unwrap_or_default(),
        translations: crate::locale::content::translations_from_json(&row.translations),
        channels: channels
            .iter()
            .map(|c| Channel { kind: c.kind.clone(), value: c.value.clone() })
            .collect(),
    }
}

fn to_data(p: &GroupProfile) -> ProfileData {
    ProfileData {
        languages: p.languages.clone(),
        description: p.description.clone(),
        description_lang: Some(p.description_lang.clone()).filter(|l| !l.is_empty()),
        translations: p.translations.clone(),
        channels: p.channels.iter().map(|c| (c.kind.clone(), c.value.clone())).collect(),
    }
}

fn channels_text(p: &GroupProfile) -> String {
    p.channels.iter().map(|c| format!("{} {}", c.kind, c.value)).collect::<Vec<_>>().join("; ")
}

/// What changes, as audit text: one "field: old → new" per changed field.
pub fn diff_text(current: Option<&GroupProfile>, proposed: &GroupProfile) -> String {
    let empty = GroupProfile::default();
    let current = current.unwrap_or(&empty);
    let mut lines = Vec::new();
    let mut row = |field: &str, a: String, b: String| {
        if a != b {
            lines.push(format!("{field}: {a} → {b}"));
        }
    };
    row("languages", current.languages.join(","), proposed.languages.join(","));
    row("description", current.description.clone(), proposed.description.clone());
    row("description_lang", current.description_lang.clone(), proposed.description_lang.clone());
    for (lang, field) in DESCRIPTION_LANGS.iter().zip(DESCRIPTION_FIELDS) {
        let text = |p: &GroupProfile| p.translations.get(*lang).cloned().unwrap_or_default();
        row(field, text(current), text(proposed));
    }
    row("channels", channels_text(current), channels_text(proposed));
    lines.join("\n")
}

pub enum ProfileDecision {
    Approve,
    Reject,
}

/// A moderator's decision on a pending proposal. Rejecting needs a
/// message; approving needs the organisation verified (as for listings).
/// Every member of the group is told, in their language.
pub async fn review_profile(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    decision: ProfileDecision,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let proposal = match id_field(values, "proposal") {
        Some(id) => db.group_proposal(id).await?,
        None => None,
    }
    .ok_or(FormRefusal::Forbidden)?;
    let org = db.organisation(proposal.organisation_id).await?.ok_or(FormRefusal::Forbidden)?;
    if !user.can_moderate(&org.city) {
        return Err(FormRefusal::Forbidden);
    }
    if proposal.state != ReviewState::Pending {
        return Err(FormRefusal::Form(FormError::AlreadyDecided));
    }
    let message = values.get("message").map(|m| m.trim()).unwrap_or("");
    if message.chars().count() > MESSAGE_MAX_CHARS {
        return Err(FormRefusal::Fields(FieldErrors::from([("message", FieldError::TooLong)])));
    }
    if matches!(decision, ProfileDecision::Reject) && message.is_empty() {
        return Err(FormRefusal::Fields(FieldErrors::from([("message", FieldError::Required)])));
    }
    let proposed = parse_stored(&proposal.data)?;
    let stamp = Timestamp::from(now);
    let mut messages = Vec::new();
    for (email, lang) in db.members_of(org.id).await? {
        let locale = crate::locale::parse(&lang).unwrap_or_default();
        let dashboard =
            format!("{base_url}/{}/dashboard/group?organisation={}", locale.as_str(), org.id);
        let body = match decision {
            ProfileDecision::Approve => td_string!(
                locale,
                mail_group_profile_approved_body,
                organisation = org.name.clone(),
                page = format!("{base_url}/{}/{}/communities", locale.as_str(), org.city),
                message = message.to_string(),
                link = dashboard
            )
            .to_string(),
            ProfileDecision::Reject => td_string!(
                locale,
                mail_group_profile_rejected_body,
                organisation = org.name.clone(),
                message = message.to_string(),
                link = dashboard
            )
            .to_string(),
        };
        messages.push(NewMessage {
            recipient: email,
            subject: td_string!(
                locale,
                mail_group_profile_subject,
                organisation = org.name.clone()
            )
            .to_string(),
            body,
        });
    }
    let done = match decision {
        ProfileDecision::Reject => {
            db.reject_group_proposal(proposal.id, org.id, message, user.id, &messages, stamp)
                .await?
        }
        ProfileDecision::Approve => {
            if org.status != OrganisationStatus::Verified {
                return Err(FormRefusal::Form(FormError::OrganisationNotVerified));
            }
            let current = db
                .approved_group_profile(org.id)
                .await?
                .map(|(row, channels)| approved_profile(&row, &channels));
            let diff = diff_text(current.as_ref(), &proposed);
            let note = Some(message).filter(|m| !m.is_empty());
            let city = db.city(&org.city).await?.ok_or(FormRefusal::Forbidden)?;
            db.approve_group_proposal(
                proposal.id,
                org.id,
                &to_data(&proposed),
                &diff,
                note,
                user.id,
                &messages,
                stamp,
                city.today(now),
            )
            .await?
        }
    };
    if done {
        Ok(())
    } else {
        Err(FormRefusal::Form(FormError::AlreadyDecided))
    }
}

/// Where the group's profile stands, for its members.
pub async fn status(db: &Db, org: &Organisation) -> Result<GroupProfileStatus, AppError> {
    let approved_row = db.approved_group_profile(org.id).await?;
    let approved = approved_row.is_some();
    let latest =
        db.latest_group_proposal(org.id).await?.filter(|p| p.state != ReviewState::Superseded);
    Ok(GroupProfileStatus {
        organisation_id: org.id,
        approved,
        public: approved && org.status == OrganisationStatus::Verified,
        latest_state: latest.as_ref().map(|p| p.state),
        latest_message: latest.and_then(|p| p.message),
        city: org.city.clone(),
        last_verified: approved_row.and_then(|(row, _)| row.last_verified).map(|d| d.to_string()),
    })
}

/// What the profile form starts from: the pending proposal (the members
/// keep editing what they sent), else the approved profile, else nothing.
pub async fn form(db: &Db, org: &Organisation) -> Result<GroupProfileForm, AppError> {
    let status = status(db, org).await?;
    let pending = match db.latest_group_proposal(org.id).await? {
        Some(p) if p.state == ReviewState::Pending || p.state == ReviewState::Rejected => {
            Some(parse_stored(&p.data)?)
        }
        _ => None,
    };
    let profile = match pending {
        Some(p) => p,
        None => db
            .approved_group_profile(org.id)
            .await?
            .map(|(row, channels)| approved_profile(&row, &channels))
            .unwrap_or_default(),
    };
    Ok(GroupProfileForm {
        organisation_id: org.id,
        name: org.name.clone(),
        city: org.city.clone(),
        profile,
        status,
    })
}

/// Pending proposals of `city` (None: every city), each with the approved
/// profile it would replace.
pub async fn pending(db: &Db, city: Option<&str>) -> Result<Vec<ProposalItem>, AppError> {
    let mut items = Vec::new();
    for p in db.pending_group_proposals(city).await? {
        let Some(org) = db.organisation(p.organisation_id).await? else {
            continue;
        };
        let current = db
            .approved_group_profile(org.id)
            .await?
            .map(|(row, channels)| approved_profile(&row, &channels));
        let submitted_by =
            db.user_by_id(p.submitted_by).await?.map(|u| u.display_name).unwrap_or_default();
        items.push(ProposalItem {
            id: p.id,
            organisation_id: org.id,
            organisation: org.name,
            organisation_status: org.status,
            city: org.city,
            submitted_by,
            created_at: p.created_at.to_string(),
            current,
            proposed: parse_stored(&p.data)?,
        });
    }
    Ok(items)
}

/// The public page: verified groups with an approved profile, one section
/// per language (a group appears under each language it uses), or only
/// the section of `lang_used` when that is a language we know.
pub async fn communities(
    db: &Db,
    city: &str,
    lang_used: &str,
    visitor: &str,
    share_url: String,
) -> Result<CommunitiesView, AppError> {
    let city = db.city(city).await?.ok_or(AppError::NotFound)?;
    let (rows, channels) = db.public_groups(&city.slug).await?;
    let cards: Vec<GroupCard> = rows
        .into_iter()
        .map(|r| {
            let (description, description_lang, description_fallback) =
                approved_profile(&r, &[]).description_for(visitor);
            GroupCard {
                id: r.id,
                name: r.name.clone(),
                languages: r.language_list(),
                description: Some(description).filter(|d| !d.trim().is_empty()),
                description_lang,
                description_fallback,
                channels: channels
                    .iter()
                    .filter(|c| c.organisation_id == r.id)
                    .map(|c| Channel { kind: c.kind.clone(), value: c.value.clone() })
                    .collect(),
                sources: r.source_list(),
            }
        })
        .collect();
    let lang_used = lang_used.trim();
    let known = LANGUAGES.contains(&lang_used);
    let ignored = !lang_used.is_empty() && !known;
    let languages_used: Vec<String> = LANGUAGES
        .iter()
        .filter(|l| cards.iter().any(|c| c.languages.iter().any(|x| x == *l)))
        .map(|l| l.to_string())
        .collect();
    let shown: Vec<String> =
        if known { vec![lang_used.to_string()] } else { languages_used.clone() };
    let sections = shown
        .into_iter()
        .map(|code| LanguageSection {
            groups: cards.iter().filter(|c| c.languages.contains(&code)).cloned().collect(),
            code,
        })
        .collect();
    Ok(CommunitiesView {
        city: city.slug,
        sections,
        lang_used: known.then(|| lang_used.to_string()),
        ignored,
        languages_used,
        group_count: cards.len(),
        share_url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(langs: &[&str], description: &str, channels: &[(&str, &str)]) -> GroupProfile {
        GroupProfile {
            description_lang: String::new(),
            translations: Default::default(),
            languages: langs.iter().map(|s| s.to_string()).collect(),
            description: description.into(),
            channels: channels
                .iter()
                .map(|(k, v)| Channel { kind: k.to_string(), value: v.to_string() })
                .collect(),
        }
    }

    #[test]
    fn diff_lists_changed_fields_only() {
        let mut translated = profile(&["uk"], "Same", &[]);
        translated.description_lang = "uk".into();
        translated.translations.insert("en".into(), "Hello".into());
        assert_eq!(
            diff_text(Some(&profile(&["uk"], "Same", &[])), &translated),
            "description_lang:  → uk\ndescription_en:  → Hello"
        );
        let old = profile(&["uk"], "Same", &[("telegram", "https://t.me/a")]);
        let new = profile(&["uk", "ru"], "Same", &[("telegram", "https://t.me/b")]);
        assert_eq!(
            diff_text(Some(&old), &new),
            "languages: uk → uk,ru\nchannels: telegram https://t.me/a → telegram https://t.me/b"
        );
        assert_eq!(
            diff_text(None, &profile(&["vi"], "Hi", &[])),
            "languages:  → vi\ndescription:  → Hi"
        );
    }
}
