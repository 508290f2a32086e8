//! The needs as a row of links: one tap filters the list by a need, a
//! second tap on the chosen one lifts the filter. Plain links, so they work
//! without JavaScript.
use crate::components::query_link::with_param;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn NeedChips(
    needs: Vec<crate::needs::NeedLabel>,
    pairs: Vec<(String, String)>,
    base: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::locale::code(i18n.get_locale_untracked());
    // A new filter starts on the first page.
    let pairs: Vec<(String, String)> = pairs.into_iter().filter(|(k, _)| k != "page").collect();
    let chosen = pairs.iter().find(|(k, _)| k == "need").map(|(_, v)| v.clone());
    let chips = needs
        .iter()
        .map(|n| {
            let on = chosen.as_deref() == Some(n.key.as_str());
            let href = format!("{base}{}", with_param(&pairs, "need", (!on).then_some(n.key.as_str())));
            view! {
                <li><a href=href class="chip" aria-current=on.then_some("true")>{n.label(lang)}</a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="need-chips" aria-label=move || t_string!(i18n, filter_need)>
            <ul>{chips}</ul>
        </nav>
    }
}
