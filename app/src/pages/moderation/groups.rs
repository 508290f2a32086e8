//! Community groups' proposed profiles on the moderation page: what the
//! public sees now next to what is proposed, with approve and reject (a
//! message is required to reject). The server checks the moderator's city.
use super::card_list;
use crate::components::review::{DiffTable, ReviewForm};
use crate::forms::use_feedback;
use crate::groups::server::pending_group_profiles;
use crate::groups::{GroupProfile, ProposalItem, DESCRIPTION_FIELDS, DESCRIPTION_LANGS};
use crate::i18n::*;
use crate::locale;
use crate::values::OrganisationStatus;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

#[component]
pub fn GroupProfiles(city: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="group-proposals" id="group-proposals" aria-labelledby="group-proposals-title">
            <h2 id="group-proposals-title">{t!(i18n, moderation_group_profiles)}</h2>
            <crate::pages::Loaded
                load=move || pending_group_profiles(city.clone())
                show=|list| card_list("changes", list, |p| view! { <ProposalCard proposal=p /> }.into_any())
            />
        </section>
    }
}

fn languages_text(i18n: I18nContext<Locale>, p: &GroupProfile) -> String {
    p.languages.iter().map(|c| locale::language_label(i18n, c)).collect::<Vec<_>>().join(", ")
}

fn channels_text(i18n: I18nContext<Locale>, p: &GroupProfile) -> String {
    p.channels
        .iter()
        .map(|c| format!("{}: {}", locale::channel_kind_label(i18n, &c.kind), c.value))
        .collect::<Vec<_>>()
        .join("\n")
}

#[component]
fn ProposalCard(proposal: ProposalItem) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let id = proposal.id.to_string();
    // A refused decision is shown again at the proposal it was for.
    let form_error = (fb.value("proposal") == id)
        .then_some(fb.form_error)
        .flatten()
        .map(|e| locale::form_error(i18n, e));
    let unverified = proposal.organisation_status != OrganisationStatus::Verified;
    let empty = GroupProfile::default();
    let current = proposal.current.as_ref().unwrap_or(&empty);
    let new = &proposal.proposed;
    let mut rows: Vec<(&str, String, String, String)> = vec![
        (
            "languages",
            td_string!(l, group_profile_languages).to_string(),
            languages_text(i18n, current),
            languages_text(i18n, new),
        ),
        (
            "description",
            td_string!(l, group_profile_description).to_string(),
            current.description.clone(),
            new.description.clone(),
        ),
    ];
    let lang_text = |p: &GroupProfile| match p.description_lang.as_str() {
        "" => String::new(),
        code => locale::language_label(i18n, code),
    };
    rows.push((
        "description_lang",
        td_string!(l, group_profile_description_lang).to_string(),
        lang_text(current),
        lang_text(new),
    ));
    // A translation row only where either side has one.
    for (lang, field) in DESCRIPTION_LANGS.iter().zip(DESCRIPTION_FIELDS) {
        let text = |p: &GroupProfile| p.translations.get(*lang).cloned().unwrap_or_default();
        let (old, proposed) = (text(current), text(new));
        if !old.is_empty() || !proposed.is_empty() {
            let label =
                td_string!(l, pf_translation_label, language = locale::language_label(i18n, lang));
            rows.push((field, label.to_string(), old, proposed));
        }
    }
    rows.push((
        "channels",
        td_string!(l, group_profile_channels).to_string(),
        channels_text(i18n, current),
        channels_text(i18n, new),
    ));
    let rows =
        rows.into_iter().map(|(k, label, old, new)| (k.to_string(), label, old, new)).collect();
    let decisions = vec![
        ("/moderation/groups/approve", td_string!(l, moderation_group_approve).to_string(), false),
        ("/moderation/groups/reject", td_string!(l, moderation_reject).to_string(), true),
    ];
    let history = locale::href(
        i18n,
        &format!("/moderation/audit?kind=organisation&id={}", proposal.organisation_id),
    );
    view! {
        <article class="change group-proposal" data-id=id.clone()>
            <h3>{proposal.organisation.clone()}</h3>
            <p>{if proposal.current.is_some() { t!(i18n, group_proposal_change).into_any() } else { t!(i18n, group_proposal_first).into_any() }}
                " · "{crate::cities::label(i18n, &proposal.city)}" · "{proposal.submitted_by.clone()}" · "{proposal.created_at.clone()}</p>
            {unverified.then(|| view! { <p class="notice">{t!(i18n, err_org_not_verified)}</p> })}
            {form_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <DiffTable rows=rows />
            <p><a href=history>{t!(i18n, moderation_history)}</a></p>
            <ReviewForm field="proposal" value=id.clone() item=proposal.organisation.clone() id_prefix="group-message-"
                label=td_string!(l, moderation_group_message).to_string() decisions=decisions feedback=fb />
        </article>
    }
}
