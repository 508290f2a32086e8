//! A change decided field by field: a box per changed field (ticked:
//! accepted and published; unticked: sent back) and the message saying
//! what to fix in the fields sent back.
use crate::forms::FormFeedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

/// `fields`: (key, label) of each changed field; `change`: the change's id;
/// `name`: the listing's name, said on the button.
#[component]
pub fn FieldDecisions(
    change: String,
    name: String,
    fields: Vec<(String, String)>,
    feedback: FormFeedback,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    // Shown again after a refusal: this card's form, with what was ticked.
    let mine = feedback.value("change") == change && !feedback.value("by_field").is_empty();
    let ticked: Vec<String> =
        feedback.value("accept_field").split(',').map(|s| s.trim().to_string()).collect();
    let error =
        mine.then(|| feedback.error("message")).flatten().map(|e| locale::field_error(i18n, e));
    let invalid = error.is_some();
    let message_id = format!("by-field-message-{change}");
    let error_id = format!("{message_id}-error");
    let submit = td_string!(l, moderation_by_field_submit, name = name).to_string();
    view! {
        <details class="by-field" open=mine>
            <summary>{t!(i18n, moderation_by_field)}</summary>
            <form method="post" action=locale::href(i18n, "/moderation/changes/by-field") class="review">
                <input type="hidden" name="change" value=change.clone() />
                <input type="hidden" name="by_field" value="1" />
                <input type="hidden" name="accept_field" value="" />
                <fieldset>
                    <legend>{t!(i18n, moderation_by_field_legend)}</legend>
                    <div class="field checks">
                        {fields.into_iter().map(|(key, label)| {
                            let checked = !mine || ticked.contains(&key);
                            view! { <label><input type="checkbox" name="accept_field" value=key checked=checked />{label}</label> }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="field" class:has-error=invalid>
                    <label for=message_id.clone()>{t!(i18n, moderation_by_field_message)}</label>
                    <textarea id=message_id name="message" rows="2" aria-invalid=invalid.then_some("true")
                        aria-describedby=invalid.then_some(error_id.clone())>{mine.then(|| feedback.value("message"))}</textarea>
                    {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
                </div>
                <button type="submit">{submit}</button>
            </form>
        </details>
    }
}
