//! The city page: search, needs, filters, the list and the map of the same
//! places. On a phone the first screen holds the search box, the needs and
//! the first places.
use crate::components::filters::Filters;
use crate::components::map::PlaceMap;
use crate::components::near_me::NearMeButton;
use crate::components::place_card::PlaceCard;
use crate::components::query_link::with_param;
use crate::i18n::*;
use crate::locale;
use crate::pages::LoadError;
use crate::places::server::list_places;
use crate::places::PlaceListing;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CityPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let city = params.read_untracked().get("city").unwrap_or_default();
    let (pairs, encoded) = crate::components::query_link::current_query();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || {
                let (c, q, pairs) = (city.clone(), encoded.clone(), pairs.clone());
                Suspend::new(async move {
                    match list_places(c, q).await {
                        Ok(l) => view! { <CityView listing=l pairs=pairs /> }.into_any(),
                        Err(e) => view! { <LoadError error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn CityView(listing: PlaceListing, pairs: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let city_slug = listing.city.slug.clone();
    let city_name = crate::cities::label(i18n, &city_slug);
    let view_mode = pairs
        .iter()
        .find(|(k, _)| k == "view")
        .map(|(_, v)| v.clone())
        .filter(|v| v == "map")
        .unwrap_or_else(|| "list".into());
    let base = locale::href(i18n, &format!("/{city_slug}"));
    let list_href = format!("{base}{}", with_param(&pairs, "view", None));
    let map_href = format!("{base}{}", with_param(&pairs, "view", Some("map")));
    let total = listing.total;
    let pages = total.div_ceil(listing.per_page.max(1) as usize).max(1);
    let page = listing.page as usize;
    let prev = (page > 1)
        .then(|| format!("{base}{}", with_param(&pairs, "page", Some(&(page - 1).to_string()))));
    let next = (page < pages)
        .then(|| format!("{base}{}", with_param(&pairs, "page", Some(&(page + 1).to_string()))));
    let ignored = listing.ignored.join(", ");
    let is_map = view_mode == "map";
    let stories_href = locale::href(i18n, &format!("/{city_slug}/stories"));
    let stories_label =
        td_string!(i18n.get_locale_untracked(), stories_title, city = city_name.clone())
            .to_string();
    let communities_href = locale::href(i18n, &format!("/{city_slug}/communities"));
    let communities_label =
        td_string!(i18n.get_locale_untracked(), communities_title, city = city_name.clone())
            .to_string();
    let title = format!("{city_name} – {}", td_string!(i18n.get_locale_untracked(), site_name));
    let lang = crate::locale::code(i18n.get_locale_untracked());
    let suggested: Vec<(String, String)> = listing
        .suggested_needs
        .iter()
        .filter_map(|k| listing.needs.iter().find(|n| &n.key == k))
        .map(|n| (format!("{base}{}", with_param(&[], "need", Some(&n.key))), n.label(lang)))
        .collect();
    let query_text =
        pairs.iter().find(|(k, _)| k == "q").map(|(_, v)| v.clone()).unwrap_or_default();
    let notes = listing.need_notes.clone();
    let elsewhere: Vec<(String, String)> = listing
        .elsewhere
        .iter()
        .map(|(c, _)| {
            let href =
                locale::href(i18n, &format!("/{c}{}", with_param(&[], "q", Some(&query_text))));
            (href, crate::cities::label(i18n, c))
        })
        .collect();
    // "Near me" reloads the list with `near=`; a new point starts on page 1.
    let near_target = {
        let kept: Vec<(String, String)> = pairs
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "near" | "from" | "page"))
            .cloned()
            .collect();
        let query = crate::components::query_link::query_string(
            kept.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        );
        if query.is_empty() {
            format!("{base}?")
        } else {
            format!("{base}{query}&")
        }
    };
    let near_label = td_string!(i18n.get_locale_untracked(), near_me).to_string();
    let near_denied = td_string!(i18n.get_locale_untracked(), near_denied).to_string();
    let clear_href = base.clone();
    view! {
        <Title text=title />
        <div class="city-page" data-view=view_mode.clone()>
            <h1 class="city-title">{city_name.clone()}</h1>
            <Filters listing=listing.clone() pairs=pairs.clone() action=base.clone() />
            {(!ignored.is_empty()).then(|| view! {
                <p class="notice" role="status">{t!(i18n, invalid_filter, names = move || ignored.clone())}</p>
            })}
            // Sticks to the top of the screen: list and map stay a tap away
            // however far down the list the visitor has scrolled.
            <div class="results-bar">
                <div class="view-toggle" role="group">
                    <a href=list_href class:active=!is_map aria-current=(!is_map).then_some("page")>{t!(i18n, view_list)}</a>
                    <a href=map_href class:active=is_map aria-current=is_map.then_some("page")>{t!(i18n, view_map)}</a>
                </div>
                <NearMeButton target=near_target label=near_label denied=near_denied />
            </div>
            <div class="results">
                <section class="place-list" aria-labelledby="results-heading">
                    <h2 id="results-heading" aria-live="polite">{t!(i18n, results_count, count = move || total)}</h2>
                    {notes.into_iter().map(|n| {
                        let call = n.call.clone().map(|number| {
                            let tel = format!("tel:{number}");
                            view! { " " <a class="call" href=tel>{t!(i18n, need_call, number = move || view! { <bdi dir="ltr">{number.clone()}</bdi> })}</a> }
                        });
                        view! { <p class="need-note" class:urgent=n.call.is_some() data-need=n.key.clone()>{n.text(lang)}{call}</p> }
                    }).collect_view()}
                    {if listing.places.is_empty() {
                        view! {
                            <p class="empty">{t!(i18n, no_results)}" "<a class="reset" href=clear_href>{t!(i18n, filter_reset)}</a></p>
                            {(!suggested.is_empty()).then(|| view! {
                                <div class="suggestions">
                                    <p>{t!(i18n, no_results_needs, query = move || query_text.clone())}</p>
                                    <ul class="chips">
                                        {suggested.into_iter().map(|(href, label)| view! { <li><a class="chip" href=href>{label}</a></li> }).collect_view()}
                                    </ul>
                                </div>
                            })}
                            {elsewhere.into_iter().map(|(href, name)| view! {
                                <p class="elsewhere"><a href=href>{t!(i18n, found_elsewhere, city = move || name.clone())}</a></p>
                            }).collect_view()}
                        }.into_any()
                    } else {
                        view! {
                            <ul class="cards">
                                {listing.places.iter().cloned().map(|p| view! { <li><PlaceCard place=p /></li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {(pages > 1).then(|| view! {
                        <nav class="pager" aria-label=move || td_string!(i18n.get_locale_untracked(), pagination)>
                            {prev.map(|h| view! { <a rel="prev" href=h>"←"</a> })}
                            <span>{format!("{page} / {pages}")}</span>
                            {next.map(|h| view! { <a rel="next" href=h>"→"</a> })}
                        </nav>
                    })}
                    <p class="city-links"><a href=stories_href>{stories_label}</a>" · "<a href=communities_href>{communities_label}</a></p>
                    <crate::components::save_offline::SaveForOffline city=city_slug.to_string() city_name=city_name.clone() />
                </section>
                <PlaceMap listing=listing />
            </div>
        </div>
    }
}
