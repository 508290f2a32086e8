//! One event's page: when (the next dates, or the last ones once it is
//! over), where (with a small map), for whom, how to join, add to calendar,
//! share. Carries Open Graph tags and schema.org JSON-LD for link previews.
use crate::components::share_button::ShareButton;
use crate::components::text_notes::TextNotes;
use crate::events::server::get_event;
use crate::events::EventDetail;
use crate::i18n::*;
use crate::locale;
use crate::pages::events::{date_label, time_span};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn EventPage() -> impl IntoView {
    let (c, s, l) = crate::pages::listing_key();
    view! {
        <crate::pages::Loaded
            load=move || get_event(c.clone(), s.clone(), l.clone())
            show=|d| view! { <EventView event=d /> }.into_any()
        />
    }
}

#[component]
fn EventView(event: EventDetail) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let lang = locale::code(l);
    let city = event.city.clone();
    let back = locale::href(i18n, &format!("/{city}/events"));
    let ics = format!("/calendar/{city}/{}?lang={lang}", event.slug);
    let summary =
        event.description.clone().unwrap_or_default().chars().take(200).collect::<String>();
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string()).unwrap_or_default();
    let markers = event.point.map(|(lat, lon)| {
        serde_json::json!([{ "name": event.title, "lat": lat, "lon": lon, "approx": false, "category": "event", "url": "" }]).to_string()
    });
    let view_attr = event
        .point
        .map(|(lat, lon)| serde_json::json!({ "center": [lat, lon], "zoom": 15 }).to_string());
    let share = event.share_url.clone();
    let languages = event
        .languages
        .iter()
        .map(|c| locale::language_label(i18n, c))
        .collect::<Vec<_>>()
        .join(", ");
    // The coming dates, for the moderators' forms: (date, label, called off).
    let coming: Vec<(String, String, bool)> = event
        .occurrences
        .iter()
        .map(|o| {
            let day = o.start.get(..10).unwrap_or("").to_string();
            (day, date_label(l, &o.start), o.cancelled)
        })
        .collect();
    view! {
        <Title text=event.title.clone() />
        <Meta name="description" content=summary.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:title" content=event.title.clone() />
        <Meta property="og:description" content=summary />
        <Meta property="og:url" content=share.clone() />
        <script type="application/ld+json" nonce=nonce inner_html=event.json_ld.clone()></script>
        <article class="event-page">
            <p class="breadcrumb"><a href=back>{td_string!(l, events_title, city = crate::cities::label(i18n, &city)).to_string()}</a></p>
            <h1 lang=event.title_lang.clone()>{event.title.clone()}</h1>
            {event.original_title.clone().map(|t| view! { <p class="original-name" lang=event.local_lang.clone()>{t}</p> })}
            <p class="event-meta">{crate::categories::label(i18n, &event.category)}
                {event.organisation.clone().map(|o| view! { " · "{td_string!(l, events_by, organiser = o).to_string()} })}</p>
            {event.cancelled.then(|| view! { <p class="notice cancelled" role="status">{t!(i18n, events_series_cancelled)}</p> })}
            {event.status_note.clone().map(|n| view! { <p class="status-note">{n}</p> })}
            {(event.past && !event.past_example).then(|| view! { <p class="notice" role="status">{t!(i18n, events_over)}</p> })}
            {event.past_example.then(|| view! { <p class="notice" role="status">{t!(i18n, events_past_example)}</p> })}
            <section class="when">
                <h2>{if event.past { t!(i18n, events_last_dates).into_any() } else { t!(i18n, events_next_dates).into_any() }}</h2>
                <ul class="occurrences">
                    {event.occurrences.iter().map(|o| view! {
                        <li class:cancelled=o.cancelled>
                            <time datetime=o.start_utc.clone()>{locale::day_label(i18n, o.weekday)}" "{date_label(i18n.get_locale_untracked(), o.start.get(..10).unwrap_or(""))}", "{time_span(i18n, o)}</time>
                            {o.cancelled.then(|| view! { " "<strong class="badge cancelled-badge">{t!(i18n, events_cancelled)}</strong> })}
                        </li>
                    }).collect_view()}
                </ul>
                {event.recurring.then(|| view! { <p class="hint">{t!(i18n, events_recurring_note)}</p> })}
                <p><a href=ics download=format!("{}.ics", event.slug) class="button">{t!(i18n, events_add_to_calendar)}</a></p>
                {event.organisation_id.zip(event.organisation.clone()).map(|(id, name)| {
                    let q = format!("city={}&organisation={id}", event.city);
                    view! {
                        <p class="organiser-feeds">
                            {td_string!(i18n.get_locale_untracked(), events_organiser_feeds, organiser = name).to_string()}" "
                            <a href=format!("/events.ics?{q}")>{t!(i18n, events_subscribe_ics)}</a>
                            " · "
                            <a href=format!("/events.atom?{q}")>{t!(i18n, events_atom)}</a>
                        </p>
                    }
                })}
            </section>
            <section class="where">
                <h2>{t!(i18n, events_where)}</h2>
                {event.place.clone().map(|(slug, name)| view! {
                    <p><a href=locale::href(i18n, &format!("/{city}/places/{slug}"))>{name}</a></p>
                })}
                {event.address.clone().map(|a| view! { <p>{a}</p> })}
                {event.district.clone().map(|d| view! { <p>{d}</p> })}
                {event.online_url.clone().map(|u| view! { <p>{t!(i18n, events_online)}": "<a href=u.clone() rel="noopener nofollow">{u.clone()}</a></p> })}
                {markers.map(|m| view! {
                    <div id="wk-map" class="map small-map" data-markers=m data-view=view_attr.clone().unwrap_or_default()
                        data-tiles=event.tile_url.clone() data-attribution=event.tile_attribution.clone()
                        data-zoom-in-label=td_string!(l, map_zoom_in).to_string()
                        data-zoom-out-label=td_string!(l, map_zoom_out).to_string()
                        data-cluster-label=td_string!(l, map_cluster, number = "%n%").to_string()>
                    </div>
                })}
            </section>
            <section class="for-whom">
                <h2>{t!(i18n, events_for_whom)}</h2>
                <ul>
                    {(!languages.is_empty()).then(|| view! { <li>{td_string!(l, events_languages, names = languages.clone()).to_string()}</li> })}
                    {event.no_czech.then(|| view! { <li>{locale::no_local_language_needed(l, &event.local_lang)}</li> })}
                    <li>{if event.free { td_string!(l, events_free_badge).to_string() } else { event.price.clone().unwrap_or_default() }}</li>
                    {event.children.then(|| view! { <li>{t!(i18n, events_children_badge)}</li> })}
                    {event.accessibility.clone().map(|a| view! { <li>{t!(i18n, events_accessibility)}": "{a}</li> })}
                    {event.capacity.map(|c| view! { <li>{td_string!(l, events_capacity, count = c).to_string()}</li> })}
                </ul>
                {event.registration_url.clone().map(|u| view! {
                    <p><a href=u rel="noopener nofollow">{t!(i18n, events_register)}</a></p>
                })}
            </section>
            {event.description.clone().map(|text| view! {
                <section class="description">
                    <h2>{t!(i18n, events_about)}</h2>
                    {event.description_text.clone().map(|t| view! { <TextNotes text=t /> })}
                    <p lang=event.description_text.as_ref().map(|t| t.lang.clone()).unwrap_or_default() dir="auto">{text}</p>
                </section>
            })}
            {event.last_verified.clone().map(|d| view! { <p class="last-verified">{t!(i18n, place_last_verified, date = move || d.clone())}</p> })}
            {event.organisation_id.is_none().then(|| view! {
                <crate::components::takeover_link::TakeoverLink form=format!("/dashboard/events/new?event={}", event.id) />
            })}
            {(!event.sources.is_empty()).then(|| view! {
                <section class="sources">
                    <h2>{t!(i18n, story_sources)}</h2>
                    <ul>{event.sources.iter().map(|s| view! { <li><a href=s.clone() rel="noopener nofollow">{s.clone()}</a></li> }).collect_view()}</ul>
                </section>
            })}
            <section class="share">
                <h2>{t!(i18n, events_share)}</h2>
                <p><label for="share-url" class="visually-hidden">{t!(i18n, place_share_link)}</label>
                    <input id="share-url" readonly value=share.clone() />
                    " "<ShareButton url=share.clone()
                        label=td_string!(l, place_share_copy).to_string()
                        copied=td_string!(l, place_share_copied).to_string()
                        failed=td_string!(l, place_share_copy_failed).to_string() /></p>
            </section>
            <crate::components::report_problem::ReportProblem listing="event"
                city=event.city.to_string() slug=event.slug.clone() />
            <crate::components::moderation_box::ListingModerationBox kind=crate::values::ListingKind::Event id=event.id
                city=event.city.to_string() slug=event.slug.clone() />
            {(!event.past).then(|| view! {
                <crate::components::call_off::ModeratorCallOff id=event.id city=event.city.to_string()
                    slug=event.slug.clone() dates=coming.clone() cancelled=event.cancelled />
            })}
        </article>
    }
}
