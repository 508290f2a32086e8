//! One labelled form field with its error message, tied together for screen
//! readers (`aria-invalid`, `aria-describedby`).
use crate::forms::FormFeedback;
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
    let id = match scope {
        Some(s) => format!("f-{s}-{name}"),
        None => format!("f-{name}"),
    };
    let Ids { id, error_id, hint_id, error, described } = ids(id, name, hint.is_some(), &feedback);
    // Passwords are never sent back to the page.
    let value = if kind == "password" { String::new() } else { feedback.value(name) };
    let has_error = error.is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}{required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input id=id name=name type=kind value=value autocomplete=autocomplete required=required
                aria-invalid=has_error.then_some("true")
                aria-describedby=described />
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </div>
    }
}

/// The message above a refused form, if any, with a link to every field
/// that needs attention (so a screen reader or keyboard user can jump there).
#[component]
pub fn FormErrorBanner(feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let form = feedback.form_error.map(|e| locale::form_error(i18n, e));
    let fields = (!feedback.errors.is_empty())
        .then(|| td_string!(i18n.get_locale_untracked(), form_has_errors).to_string());
    let links = feedback
        .errors
        .iter()
        .map(|(name, e)| (format!("#f-{name}"), locale::field_error(i18n, *e)))
        .collect::<Vec<_>>();
    form.or(fields).map(|m| {
        view! {
            <div class="form-error" role="alert">
                <p>{m}</p>
                {(!links.is_empty()).then(|| view! {
                    <ul class="error-links">
                        {links.into_iter().map(|(href, text)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                    </ul>
                })}
            </div>
        }
    })
}

/// A field's id, its error's and hint's ids, the error's text, and what
/// `aria-describedby` names (the hint and the error, when there are).
struct Ids {
    id: String,
    error_id: String,
    hint_id: String,
    error: Option<String>,
    described: Option<String>,
}

fn ids(id: String, name: &str, has_hint: bool, feedback: &FormFeedback) -> Ids {
    let error = feedback.error(name).map(|e| locale::field_error(use_i18n(), e));
    let (error_id, hint_id) = (format!("{id}-error"), format!("{id}-hint"));
    let described = [has_hint.then(|| hint_id.clone()), error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    Ids { id, error_id, hint_id, error, described }
}

/// A labelled `<select>`; `options` are (value, label).
#[component]
pub fn SelectField(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    feedback: FormFeedback,
    #[prop(default = false)] required: bool,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let Ids { id, error_id, hint_id, error, described } =
        ids(format!("f-{name}"), name, hint.is_some(), &feedback);
    let invalid = error.is_some();
    let chosen = feedback.value(name);
    view! {
        <div class="field" class:has-error=invalid>
            <label for=id.clone()>{label}{required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <select id=id name=name required=required aria-invalid=invalid.then_some("true")
                aria-describedby=described>
                {options.into_iter().map(|(v, l)| {
                    let selected = v == chosen;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </div>
    }
}

/// One checkbox sending `1` when ticked.
#[component]
pub fn CheckField(name: &'static str, label: String, feedback: FormFeedback) -> impl IntoView {
    let id = format!("f-{name}");
    let checked = !feedback.value(name).is_empty();
    let label_for = id.clone();
    view! {
        <div class="field check">
            <label for=label_for><input type="checkbox" id=id name=name value="1" checked=checked />" "{label}</label>
        </div>
    }
}

/// A group of checkboxes sharing `name` (the form joins the ticked values
/// with commas); `options` are (value, label).
#[component]
pub fn CheckGroup(
    name: &'static str,
    legend: String,
    options: Vec<(String, String)>,
    feedback: FormFeedback,
) -> impl IntoView {
    let Ids { error_id, error, described, .. } = ids(format!("f-{name}"), name, false, &feedback);
    let chosen: Vec<String> = feedback
        .value(name)
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let invalid = error.is_some();
    view! {
        <fieldset class:has-error=invalid aria-describedby=described>
            <legend>{legend}</legend>
            // An empty value so that unticking every box still sends the field.
            <input type="hidden" name=name value="" />
            <div class="field checks">
                {options.into_iter().map(|(v, l)| {
                    let checked = chosen.contains(&v);
                    view! { <label><input type="checkbox" name=name value=v checked=checked />{l}</label> }
                }).collect_view()}
            </div>
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </fieldset>
    }
}

/// A labelled `<textarea>`.
#[component]
pub fn TextAreaField(
    name: &'static str,
    label: String,
    feedback: FormFeedback,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let Ids { id, error_id, hint_id, error, described } =
        ids(format!("f-{name}"), name, hint.is_some(), &feedback);
    let invalid = error.is_some();
    view! {
        <div class="field" class:has-error=invalid>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <textarea id=id name=name rows=rows.to_string() aria-invalid=invalid.then_some("true")
                aria-describedby=described>{feedback.value(name)}</textarea>
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </div>
    }
}
