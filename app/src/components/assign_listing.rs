//! In a listing's moderation box: give the listing to a verified
//! organisation of its city (the handler checks the moderator and the
//! organisation again).
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

#[component]
pub fn AssignListing(
    /// place | event | opportunity
    kind: &'static str,
    id: i64,
    city: String,
    slug: String,
    /// (id, name) of the city's verified organisations.
    organisations: Vec<(i64, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fb = crate::forms::use_feedback();
    let error = fb.error("organisation").map(|e| locale::field_error(i18n, e));
    let invalid = error.is_some();
    let chosen = fb.value("organisation");
    let assigned = leptos_router::hooks::use_query_map().get_untracked().get("assigned").is_some();
    view! {
        {assigned.then(|| view! { <p class="notice" role="status">{t!(i18n, moderation_assigned)}</p> })}
        <form method="post" action=locale::href(i18n, "/moderation/listings/assign") class="assign" novalidate>
            <input type="hidden" name="listing" value=kind />
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="city" value=city />
            <input type="hidden" name="slug" value=slug />
            <div class="field" class:has-error=invalid>
                <label for="assign-organisation">{t!(i18n, moderation_assign)}</label>
                <p class="hint" id="assign-hint">{t!(i18n, moderation_assign_hint)}</p>
                <select id="assign-organisation" name="organisation" required
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=if invalid { "assign-hint assign-organisation-error" } else { "assign-hint" }>
                    <option value="">{t!(i18n, field_city_choose)}</option>
                    {organisations.into_iter().map(|(oid, name)| {
                        let value = oid.to_string();
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                {error.map(|e| view! { <p class="field-error" id="assign-organisation-error">{e}</p> })}
            </div>
            <button type="submit" class="secondary">{t!(i18n, moderation_assign_submit)}</button>
        </form>
    }
}
