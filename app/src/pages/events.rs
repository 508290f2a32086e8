//! A city's events by date: filters (a plain GET form), occurrences grouped
//! by day, pages, and the same view as iCalendar and Atom feeds.
use crate::components::filters::{
    category_options, district_options, language_options, FilterChoice,
};
use crate::components::query_link::{query_string, with_param};
use crate::events::server::list_events;
use crate::events::{EventListing, OccurrenceItem};
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::{Link, Title};

#[component]
pub fn EventsPage() -> impl IntoView {
    let city = crate::pages::city_param();
    let (pairs, encoded) = crate::components::query_link::current_query();
    let lang = locale::code(use_i18n().get_locale_untracked()).to_string();
    view! {
        <crate::pages::Loaded
            load=move || list_events(city.clone(), encoded.clone(), lang.clone())
            show=move |(listing, ignored)| {
                view! { <EventsView listing=listing pairs=pairs.clone() ignored=ignored /> }
                    .into_any()
            }
        />
    }
}

/// "18:00–19:30", or "all day".
pub fn time_span(i18n: I18nContext<Locale>, o: &OccurrenceItem) -> String {
    if o.all_day {
        return td_string!(i18n.get_locale_untracked(), events_all_day).to_string();
    }
    let l = i18n.get_locale_untracked();
    let (s, e) = (
        locale::format::time(l, o.start.get(11..16).unwrap_or("")),
        locale::format::time(l, o.end.get(11..16).unwrap_or("")),
    );
    if o.end.get(..10) == o.start.get(..10) {
        format!("{s}–{e}")
    } else {
        format!("{s}–{} {e}", date_label(l, o.end.get(..10).unwrap_or("")))
    }
}

/// A date in the visitor's language, from "2026-11-24".
pub fn date_label(l: Locale, iso: &str) -> String {
    locale::format::date(l, iso)
}

