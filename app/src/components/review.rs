//! What every review card in the moderators' queue shares: the table of
//! what changes (now / proposed), and the form with the reviewer's message
//! and the decisions. A refused decision is shown again at its own card.
use crate::forms::FormFeedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

/// One row of the table: (field key, label, now, proposed).
pub type DiffRow = (String, String, String, String);

#[component]
pub fn DiffTable(rows: Vec<DiffRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="diff">
            <caption class="visually-hidden">{t!(i18n, moderation_diff)}</caption>
            <thead><tr>
                <th scope="col">{t!(i18n, moderation_field)}</th>
                <th scope="col">{t!(i18n, moderation_now)}</th>
                <th scope="col">{t!(i18n, moderation_proposed)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(key, label, old, new)| {
                    let changed = old != new;
                    view! {
                        <tr data-field=key data-changed=changed.then_some("true")>
                            <th scope="row">{label}</th>
                            <td class="old">{old}</td>
                            <td class="new">{new}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A decision button: (path it posts to, label, secondary look).
pub type Decision = (&'static str, String, bool);

/// The reviewer's message and the decisions on item `value` (sent as
/// `field`), each button naming the item (`item`). `id_prefix` keeps the
/// message's id unique on the page.
#[component]
pub fn ReviewForm(
    field: &'static str,
    value: String,
    item: String,
    id_prefix: &'static str,
    label: String,
    decisions: Vec<Decision>,
    feedback: FormFeedback,
) -> impl IntoView {
    let i18n = use_i18n();
    // A refused field-by-field decision is shown at its own form.
    let mine = feedback.value(field) == value && feedback.value("by_field").is_empty();
    let error =
        mine.then(|| feedback.error("message")).flatten().map(|e| locale::field_error(i18n, e));
    let invalid = error.is_some();
    let message_id = format!("{id_prefix}{value}");
    let error_id = format!("{message_id}-error");
    let buttons = decisions
        .into_iter()
        .enumerate()
        .map(|(i, (path, label, secondary))| {
            let action = locale::href(i18n, path);
            let label = locale::naming(i18n.get_locale_untracked(), &label, &item);
            view! {
                {(i > 0).then_some(" ")}
                <button type="submit" class=secondary.then_some("secondary") formaction=action>{label}</button>
            }
        })
        .collect_view();
    view! {
        <form method="post" class="review">
            <input type="hidden" name=field value=value.clone() />
            <div class="field" class:has-error=invalid>
                <label for=message_id.clone()>{label}</label>
                <textarea id=message_id name="message" rows="2" aria-invalid=invalid.then_some("true")
                    aria-describedby=invalid.then_some(error_id.clone())>{mine.then(|| feedback.value("message"))}</textarea>
                {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
            </div>
            {buttons}
        </form>
    }
}
