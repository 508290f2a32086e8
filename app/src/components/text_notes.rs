//! What a visitor should know about the language of a listing's text: that
//! it is shown in another language because there is no translation yet, that
//! a translation may be out of date, who translated it, and which languages
//! it exists in (links to the page in those the interface has).
use crate::i18n::*;
use crate::locale::{self, content::ShownText, endonym, localized_path, strip_locale};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn TextNotes(text: ShownText) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let path = use_location().pathname.get_untracked();
    let bare = strip_locale(&path).to_string();
    let fallback = text.fallback.then(|| {
        let language = locale::language_label(i18n, &text.lang);
        view! { <p class="fallback-note">{td_string!(l, description_fallback, language = language).to_string()}</p> }
    });
    let outdated = text
        .outdated
        .then(|| view! { <p class="outdated-note">{td_string!(l, text_outdated).to_string()}</p> });
    let by = text.translated_by.clone().filter(|_| !text.outdated).map(|name| {
        view! { <p class="translator-note">{td_string!(l, text_translated_by, name = name).to_string()}</p> }
    });
    let others: Vec<String> = text.available.iter().filter(|c| **c != text.lang).cloned().collect();
    let languages = (!others.is_empty()).then(|| {
        let items = others
            .into_iter()
            .map(|code| match locale::parse(&code) {
                Some(ui) => {
                    let href = localized_path(ui, &bare);
                    view! { <li><a href=href hreflang=code.clone() lang=code.clone()>{endonym(ui)}</a></li> }.into_any()
                }
                None => view! { <li>{locale::language_label(i18n, &code)}</li> }.into_any(),
            })
            .collect_view();
        view! {
            <div class="text-languages">
                <span>{td_string!(l, text_available_in).to_string()}</span>
                <ul>{items}</ul>
            </div>
        }
    });
    view! { {fallback}{outdated}{by}{languages} }
}
