use crate::i18n::*;
use crate::locale;
use crate::places::{NextChange, PlaceSummary};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// The name to lead with and the one beneath it: the name as written on
/// the door (the city's language) first, the English one under it for
/// visitors who do not read the city's language.
pub fn names(
    i18n: I18nContext<Locale>,
    city_lang: &str,
    name: &str,
    name_en: &str,
) -> (String, Option<String>) {
    let reads_local = locale::code(i18n.get_locale_untracked()) == city_lang;
    let translated =
        (!reads_local && name != name_en && !name_en.is_empty()).then(|| name_en.to_string());
    (name.to_string(), translated)
}

/// The local language of `city`, from the cities the page knows.
pub fn city_lang(city: &str) -> String {
    use_context::<crate::cities::CityDirectory>()
        .and_then(|d| d.find(city).map(|c| c.local_lang.clone()))
        .unwrap_or_default()
}

/// "Open now · until 15:00", "Closed · opens Wednesday 08:00", or "Hours
/// unknown".
#[component]
pub fn OpenBadge(open: Option<bool>, next: Option<NextChange>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let when = next.map(|n| {
        let time = locale::format::time(l, &n.time);
        match (open, n.today) {
            (Some(true), _) => td_string!(l, hours_open_until, time = time).to_string(),
            (_, true) => td_string!(l, hours_opens_at, when = time).to_string(),
            (_, false) => {
                let day = locale::day_label(i18n, n.weekday);
                td_string!(l, hours_opens_at, when = format!("{day} {time}")).to_string()
            }
        }
    });
    let badge = match open {
        Some(true) => view! { <span class="badge open">{t!(i18n, open_now)}</span> }.into_any(),
        Some(false) => {
            view! { <span class="badge closed">{t!(i18n, closed_now)}</span> }.into_any()
        }
        None => view! { <span class="badge unknown">{t!(i18n, hours_unknown)}</span> }.into_any(),
    };
    view! {
        {badge}
        {when.map(|w| view! { <span class="next-change">{w}</span> })}
    }
}

/// "350 m", "1.2 km", and "about 1.2 km" for a point that is only a street's
/// or a borough's centre.
pub fn distance_text(l: Locale, metres: f64, approximate: bool) -> String {
    let exact = if metres < 1000.0 {
        let rounded = ((metres / 10.0).round() * 10.0) as i64;
        td_string!(l, place_distance_m, distance = locale::format::integer(l, rounded)).to_string()
    } else {
        td_string!(l, place_distance_km, distance = locale::format::decimal(l, metres / 1000.0))
            .to_string()
    };
    if approximate {
        td_string!(l, distance_about, distance = exact).to_string()
    } else {
        exact
    }
}

/// A place in a list. It leads with what a newcomer decides on: whether it
/// is open, the languages spoken there and how far it is; then the address.
#[component]
pub fn PlaceCard(place: PlaceSummary) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
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
    } else if place.approximate && place.distance_m.is_none() {
        Some(view! { <p class="location-note">{t!(i18n, location_approximate)}</p> }.into_any())
    } else {
        None
    };
    let distance = place.distance_m.map(|m| distance_text(l, m, place.approximate));
    let address = [Some(place.address.clone()), place.district.clone()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <article class="place-card" data-slug=place.slug.clone()>
            <h3><a href=href lang=local.clone()>{title}</a></h3>
            {subtitle.map(|s| view! { <p class="translated-name" lang="en">{s}</p> })}
            {historical}
            <p class="meta">
                <OpenBadge open=place.open_now next=place.next_change.clone() />
                {distance.map(|d| view! { <span class="distance">{d}</span> })}
                {(!languages.is_empty()).then(|| view! {
                    <span class="languages">{t!(i18n, place_languages)}": "{languages}</span>
                })}
            </p>
            <p class="address"><span class="category">{category}</span>
                {(!address.is_empty()).then(|| view! { " · " <bdi>{address}</bdi> })}</p>
            {location_note}
        </article>
    }
}
