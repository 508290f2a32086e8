//! The description's translations in a listing form: one text area per
//! interface language (the city's own has its field above), folded away
//! until wanted, each marked when its source text changed after it; with
//! `titles`, a title field per language above each text area.
use crate::components::form_field::{FormField, TextAreaField};
use crate::forms::FormFeedback;
use crate::i18n::*;
use crate::locale::content::{TITLE_FIELDS, TRANSLATION_FIELDS, TRANSLATION_LANGS};
use crate::locale::{self};
use leptos::prelude::*;

#[component]
pub fn TranslationFields(
    local_lang: String,
    outdated: Vec<String>,
    feedback: FormFeedback,
    /// Events and opportunities translate their title too.
    #[prop(optional)]
    titles: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    // Open when something in it needs attention or was already filled in.
    let open = !outdated.is_empty()
        || TRANSLATION_FIELDS
            .iter()
            .chain(titles.then_some(&TITLE_FIELDS).into_iter().flatten())
            .any(|f| !feedback.value(f).is_empty() || feedback.error(f).is_some());
    let fields = TRANSLATION_LANGS
        .iter()
        .zip(TRANSLATION_FIELDS)
        .zip(TITLE_FIELDS)
        .filter(|((lang, _), _)| **lang != local_lang)
        .map(|((lang, field), title_field)| {
            let title = titles.then(|| {
                let label = td_string!(l, ef_title_translation_label, language = locale::language_label(i18n, lang)).to_string();
                view! { <FormField name=title_field label=label required=false feedback=feedback.clone() /> }
            });
            let label = td_string!(l, pf_translation_label, language = locale::language_label(i18n, lang)).to_string();
            let hint = outdated
                .iter()
                .any(|o| o == lang)
                .then(|| td_string!(l, pf_translation_outdated).to_string());
            let text = match hint {
                Some(h) => view! { <TextAreaField name=field label=label feedback=feedback.clone() rows=4 hint=h /> }.into_any(),
                None => view! { <TextAreaField name=field label=label feedback=feedback.clone() rows=4 /> }.into_any(),
            };
            view! { {title}{text} }
        })
        .collect_view();
    view! {
        <details class="translations" open=open>
            <summary>{if titles { td_string!(l, ef_translations).to_string() } else { td_string!(l, pf_translations).to_string() }}</summary>
            <p class="hint">{td_string!(l, pf_translations_hint).to_string()}</p>
            {fields}
        </details>
    }
}
