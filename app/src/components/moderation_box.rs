//! For the city's moderators only, on a listing's page: edit it directly,
//! see its history, mark it verified, take it off the site with a reason.
//! Shown after the server says the visitor may moderate the city; the
//! handlers check again.
use crate::i18n::*;
use crate::locale;
use crate::values::ListingKind;
use leptos::prelude::*;

#[component]
pub fn ListingModerationBox(
    kind: ListingKind,
    id: i64,
    city: String,
    slug: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let fb = crate::forms::use_feedback();
    let error = fb.error("reason").map(|e| locale::field_error(i18n, e));
    let section = kind.plural();
    let edit_label = move || match kind {
        ListingKind::Place => t_string!(i18n, moderation_edit),
        ListingKind::Event => t_string!(i18n, moderation_edit_event),
        ListingKind::Opportunity => t_string!(i18n, moderation_edit_opportunity),
    };
    // A place edited directly comes back to its page (the others to their
    // history).
    let edited = kind == ListingKind::Place
        && leptos_router::hooks::use_query_map().get_untracked().get("edited").is_some();
    let kind = kind.as_str();
    let check = city.clone();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (check, city, slug, error, fb) = (check.clone(), city.clone(), slug.clone(), error.clone(), fb.clone());
                Suspend::new(async move {
                    let allowed = crate::moderation::server::may_moderate(check.clone()).await.unwrap_or(false);
                    let organisations = match allowed {
                        true => crate::moderation::server::assignable_organisations(check).await.unwrap_or_default(),
                        false => Vec::new(),
                    };
                    let invalid = error.is_some();
                    allowed.then(|| view! {
                        <section class="moderation-box" id="moderation">
                            <h2>{t!(i18n, moderation_title)}</h2>
                            {edited.then(|| view! { <p class="notice" role="status">{t!(i18n, place_edited)}</p> })}
                            <p>
                                <a href=locale::href(i18n, &format!("/moderation/{section}/edit?{kind}={id}"))>{edit_label}</a>
                                " · "
                                <a href=locale::href(i18n, &format!("/moderation/audit?kind={kind}&id={id}"))>{t!(i18n, moderation_history)}</a>
                            </p>
                            <VerifyListing kind=kind id=id city=city.clone() slug=slug.clone() />
                            <crate::components::assign_listing::AssignListing kind=kind id=id city=city.clone()
                                slug=slug.clone() organisations=organisations />
                            <form method="post" action=locale::href(i18n, "/moderation/listings/unpublish")>
                                <input type="hidden" name="kind" value=kind />
                                <input type="hidden" name="id" value=id.to_string() />
                                <input type="hidden" name="city" value=city />
                                <input type="hidden" name="slug" value=slug />
                                <div class="field" class:has-error=invalid>
                                    <label for="unpublish-reason">{t!(i18n, moderation_reason_unpublish)}</label>
                                    <textarea id="unpublish-reason" name="reason" rows="2" aria-invalid=invalid.then_some("true")
                                        aria-describedby=invalid.then_some("unpublish-error")>{fb.value("reason")}</textarea>
                                    {error.map(|e| view! { <p class="field-error" id="unpublish-error">{e}</p> })}
                                </div>
                                <button type="submit" class="secondary">{t!(i18n, moderation_unpublish)}</button>
                            </form>
                        </section>
                    })
                })
            }}
        </Suspense>
    }
}

/// A moderator's "still correct" for a listing: marks it verified today
/// (listings the city imported have no organisation to confirm them).
#[component]
pub fn VerifyListing(
    /// place | event | opportunity
    kind: &'static str,
    id: i64,
    city: String,
    slug: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let verified = leptos_router::hooks::use_query_map().get_untracked().get("verified").is_some();
    view! {
        {verified.then(|| view! { <p class="notice" role="status">{t!(i18n, moderation_marked_verified)}</p> })}
        <form method="post" action=locale::href(i18n, "/moderation/listings/verify") class="verify">
            <input type="hidden" name="listing" value=kind />
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="city" value=city />
            <input type="hidden" name="slug" value=slug />
            <button type="submit" class="secondary">{t!(i18n, moderation_mark_verified)}</button>
        </form>
    }
}
