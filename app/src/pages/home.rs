//! Start page: choose the city. A remembered choice goes straight to its map,
//! unless the visitor came here to change it (`?choose=1`).
use crate::cities::list_cities;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[server]
pub async fn remembered_city() -> Result<Option<String>, crate::page_error::PageError> {
    let parts = use_context::<axum::http::request::Parts>();
    Ok(parts.and_then(|p| {
        p.headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == crate::cities::CITY_COOKIE)
            .map(|(_, v)| v.to_string())
            .filter(|v| v.chars().all(|c| c.is_ascii_lowercase()))
    }))
}

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let choosing = query.read_untracked().get("choose").is_some();
    // A plain string, not a closure: the title is rendered after the page's
    // reactive owner may be gone (a redirect in the Suspense below).
    let title = format!("{} – {}", t_string!(i18n, home_title), t_string!(i18n, site_name));
    view! {
        <Title text=title />
        <section class="home">
            <h1>{t!(i18n, home_title)}</h1>
            <p class="intro">{t!(i18n, home_intro)}</p>
            <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    let remembered = remembered_city().await.ok().flatten();
                    let cities = list_cities().await.unwrap_or_default();
                    let redirect = remembered
                        .filter(|r| !choosing && cities.iter().any(|(c, _)| &c.slug == r))
                        .map(|r| view! { <Redirect path=locale::href(i18n, &format!("/{r}")) /> });
                    view! {
                        {redirect}
                        <ul class="city-choice">
                            {cities.into_iter().map(|(c, n)| {
                                let href = locale::href(i18n, &format!("/{}", c.slug));
                                let label = crate::cities::label(i18n, &c.slug);
                                view! {
                                    <li>
                                        <a class="city-card" href=href>
                                            <span class="city-name">{label}</span>
                                            <span class="city-local" lang=c.local_lang.clone()>{c.name_local.clone()}</span>
                                            <span class="city-count">{t!(i18n, city_places_count, count = move || n)}</span>
                                        </a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </section>
    }
}
