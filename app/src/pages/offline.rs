//! What a phone without a connection shows for a page it never saved: not
//! the browser's error page, but this one, listing the pages that are saved
//! (filled in by `offline.js` from the phone's copy).
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OfflinePage() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, offline_title).to_string();
    view! {
        <Title text=title />
        <article class="offline-page">
            <h1>{t!(i18n, offline_title)}</h1>
            <p>{t!(i18n, offline_intro)}</p>
            <h2>{t!(i18n, offline_saved)}</h2>
            <ul id="wk-saved" class="saved-pages"></ul>
            <p id="wk-saved-none">{t!(i18n, offline_saved_none)}</p>
            <p><a href=locale::href(i18n, "/")>{t!(i18n, offline_home)}</a></p>
        </article>
    }
}
