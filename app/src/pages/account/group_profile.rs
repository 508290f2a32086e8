//! A community group's profile: its state on the members' dashboard, and
//! the form that proposes it (languages, description, channels). Nothing
//! here is public until a city moderator approves it.
use crate::components::form_field::{FormErrorBanner, FormField, TextAreaField};
use crate::forms::{use_feedback, FormFeedback};
use crate::groups::server::{profile_form_data, profile_status};
use crate::groups::{
    GroupProfileForm, GroupProfileStatus, CHANNEL_KINDS, CHANNEL_KIND_FIELDS, CHANNEL_VALUE_FIELDS,
    DESCRIPTION_FIELDS, DESCRIPTION_LANGS, DESCRIPTION_MAX_CHARS, LANGUAGES, MAX_CHANNELS,
};
use crate::i18n::*;
use crate::locale;
use crate::values::ReviewState;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Channel rows shown below the last filled one (no JavaScript adds rows:
/// saving and coming back gives more).
const SPARE_ROWS: usize = 2;
const MIN_ROWS: usize = 3;

/// The group's profile on the dashboard: where it stands, and the way to
/// the form.
#[component]
pub fn GroupProfileSummary(organisation: i64) -> impl IntoView {
    let i18n = use_i18n();
    let sent = use_query_map().get_untracked().get("group") == Some(organisation.to_string());
    let section = format!("group-{organisation}");
    let heading = format!("{section}-title");
    let labelled_by = heading.clone();
    let edit = locale::href(i18n, &format!("/dashboard/group?organisation={organisation}"));
    view! {
        <section class="group-profile-status" id=section aria-labelledby=labelled_by>
            <h4 id=heading>{t!(i18n, group_profile_title)}</h4>
            {sent.then(|| view! { <p class="notice" role="status">{t!(i18n, group_profile_sent)}</p> })}
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || {
                    let edit = edit.clone();
                    Suspend::new(async move {
                        profile_status(organisation).await.ok().map(|s| view! {
                            <StatusLines status=s />
                            <p><a href=edit>{t!(i18n, group_profile_edit)}</a></p>
                        })
                    })
                }}
            </Suspense>
        </section>
    }
}

/// What the members need to know about their profile's review.
#[component]
fn StatusLines(status: GroupProfileStatus) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let state = status.latest_state;
    let label = match state {
        Some(ReviewState::Pending) => Some(td_string!(l, change_state_pending)),
        Some(ReviewState::Rejected) => Some(td_string!(l, group_state_rejected)),
        Some(ReviewState::Accepted) => Some(td_string!(l, group_state_approved)),
        _ => None,
    };
    let public_page = locale::href(i18n, &format!("/{}/communities", status.city));
    view! {
        {match label {
            Some(label) => view! {
                <p data-state=state.map(|s| s.as_str())>{t!(i18n, group_profile_latest)}" "<strong class="group-state">{label}</strong></p>
            }.into_any(),
            None => view! { <p class="hint">{t!(i18n, group_profile_none)}</p> }.into_any(),
        }}
        {(state == Some(ReviewState::Pending)).then(|| view! { <p class="hint">{t!(i18n, group_profile_pending_note)}</p> })}
        {status.latest_message.clone().map(|m| view! {
            <p class="status-note">{t!(i18n, group_profile_moderator_said)}" "{m}</p>
        })}
        {status.public.then(|| view! {
            <p>
                <crate::components::still_correct::StillCorrect kind="group" id=status.organisation_id last_verified=status.last_verified.clone() />
            </p>
        })}
        {if status.public {
            view! { <p><a href=public_page>{t!(i18n, group_profile_public)}</a></p> }.into_any()
        } else if status.approved {
            view! { <p class="hint">{t!(i18n, group_profile_not_public)}</p> }.into_any()
        } else {
            ().into_any()
        }}
    }
}

