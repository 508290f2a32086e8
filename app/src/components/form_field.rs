//! One labelled form field with its error message, tied together for screen
//! readers (`aria-invalid`, `aria-describedby`).
use crate::accounts::forms::FormFeedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

#[component]
pub fn FormField(
    /// The form field's `name`, also the base of its id.
    name: &'static str,
    label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = true)] required: bool,
    #[prop(optional)] hint: Option<String>,
    /// Tells apart ids when one page repeats a form (one per organisation).
    #[prop(optional)]
    scope: Option<String>,
    feedback: FormFeedback,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = match scope {
        Some(s) => format!("f-{s}-{name}"),
        None => format!("f-{name}"),
    };
    let error = feedback.error(name).map(|e| locale::field_error(i18n, e));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = [
        hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    // Passwords are never sent back to the page.
    let value = if kind == "password" {
        String::new()
    } else {
        feedback.value(name)
    };
    let has_error = error.is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}{required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input id=id name=name type=kind value=value autocomplete=autocomplete required=required
                aria-invalid=has_error.then_some("true")
                aria-describedby=(!described.is_empty()).then_some(described) />
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </div>
    }
}

/// The message above a refused form, if any.
#[component]
pub fn FormErrorBanner(feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let form = feedback.form_error.map(|e| locale::form_error(i18n, e));
    let fields = (!feedback.errors.is_empty())
        .then(|| td_string!(i18n.get_locale_untracked(), form_has_errors).to_string());
    form.or(fields)
        .map(|m| view! { <p class="form-error" role="alert">{m}</p> })
}
