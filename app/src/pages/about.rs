use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, about_title).to_string();
    view! {
        <Title text=title />
        <article class="about">
            <h1>{t!(i18n, about_title)}</h1>
            <p>{t!(i18n, about_intro)}</p>
            <h2>{t!(i18n, about_sources_heading)}</h2>
            <ul class="attributions">
                <li>{t!(i18n, about_places_sources)}</li>
                <li>{t!(i18n, about_ruian)}</li>
                <li>{t!(i18n, about_ipr)}</li>
                <li>{t!(i18n, about_wikipedia)}</li>
                <li>{t!(i18n, about_osm)}</li>
                <li>{t!(i18n, about_software)}</li>
            </ul>
        </article>
    }
}