#[component]
pub fn GroupProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation: Option<i64> =
        use_query_map().get_untracked().get("organisation").and_then(|o| o.parse().ok());
    let title = td_string!(i18n.get_locale_untracked(), group_profile_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="account-form group-profile-form">
            <h1>{title}</h1>
            <p class="intro">{t!(i18n, group_profile_intro)}</p>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    // No organisation named: nothing this visitor may edit.
                    let data = match organisation {
                        Some(id) => profile_form_data(id).await,
                        None => Err(crate::page_error::PageError::forbidden()),
                    };
                    match data {
                        Ok(d) => view! { <ProfileForm data=d /> }.into_any(),
                        Err(e) => view! { <crate::pages::LoadError error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ProfileForm(data: GroupProfileForm) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let submitted = use_feedback();
    // A refused form shows what was typed; a fresh one the pending
    // proposal or the approved profile.
    let fb = if submitted.values.is_empty() {
        FormFeedback { values: data.profile.form_values(), ..Default::default() }
    } else {
        submitted
    };
    let chosen: Vec<String> = fb
        .value("languages")
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let languages_error = fb.error("languages").map(|e| locale::field_error(i18n, e));
    let languages_invalid = languages_error.is_some();
    let description_error = fb.error("description").map(|e| locale::field_error(i18n, e));
    let description_invalid = description_error.is_some();
    let description_described = if description_invalid {
        "f-description-hint f-description-error"
    } else {
        "f-description-hint"
    };
    let last_used = (0..MAX_CHANNELS)
        .rev()
        .find(|&i| {
            !fb.value(CHANNEL_VALUE_FIELDS[i]).trim().is_empty()
                || !fb.value(CHANNEL_KIND_FIELDS[i]).is_empty()
        })
        .map(|i| i + 1)
        .unwrap_or(0);
    let rows = (last_used + SPARE_ROWS).clamp(MIN_ROWS, MAX_CHANNELS);
    let pending = data.status.latest_state == Some(ReviewState::Pending);
    view! {
        <p>{t!(i18n, place_form_for)}" "<strong>{data.name.clone()}</strong></p>
        {pending.then(|| view! { <p class="notice" role="status">{t!(i18n, group_profile_pending_note)}</p> })}
        {data.status.latest_message.clone().filter(|_| data.status.latest_state == Some(ReviewState::Rejected)).map(|m| view! {
            <p class="status-note">{t!(i18n, group_profile_moderator_said)}" "{m}</p>
        })}
        <FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, "/dashboard/group/submit") novalidate>
            <input type="hidden" name="organisation" value=data.organisation_id.to_string() />
            <fieldset class:has-error=languages_invalid
                aria-describedby=languages_invalid.then_some("f-languages-error")>
                <legend>{t!(i18n, group_profile_languages)}</legend>
                <input type="hidden" name="languages" value="" />
                <div class="field checks">
                    {LANGUAGES.iter().map(|code| view! {
                        <label><input type="checkbox" name="languages" value=*code checked=chosen.iter().any(|c| c == code) />
                            {locale::language_label(i18n, code)}</label>
                    }).collect_view()}
                </div>
                {languages_error.map(|e| view! { <p class="field-error" id="f-languages-error">{e}</p> })}
            </fieldset>
            <div class="field" class:has-error=description_invalid>
                <label for="f-description">{t!(i18n, group_profile_description)}<span class="required" aria-hidden="true">" *"</span></label>
                <p class="hint" id="f-description-hint">{td_string!(l, group_profile_description_hint, max = DESCRIPTION_MAX_CHARS).to_string()}</p>
                <textarea id="f-description" name="description" rows="5" required
                    aria-invalid=description_invalid.then_some("true")
                    aria-describedby=description_described>{fb.value("description")}</textarea>
                {description_error.map(|e| view! { <p class="field-error" id="f-description-error">{e}</p> })}
            </div>
            <DescriptionLanguage feedback=fb.clone() />
            <DescriptionTranslations feedback=fb.clone() />
            <fieldset class="channels" aria-describedby="f-channels-hint">
                <legend>{t!(i18n, group_profile_channels)}</legend>
                <p class="hint" id="f-channels-hint">{t!(i18n, group_profile_channels_hint)}</p>
                {(0..rows).map(|i| view! { <ChannelRow index=i feedback=fb.clone() /> }).collect_view()}
            </fieldset>
            <p class="hint">{t!(i18n, group_profile_review_note)}</p>
            <button type="submit">{t!(i18n, place_form_submit)}</button>
        </form>
    }
}

/// One channel: what it is (select) and the link, address or place.
#[component]
fn ChannelRow(index: usize, feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let kind_name = CHANNEL_KIND_FIELDS[index];
    let value_name = CHANNEL_VALUE_FIELDS[index];
    let kind = feedback.value(kind_name);
    let kind_id = format!("f-{kind_name}");
    let kind_error = feedback.error(kind_name).map(|e| locale::field_error(i18n, e));
    let kind_invalid = kind_error.is_some();
    let kind_error_id = format!("{kind_id}-error");
    let legend = td_string!(l, group_profile_channel_n, n = index + 1).to_string();
    view! {
        <fieldset class="channel-row">
            <legend>{legend}</legend>
            <div class="field" class:has-error=kind_invalid>
                <label for=kind_id.clone()>{t!(i18n, group_profile_channel_kind)}</label>
                <select id=kind_id name=kind_name
                    aria-invalid=kind_invalid.then_some("true")
                    aria-describedby=kind_invalid.then_some(kind_error_id.clone())>
                    <option value="">{t!(i18n, field_city_choose)}</option>
                    {CHANNEL_KINDS.iter().map(|k| view! {
                        <option value=*k selected=kind == *k>{locale::channel_kind_label(i18n, k)}</option>
                    }).collect_view()}
                </select>
                {kind_error.map(|e| view! { <p class="field-error" id=kind_error_id>{e}</p> })}
            </div>
            <FormField name=value_name label=td_string!(l, group_profile_channel_value).to_string()
                required=false feedback=feedback />
        </fieldset>
    }
}

/// The language the group wrote its description in, so a page in another
/// language can say so (and readers and fonts follow it).
#[component]
fn DescriptionLanguage(feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = feedback.value("description_lang");
    let error = feedback.error("description_lang").map(|e| locale::field_error(i18n, e));
    let invalid = error.is_some();
    view! {
        <div class="field" class:has-error=invalid>
            <label for="f-description_lang">{t!(i18n, group_profile_description_lang)}</label>
            <select id="f-description_lang" name="description_lang"
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then_some("f-description_lang-error")>
                <option value="">{t!(i18n, group_profile_description_lang_unsaid)}</option>
                {LANGUAGES.iter().map(|code| view! {
                    <option value=*code selected=chosen == *code>{locale::language_label(i18n, code)}</option>
                }).collect_view()}
            </select>
            {error.map(|e| view! { <p class="field-error" id="f-description_lang-error">{e}</p> })}
        </div>
    }
}

/// The description in the interface languages, folded away until wanted.
#[component]
fn DescriptionTranslations(feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let open = DESCRIPTION_FIELDS
        .iter()
        .any(|f| !feedback.value(f).is_empty() || feedback.error(f).is_some());
    let fields = DESCRIPTION_LANGS
        .iter()
        .zip(DESCRIPTION_FIELDS)
        .map(|(lang, field)| {
            let label =
                td_string!(l, pf_translation_label, language = locale::language_label(i18n, lang))
                    .to_string();
            view! { <TextAreaField name=field label=label feedback=feedback.clone() rows=4 /> }
        })
        .collect_view();
    view! {
        <details class="translations" open=open>
            <summary>{td_string!(l, pf_translations).to_string()}</summary>
            <p class="hint">{td_string!(l, group_profile_translations_hint).to_string()}</p>
            {fields}
        </details>
    }
}