#[component]
fn EventsView(
    listing: EventListing,
    pairs: Vec<(String, String)>,
    ignored: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let city = listing.city.slug.to_string();
    let local_lang = listing.city.local_lang.clone();
    let city_name = crate::cities::label(i18n, &city);
    let title = td_string!(l, events_title, city = city_name.clone()).to_string();
    let action = locale::href(i18n, &format!("/{city}/events"));
    let get = |k: &str| {
        pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default()
    };
    let truthy = |v: String| matches!(v.as_str(), "true" | "1" | "on" | "yes");
    let (when, category, lang, district, q, need) =
        (get("when"), get("category"), get("lang"), get("district"), get("q"), get("need"));
    let (free, no_czech, children) = (
        truthy(get("free")),
        truthy(get("no_czech")),
        truthy(get("children")) || truthy(get(crate::events::query::CHILDREN_FIELD)),
    );
    // Folded on a phone unless one of them is in use.
    let more_open = free
        || no_czech
        || children
        || [&q, &category, &lang, &district].iter().any(|v| !v.is_empty());
    let (from, to) = (listing.from.clone(), listing.to.clone());
    let when = if when.is_empty() && (!get("from").is_empty() || !get("to").is_empty()) {
        "range".to_string()
    } else {
        when
    };
    // Feeds carry the filters, not the page number; the language filter
    // also sets the feed's language.
    let feed_pairs: Vec<(String, String)> = std::iter::once(("city".to_string(), city.clone()))
        .chain(
            pairs.iter().filter(|(k, _)| !matches!(k.as_str(), "page" | "when" | "view")).cloned(),
        )
        .collect();
    let feed_query = query_string(feed_pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let ics = format!("/events.ics{feed_query}");
    let atom = format!("/events.atom{feed_query}");
    let webcal_note = td_string!(l, events_subscribe_hint).to_string();
    let total = listing.total;
    let pages = total.div_ceil(listing.per_page.max(1) as usize).max(1);
    let page = listing.page as usize;
    let prev = (page > 1)
        .then(|| format!("{action}{}", with_param(&pairs, "page", Some(&(page - 1).to_string()))));
    let next = (page < pages)
        .then(|| format!("{action}{}", with_param(&pairs, "page", Some(&(page + 1).to_string()))));
    // Occurrences grouped by local day.
    let mut days: Vec<(String, u8, Vec<OccurrenceItem>)> = Vec::new();
    for o in listing.items.clone() {
        let day = o.start.get(..10).unwrap_or("").to_string();
        match days.last_mut() {
            Some((d, _, list)) if *d == day => list.push(o),
            _ => days.push((day, o.weekday, vec![o])),
        }
    }
    view! {
        <Title text=title.clone() />
        <Link rel="alternate" type_="application/atom+xml" href=atom.clone() title=title.clone() />
        <section class="events-page">
            <h1>{title.clone()}</h1>
            {listing.shortened.then(|| view! {
                <p class="notice" role="status">{td_string!(l, events_range_shortened, days = crate::locale::format::integer(l, crate::events::query::MAX_WINDOW_DAYS)).to_string()}</p>
            })}
            {(!ignored.is_empty()).then(|| view! {
                <p class="notice" role="status">{td_string!(l, invalid_filter, names = ignored.join(", ")).to_string()}</p>
            })}
            <crate::components::need_chips::NeedChips needs=listing.needs.clone() pairs=pairs.clone() base=action.clone() />
            <form method="get" action=action.clone() class="filters event-filters" role="search" autocomplete="off">
                <h2 class="visually-hidden">{t!(i18n, filters_heading)}</h2>
                {(!need.is_empty()).then(|| view! { <input type="hidden" name="need" value=need.clone() /> })}
                <fieldset class="when">
                    <legend>{t!(i18n, events_when)}</legend>
                    {[("today", td_string!(l, events_today)), ("week", td_string!(l, events_week)), ("", td_string!(l, events_month)), ("range", td_string!(l, events_range))]
                        .into_iter().map(|(v, label)| {
                            let checked = when == v || (v.is_empty() && when == "month");
                            view! { <label><input type="radio" name="when" value=v checked=checked />{label}</label> }
                        }).collect_view()}
                    <div class="range">
                        <label for="e-from">{t!(i18n, events_from)}</label>
                        <input id="e-from" type="date" name="from" value=if when == "range" { from.clone() } else { String::new() } />
                        <label for="e-to">{t!(i18n, events_to)}</label>
                        <input id="e-to" type="date" name="to" value=if when == "range" { to.clone() } else { String::new() } />
                    </div>
                </fieldset>
                // On a phone the dates come first; the rest folds away unless used.
                <details class="more-filters" open=more_open>
                <summary>{t!(i18n, events_more_filters)}</summary>
                <div class="field search-field">
                    <label for="e-q">{t!(i18n, filter_search)}</label>
                    <input id="e-q" type="search" name="q" value=q.clone() />
                </div>
                <FilterChoice id="e-category" name="category" selected=category.clone()
                    label=td_string!(l, filter_category).to_string() any=td_string!(l, filter_any_category).to_string()
                    options=category_options(i18n, crate::values::ListingKind::Event) />
                <FilterChoice id="e-lang" name="lang" selected=lang.clone()
                    label=td_string!(l, events_held_in).to_string() any=td_string!(l, filter_any_language).to_string()
                    options=language_options(i18n, &listing.languages) />
                <FilterChoice id="e-district" name="district" selected=district.clone()
                    label=td_string!(l, filter_district).to_string() any=td_string!(l, filter_any_district).to_string()
                    options=district_options(&listing.districts) />
                <div class="field checks">
                    <label><input type="checkbox" name="no_czech" value="true" checked=no_czech />{locale::no_local_language_needed(l, &local_lang)}</label>
                    <label><input type="checkbox" name="free" value="true" checked=free />{t!(i18n, events_free)}</label>
                    <label><input type="checkbox" name=crate::events::query::CHILDREN_FIELD value="true" checked=children />{t!(i18n, events_children)}</label>
                </div>
                </details>
                <div class="actions">
                    <button type="submit">{t!(i18n, events_show)}</button>
                    <a class="reset" href=action.clone()>{t!(i18n, filter_reset)}</a>
                </div>
            </form>
            <p class="feeds">
                <a href=ics.clone() type="text/calendar">{t!(i18n, events_subscribe_ics)}</a>" · "
                <a href=atom.clone() type="application/atom+xml">{t!(i18n, events_atom)}</a>
                <span class="hint">" "{webcal_note}</span>
            </p>
            <h2 id="events-heading" aria-live="polite">
                {td_string!(l, events_count, count = total).to_string()}" · "{date_label(l, &listing.from)}" – "{date_label(l, &listing.to)}
            </h2>
            {if days.is_empty() {
                view! { <p class="empty">{t!(i18n, events_none)}</p> }.into_any()
            } else {
                view! {
                    <div class="event-days">
                        {days.into_iter().map(|(day, weekday, list)| view! {
                            <section class="event-day">
                                <h3>{locale::day_label(i18n, weekday)}" "{date_label(l, &day)}</h3>
                                <ul class="event-list">
                                    {list.into_iter().map(|o| view! { <li><OccurrenceCard item=o city=city.clone() local_lang=local_lang.clone() /></li> }).collect_view()}
                                </ul>
                            </section>
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
            {(prev.is_some() || next.is_some()).then(|| view! {
                <nav class="pager" aria-label=td_string!(l, events_pages).to_string()>
                    {prev.map(|h| view! { <a href=h rel="prev">{t!(i18n, events_prev)}</a> })}
                    " "<span>{format!("{page} / {pages}")}</span>" "
                    {next.map(|h| view! { <a href=h rel="next">{t!(i18n, events_next)}</a> })}
                </nav>
            })}
        </section>
    }
}

/// One occurrence in a list: time, title, where, and what a newcomer checks.
#[component]
pub fn OccurrenceCard(
    item: OccurrenceItem,
    city: String,
    /// The city's own language, for "No Slovak needed".
    local_lang: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let href = locale::href(i18n, &format!("/{city}/events/{}", item.slug));
    let span = time_span(i18n, &item);
    view! {
        <article class="event-card" class:cancelled=item.cancelled data-slug=item.slug.clone()>
            <p class="event-time"><time datetime=item.start_utc.clone()>{span}</time>
                {item.cancelled.then(|| view! { " "<strong class="badge cancelled-badge">{t!(i18n, events_cancelled)}</strong> })}</p>
            <h4 lang=item.title_lang.clone()><a href=href>{item.title.clone()}</a></h4>
            <p class="event-meta">
                {crate::categories::label(i18n, &item.category)}
                {item.venue.clone().map(|v| view! { " · "<span class="venue">{v}</span> })}
                {item.online.then(|| view! { " · "{t!(i18n, events_online)} })}
                {item.district.clone().map(|d| view! { " · "{d} })}
            </p>
            <p class="badges">
                {item.no_czech.then(|| view! { <span class="badge">{locale::no_local_language_needed(l, &local_lang)}</span> })}
                {if item.free {
                    view! { <span class="badge">{t!(i18n, events_free_badge)}</span> }.into_any()
                } else {
                    item.price.clone().map(|p| view! { <span class="badge">{p}</span> }).into_any()
                }}
                {item.children.then(|| view! { <span class="badge">{t!(i18n, events_children_badge)}</span> })}
                {(!item.languages.is_empty()).then(|| {
                    let names = item.languages.iter().map(|c| locale::language_label(i18n, c)).collect::<Vec<_>>().join(", ");
                    view! { <span class="langs">{td_string!(l, events_languages, names = names).to_string()}</span> }
                })}
            </p>
        </article>
    }
}
