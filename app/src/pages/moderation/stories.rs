//! Story drafts on the moderation page: what the story says now next to
//! the draft, with publish and send back (a message is required to send
//! back). The server checks the reviewer's city and that they are not the
//! author.
use super::card_list;
use crate::components::review::{DiffTable, ReviewForm};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use crate::stories::server::pending_stories;
use crate::stories::StoryReviewItem;
use leptos::prelude::*;

#[component]
pub fn StoryDrafts(city: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="story-drafts" id="story-drafts" aria-labelledby="story-drafts-title">
            <h2 id="story-drafts-title">{t!(i18n, story_drafts_heading)}</h2>
            <crate::pages::Loaded
                load=move || pending_stories(city.clone())
                show=|list| card_list("changes", list, |d| view! { <DraftCard draft=d /> }.into_any())
            />
        </section>
    }
}

#[component]
fn DraftCard(draft: StoryReviewItem) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let id = draft.id.to_string();
    // A refused decision is shown again at the draft it was for.
    let form_error = (fb.value("draft") == id)
        .then_some(fb.form_error)
        .flatten()
        .map(|e| locale::form_error(i18n, e));
    let what = match &draft.story {
        Some(slug) => view! { {t!(i18n, story_draft_change)}" ("{slug.clone()}")" }.into_any(),
        None => t!(i18n, story_draft_new).into_any(),
    };
    let rows =
        draft.diff.into_iter().map(|(field, old, new)| (field.clone(), field, old, new)).collect();
    let decisions = vec![
        ("/moderation/stories/publish", td_string!(l, story_publish).to_string(), false),
        ("/moderation/stories/reject", td_string!(l, story_send_back).to_string(), true),
    ];
    view! {
        <article class="change story-draft" data-id=id.clone()>
            <h3>{draft.title.clone()}</h3>
            <p>{what}" · "{crate::cities::label(i18n, &draft.city)}" · "{draft.author.clone()}" · "{draft.created_at.clone()}</p>
            {form_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <DiffTable rows=rows />
            <ReviewForm field="draft" value=id.clone() item=draft.title.clone() id_prefix="story-message-"
                label=td_string!(l, moderation_message).to_string() decisions=decisions feedback=fb />
        </article>
    }
}
