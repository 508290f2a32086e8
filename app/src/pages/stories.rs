use crate::i18n::*;
use crate::locale;
use crate::pages::LoadError;
use crate::stories::server::list_stories;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StoriesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = (
        params.read_untracked().get("city").unwrap_or_default(),
        locale::code(i18n.get_locale_untracked()).to_string(),
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || { let (c, l) = key.clone(); Suspend::new(async move {
                match list_stories(c, l).await {
                    Ok((city, list)) => {
                        let name = crate::cities::label(i18n, &city.slug);
                        let heading = td_string!(i18n.get_locale_untracked(), stories_title, city = name.clone()).to_string();
                        view! {
                            <Title text=heading.clone() />
                            <section class="stories">
                                <h1>{heading}</h1>
                                <p class="intro">{t!(i18n, stories_intro)}</p>
                                {if list.is_empty() {
                                    view! { <p>{t!(i18n, stories_none)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="cards">
                                            {list.into_iter().map(|s| {
                                                let href = locale::href(i18n, &format!("/{}/stories/{}", city.slug, s.slug));
                                                view! {
                                                    <li>
                                                        <article class="story-card" lang=s.lang.clone()>
                                                            <h2><a href=href>{s.title.clone()}</a></h2>
                                                            <p>{s.summary.clone()}</p>
                                                        </article>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <LoadError error=e /> }.into_any(),
                }
            })}}
        </Suspense>
    }
}
