//! "Save Prague for offline" on a city's page: `offline.js` shows it where
//! the browser can keep pages, fetches the city's pack (`/api/v1/pack`)
//! page by page with progress, and says when and how much was saved. The
//! texts it fills in come translated in data attributes (`%n`, `%total`,
//! `%date` and `%size` mark where its numbers go).
use crate::i18n::*;
use leptos::prelude::*;
use leptos_i18n::Locale as _;

#[component]
pub fn SaveForOffline(city: String, city_name: String) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    crate::offline::enabled().then(|| {
        view! {
            <section id="save-offline" class="save-offline" hidden aria-labelledby="save-offline-title"
                data-city=city data-lang=l.as_str()
                data-saving=td_string!(l, offline_saving, n = "%n", total = "%total").to_string()
                data-saved=td_string!(l, offline_saved_on, date = "%date", size = "%size").to_string()
                data-failed=td_string!(l, offline_save_failed).to_string()
                data-removed=td_string!(l, offline_removed).to_string()>
                <h2 id="save-offline-title">{t!(i18n, offline_save_title)}</h2>
                <p class="hint">{t!(i18n, offline_save_hint)}</p>
                <p class="actions">
                    <button type="button" id="wk-save-city">{td_string!(l, offline_save_button, city = city_name).to_string()}</button>
                    <button type="button" id="wk-remove-saved" class="secondary">{t!(i18n, offline_remove)}</button>
                </p>
                <progress id="wk-save-progress" hidden max="1" value="0"></progress>
                <p id="wk-save-status" role="status"></p>
            </section>
        }
    })
}
