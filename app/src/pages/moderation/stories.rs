//! Story drafts on the moderation page: what the story says now next to
//! the draft, with publish and send back (a message is required to send
//! back). The server checks the reviewer's city and that they are not the
//! author.
use crate::accounts::forms::use_feedback;
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
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || {
                    let city = city.clone();
                    Suspend::new(async move {
                        match pending_stories(city).await {
                            Ok(list) if list.is_empty() => view! { <p>{t!(i18n, moderation_nothing)}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="changes">
                                    {list.into_iter().map(|d| view! { <li><DraftCard draft=d /></li> }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(e) => view! { <crate::pages::LoadError error=e /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn DraftCard(draft: StoryReviewItem) -> impl IntoView {
    let i18n = use_i18n();
    let fb = use_feedback();
    let id = draft.id.to_string();
    // A refused decision is shown again at the draft it was for.
    let mine = fb.value("draft") == id;
    let message_error = mine
        .then(|| fb.error("message"))
        .flatten()
        .map(|e| locale::field_error(i18n, e));
    let form_error = mine
        .then_some(fb.form_error)
        .flatten()
        .map(|e| locale::form_error(i18n, e));
    let invalid = message_error.is_some();
    let message_id = format!("story-message-{id}");
    let error_id = format!("{message_id}-error");
    let what = match &draft.story {
        Some(slug) => view! { {t!(i18n, story_draft_change)}" ("{slug.clone()}")" }.into_any(),
        None => t!(i18n, story_draft_new).into_any(),
    };
    view! {
        <article class="change story-draft" data-id=id.clone()>
            <h3>{draft.title.clone()}</h3>
            <p>{what}" · "{crate::cities::label(i18n, &draft.city)}" · "{draft.author.clone()}" · "{draft.created_at.clone()}</p>
            {form_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <table class="diff">
                <caption class="visually-hidden">{t!(i18n, moderation_diff)}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, moderation_field)}</th>
                    <th scope="col">{t!(i18n, moderation_now)}</th>
                    <th scope="col">{t!(i18n, moderation_proposed)}</th>
                </tr></thead>
                <tbody>
                    {draft.diff.into_iter().map(|(field, old, new)| view! {
                        <tr data-field=field.clone()>
                            <th scope="row">{field.clone()}</th>
                            <td class="old">{old}</td>
                            <td class="new">{new}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <form method="post" class="review">
                <input type="hidden" name="draft" value=id.clone() />
                <div class="field" class:has-error=invalid>
                    <label for=message_id.clone()>{t!(i18n, moderation_message)}</label>
                    <textarea id=message_id name="message" rows="2" aria-invalid=invalid.then_some("true")
                        aria-describedby=invalid.then_some(error_id.clone())>{mine.then(|| fb.value("message"))}</textarea>
                    {message_error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
                </div>
                <button type="submit" formaction=locale::href(i18n, "/moderation/stories/publish")>
                    {t!(i18n, story_publish)}</button>
                " "
                <button type="submit" class="secondary" formaction=locale::href(i18n, "/moderation/stories/reject")>
                    {t!(i18n, story_send_back)}</button>
            </form>
        </article>
    }
}
