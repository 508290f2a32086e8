use crate::components::text_notes::TextNotes;
use crate::i18n::*;
use crate::locale;
use crate::pages::LoadError;
use crate::stories::server::get_story;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn StoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = {
        let p = params.read_untracked();
        (
            p.get("city").unwrap_or_default(),
            p.get("slug").unwrap_or_default(),
            locale::code(i18n.get_locale_untracked()).to_string(),
        )
    };
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || { let (c, s, l) = key.clone(); Suspend::new(async move {
                match get_story(c, s, l).await {
                    Ok(st) => {
                        let city = st.city.slug.clone();
                        let back = locale::href(i18n, &format!("/{city}/stories"));
                        view! {
                            <Title text=st.summary.title.clone() />
                            <Meta name="description" content=st.summary.summary.clone() />
                            <article class="story">
                                <p class="breadcrumb"><a href=back>{t!(i18n, nav_stories)}</a></p>
                                <h1 lang=st.summary.lang.clone() dir="auto">{st.summary.title.clone()}</h1>
                                <TextNotes text=st.text.clone() />
                                <div class="story-text" lang=st.summary.lang.clone() dir="auto">
                                    <p class="lead">{st.summary.summary.clone()}</p>
                                    {st.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                                </div>
                            </article>
                            {(!st.places.is_empty()).then(|| view! {
                                <section class="related">
                                    <h2>{t!(i18n, story_related_places)}</h2>
                                    <ul>
                                        {st.places.iter().map(|(slug, name, name_en)| {
                                            let href = locale::href(i18n, &format!("/{city}/places/{slug}"));
                                            let (title, _) = crate::components::place_card::names(i18n, &st.city.local_lang, name, name_en);
                                            view! { <li><a href=href>{title}</a></li> }
                                        }).collect_view()}
                                    </ul>
                                </section>
                            })}
                            <section class="sources">
                                <h2>{t!(i18n, story_sources)}</h2>
                                <ol>
                                    {st.sources.iter().map(|s| view! {
                                        <li><a href=s.url.clone() rel="noopener nofollow">{s.title.clone()}</a></li>
                                    }).collect_view()}
                                </ol>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <LoadError error=e /> }.into_any(),
                }
            })}}
        </Suspense>
    }
}
