//! "Report a problem" on every public listing's page.
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

/// A report kind as the visitor reads it for that kind of listing: a place
/// "has closed", an event or opportunity "is not happening any more".
pub fn kind_label(l: Locale, listing: &str, kind: &str) -> &'static str {
    let place = listing == "place";
    match kind {
        "closed" if place => td_string!(l, report_closed),
        "closed" => td_string!(l, report_ended),
        "wrong_hours" if place => td_string!(l, report_wrong_hours),
        "wrong_hours" => td_string!(l, report_wrong_time),
        "wrong_place" => td_string!(l, report_wrong_place),
        _ => td_string!(l, report_other),
    }
}

/// "Report a problem" on a listing's page (`listing`: place, event or
/// opportunity): anonymous, goes to the city's moderators. On the
/// communities page (`listing` "group") the visitor picks one of `groups`
/// (id, name) instead.
#[component]
pub fn ReportProblem(
    listing: &'static str,
    city: String,
    slug: String,
    #[prop(optional)] groups: Vec<(i64, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = crate::forms::use_feedback();
    let reported = leptos_router::hooks::use_query_map().get_untracked().get("reported").is_some();
    let kind = fb.value("kind");
    let message_error = fb.error("message").map(|e| locale::field_error(i18n, e));
    let kind_error = fb.error("kind").map(|e| locale::field_error(i18n, e));
    let invalid = message_error.is_some();
    let kinds = crate::moderation::REPORT_KINDS.map(|k| (k, kind_label(l, listing, k)));
    view! {
        <section class="report" id="report">
            <h2>{t!(i18n, report_title)}</h2>
            {reported.then(|| view! { <p class="notice" role="status">{t!(i18n, report_thanks)}</p> })}
            <crate::components::form_field::FormErrorBanner feedback=fb.clone() />
            <form method="post" action=locale::href(i18n, "/places/report")>
                <input type="hidden" name="listing" value=listing />
                <input type="hidden" name="city" value=city />
                <input type="hidden" name="slug" value=slug />
                {(!groups.is_empty()).then(|| {
                    let chosen = fb.value("group");
                    view! {
                        <div class="field">
                            <label for="report-group">{t!(i18n, report_which_group)}</label>
                            <select id="report-group" name="group">
                                {groups.into_iter().map(|(id, name)| {
                                    let id = id.to_string();
                                    view! { <option value=id.clone() selected=chosen == id>{name}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })}
                <fieldset>
                    <legend>{t!(i18n, report_what)}</legend>
                    {kinds.into_iter().map(|(value, label)| view! {
                        <label class="choice"><input type="radio" name="kind" value=value checked=kind == value required />{label}</label>
                    }).collect_view()}
                    {kind_error.map(|e| view! { <p class="field-error">{e}</p> })}
                </fieldset>
                <div class="field" class:has-error=invalid>
                    <label for="report-message">{t!(i18n, report_message)}</label>
                    <p class="hint" id="report-hint">{t!(i18n, report_privacy)}</p>
                    <textarea id="report-message" name="message" rows="3" aria-invalid=invalid.then_some("true")
                        aria-describedby=if invalid { "report-hint report-error" } else { "report-hint" }>{fb.value("message")}</textarea>
                    {message_error.map(|e| view! { <p class="field-error" id="report-error">{e}</p> })}
                </div>
                <button type="submit">{t!(i18n, report_submit)}</button>
            </form>
        </section>
    }
}
