use crate::i18n::*;
use crate::locale;
use crate::places::PlaceSummary;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// The name to lead with: the local name for visitors reading the city's
/// language, the English name otherwise (the local one is shown beneath).
pub fn names(
    i18n: I18nContext<Locale>,
    city_lang: &str,
    name: &str,
    name_en: &str,
) -> (String, Option<String>) {
    let reads_local = locale::code(i18n.get_locale_untracked()) == city_lang;
    if reads_local || name == name_en {
        (name.to_string(), None)
    } else {
        (name_en.to_string(), Some(name.to_string()))
    }
}

/// The local language of `city`, from the cities the page knows.
pub fn city_lang(city: &str) -> String {
    use_context::<crate::cities::CityDirectory>()
        .and_then(|d| d.find(city).map(|c| c.local_lang.clone()))
        .unwrap_or_default()
}

#[component]
pub fn OpenBadge(open: Option<bool>) -> impl IntoView {
    let i18n = use_i18n();
    match open {
        Some(true) => view! { <span class="badge open">{t!(i18n, open_now)}</span> }.into_any(),
        Some(false) => {
            view! { <span class="badge closed">{t!(i18n, closed_now)}</span> }.into_any()
        }
        None => view! { <span class="badge unknown">{t!(i18n, hours_unknown)}</span> }.into_any(),
    }
}

#[component]
pub fn PlaceCard(place: PlaceSummary) -> impl IntoView {
    let i18n = use_i18n();
    let local = city_lang(&place.city);
    let (title, subtitle) = names(i18n, &local, &place.name, &place.name_en);
    let href = locale::href(i18n, &format!("/{}/places/{}", place.city, place.slug));
    let category = crate::categories::label(i18n, &place.category);
    let languages = place
        .languages
        .iter()
        .map(|c| locale::language_label(i18n, c))
        .collect::<Vec<_>>()
        .join(", ");
    let historical = place
        .historical
        .then(|| view! { <p class="historical-note">{t!(i18n, place_historical)}</p> });
    let location_note = if place.lat.is_none() {
        Some(view! { <p class="location-note">{t!(i18n, location_unconfirmed)}</p> }.into_any())
    } else if place.approximate {
        Some(view! { <p class="location-note">{t!(i18n, location_approximate)}</p> }.into_any())
    } else {
        None
    };
    view! {
        <article class="place-card" data-slug=place.slug.clone()>
            <h3><a href=href>{title}</a></h3>
            {subtitle.map(|s| view! { <p class="local-name" lang=local>{s}</p> })}
            {historical}
            <p class="meta">
                <span class="category">{category}</span>
                <OpenBadge open=place.open_now />
            </p>
            {(!place.address.is_empty()).then(|| view! { <p class="address">{place.address.clone()}</p> })}
            {place.district.clone().map(|d| view! { <p class="district">{d}</p> })}
            {location_note}
            {(!languages.is_empty()).then(|| view! {
                <p class="languages">{t!(i18n, place_languages)}": "{languages}</p>
            })}
        </article>
    }
}
