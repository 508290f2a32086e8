//! The description's translations in a listing form: one text area per
//! interface language (the city's own has its field above), folded away
//! until wanted, each marked when its source text changed after it.
use crate::accounts::forms::FormFeedback;
use crate::components::form_field::TextAreaField;
use crate::i18n::*;
use crate::locale::{self, content::TRANSLATION_FIELDS, content::TRANSLATION_LANGS};
use leptos::prelude::*;

#[component]
pub fn TranslationFields(
    local_lang: String,
    outdated: Vec<String>,
    feedback: FormFeedback,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    // Open when something in it needs attention or was already filled in.
    let open = !outdated.is_empty()
        || TRANSLATION_FIELDS
            .iter()
            .any(|f| !feedback.value(f).is_empty() || feedback.error(f).is_some());
    let fields = TRANSLATION_LANGS
        .iter()
        .zip(TRANSLATION_FIELDS)
        .filter(|(lang, _)| **lang != local_lang)
        .map(|(lang, field)| {
            let label = td_string!(l, pf_translation_label, language = locale::language_label(i18n, lang)).to_string();
            let hint = outdated
                .iter()
                .any(|o| o == lang)
                .then(|| td_string!(l, pf_translation_outdated).to_string());
            match hint {
                Some(h) => view! { <TextAreaField name=field label=label feedback=feedback.clone() rows=4 hint=h /> }.into_any(),
                None => view! { <TextAreaField name=field label=label feedback=feedback.clone() rows=4 /> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <details class="translations" open=open>
            <summary>{td_string!(l, pf_translations).to_string()}</summary>
            <p class="hint">{td_string!(l, pf_translations_hint).to_string()}</p>
            {fields}
        </details>
    }
}
