//! The story editor: a moderator writes a new story for their city or a new
//! version of one, with its sources; it is published when someone else who
//! moderates the city has read it (see the moderation page).
use crate::components::form_field::{FormErrorBanner, FormField, TextAreaField};
use crate::forms::{use_feedback, FormFeedback};
use crate::i18n::*;
use crate::locale;
use crate::stories::draft::{MAX_SOURCES, SOURCE_TITLE_FIELDS, SOURCE_URL_FIELDS};
use crate::stories::server::story_editor;
use crate::stories::StoryEditorData;
use crate::values::ReviewState;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StoryEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let city = query.get("city").unwrap_or_default();
    let story: Option<i64> = query.get("story").and_then(|s| s.parse().ok());
    let draft: Option<i64> = query.get("draft").and_then(|s| s.parse().ok());
    let l = i18n.get_locale_untracked();
    let title = if story.is_some() {
        td_string!(l, story_editor_edit_title).to_string()
    } else {
        td_string!(l, story_editor_title).to_string()
    };
    view! {
        <Title text=title.clone() />
        <section class="account-form story-editor">
            <h1>{title}</h1>
            <p class="intro">{t!(i18n, story_editor_intro)}</p>
            <crate::pages::Loaded
                load=move || story_editor(city.clone(), story, draft)
                show=|data| view! { <Editor data=data /> }.into_any()
            />
        </section>
    }
}

#[component]
fn Editor(data: StoryEditorData) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let submitted = use_feedback();
    // A refused form shows what was typed; a fresh one the story or draft.
    let fb = if submitted.values.is_empty() {
        FormFeedback { values: data.values.iter().cloned().collect(), ..Default::default() }
    } else {
        submitted
    };
    let language = locale::language_label(i18n, &data.local_lang);
    let local_label = |key: &str| match key {
        "title" => td_string!(l, story_title_local, language = language.clone()).to_string(),
        "summary" => td_string!(l, story_summary_local, language = language.clone()).to_string(),
        _ => td_string!(l, story_body_local, language = language.clone()).to_string(),
    };
    let status = match data.latest.clone() {
        Some((_, ReviewState::Pending, _)) => Some(
            view! {
                <p class="notice" role="status">{t!(i18n, story_pending_note)}</p>
            }
            .into_any(),
        ),
        Some((_, ReviewState::Rejected, Some(m))) => Some(
            view! {
                <p class="status-note">{t!(i18n, story_rejected_note)}" "{m}</p>
            }
            .into_any(),
        ),
        _ => None,
    };
    let city = data.city.clone();
    let others = data
        .stories
        .iter()
        .filter(|(id, ..)| data.story.as_ref().map(|s| s.0) != Some(*id))
        .map(|(id, _, title)| {
            let href =
                locale::href(i18n, &format!("/moderation/stories/edit?city={city}&story={id}"));
            view! { <li><a href=href>{title.clone()}</a></li> }
        })
        .collect_view();
    let own = data
        .own_drafts
        .iter()
        .map(|(id, title, state)| {
            let href =
                locale::href(i18n, &format!("/moderation/stories/edit?city={city}&draft={id}"));
            let state = if *state == ReviewState::Rejected {
                td_string!(l, story_draft_sent_back).to_string()
            } else {
                td_string!(l, story_draft_waiting).to_string()
            };
            view! { <li><a href=href>{title.clone()}</a>" · "{state}</li> }
        })
        .collect_view();
    let sources = (0..MAX_SOURCES)
        .map(|i| {
            let n = i + 1;
            view! {
                <FormField name=SOURCE_TITLE_FIELDS[i] label=td_string!(l, story_source_title, n = n).to_string()
                    required=false feedback=fb.clone() />
                <FormField name=SOURCE_URL_FIELDS[i] label=td_string!(l, story_source_url, n = n).to_string()
                    kind="url" required=false feedback=fb.clone() />
            }
        })
        .collect_view();
    let local = (data.local_lang != "en").then(|| view! {
        <fieldset lang=data.local_lang.clone()>
            <legend>{language.clone()}</legend>
            <FormField name="title_local" label=local_label("title") required=false feedback=fb.clone() />
            <TextAreaField name="summary_local" label=local_label("summary") feedback=fb.clone() rows=2 />
            <TextAreaField name="body_local" label=local_label("body") feedback=fb.clone() rows=10 />
        </fieldset>
    });
    view! {
        {status}
        <FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, "/moderation/stories/submit") novalidate>
            <input type="hidden" name="city" value=data.city.to_string() />
            {data.story.clone().map(|(id, _)| view! { <input type="hidden" name="story" value=id.to_string() /> })}
            // A new story's draft written again revises the one before.
            {data.latest.clone().filter(|(_, state, _)| data.story.is_none() && (*state == ReviewState::Pending || *state == ReviewState::Rejected)).map(|(id, ..)| view! {
                <input type="hidden" name="previous" value=id.to_string() />
            })}
            <FormField name="community" label=td_string!(l, story_community).to_string() feedback=fb.clone() />
            <fieldset lang="en">
                <legend>{locale::language_label(i18n, "en")}</legend>
                <FormField name="title_en" label=td_string!(l, story_title_en).to_string() feedback=fb.clone() />
                <TextAreaField name="summary_en" label=td_string!(l, story_summary_en).to_string() feedback=fb.clone() rows=2 />
                <TextAreaField name="body_en" label=td_string!(l, story_body_en).to_string() feedback=fb.clone() rows=10 />
            </fieldset>
            {local}
            <fieldset class="sources" aria-describedby="story-sources-hint">
                <legend>{t!(i18n, story_sources)}</legend>
                <p class="hint" id="story-sources-hint">{t!(i18n, story_sources_hint)}</p>
                {sources}
            </fieldset>
            <button type="submit">{t!(i18n, story_send)}</button>
        </form>
        {data.story.clone().map(|(id, _)| {
            let history = locale::href(i18n, &format!("/moderation/audit?kind=story&id={id}"));
            view! { <p><a href=history>{t!(i18n, moderation_history)}</a></p> }
        })}
        {(!data.own_drafts.is_empty()).then(|| view! {
            <h2>{t!(i18n, story_editor_own_drafts)}</h2>
            <ul class="story-picks">{own}</ul>
        })}
        {(!data.stories.is_empty()).then(|| view! {
            <h2>{t!(i18n, story_editor_pick)}</h2>
            <ul class="story-picks">{others}</ul>
        })}
    }
}
