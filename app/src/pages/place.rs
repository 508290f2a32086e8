//! A place's page: everything known about it, server-rendered.
use crate::components::place_card::{names, OpenBadge};
use crate::components::report_problem::ReportProblem;
use crate::components::share_button::ShareButton;
use crate::components::text_notes::TextNotes;
use crate::i18n::*;
use crate::locale;
use crate::locale::content::ShownText;
use crate::places::server::get_place;
use crate::places::{Hours, HoursNote, PlaceDetail};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

#[component]
pub fn PlacePage() -> impl IntoView {
    let (c, s, l) = crate::pages::listing_key();
    view! {
        <crate::pages::Loaded
            load=move || get_place(c.clone(), s.clone(), l.clone())
            show=|p| view! { <PlaceView place=p /> }.into_any()
        />
    }
}

#[component]
fn PlaceView(place: PlaceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let s = place.summary.clone();
    let (title, subtitle) = names(i18n, &place.city.local_lang, &s.name, &s.name_en);
    let local_lang = place.city.local_lang.clone();
    let back = locale::href(i18n, &format!("/{}", s.city));
    let category = crate::categories::label(i18n, &s.category);
    let languages: Vec<String> =
        s.languages.iter().map(|c| locale::language_label(i18n, c)).collect();
    let page_title = format!("{title} – {}", td_string!(i18n.get_locale_untracked(), site_name));
    let description_meta = place.description.as_ref().map(|t| t.body.clone()).unwrap_or_default();
    let wheelchair = match s.wheelchair.as_deref() {
        Some("yes") => td_string!(i18n.get_locale_untracked(), wheelchair_yes),
        Some("no") => td_string!(i18n.get_locale_untracked(), wheelchair_no),
        Some("limited") => td_string!(i18n.get_locale_untracked(), wheelchair_limited),
        _ => td_string!(i18n.get_locale_untracked(), wheelchair_unknown),
    };
    let location = match (s.lat, s.lon) {
        (Some(lat), Some(lon)) => {
            // A street's or a borough's centre is no place to walk to: map
            // apps get the address to look up instead of the made-up point.
            let (geo, osm) = if s.approximate {
                let q = form_urlencoded::byte_serialize(s.address.as_bytes()).collect::<String>();
                (
                    format!("geo:0,0?q={q}"),
                    format!("https://www.openstreetmap.org/search?query={q}"),
                )
            } else {
                (
                    format!("geo:{lat:.6},{lon:.6}?q={lat:.6},{lon:.6}"),
                    format!("https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lon:.6}#map=17/{lat:.6}/{lon:.6}"),
                )
            };
            view! {
                {s.approximate.then(|| view! { <p class="location-note">{t!(i18n, location_approximate)}</p> })}
                <ul class="directions">
                    <li><a href=geo>{t!(i18n, place_open_in_maps)}</a></li>
                    <li><a href=osm rel="noopener" target="_blank">{t!(i18n, place_open_in_osm)}</a></li>
                </ul>
            }
            .into_any()
        }
        _ => view! { <p class="location-note">{t!(i18n, location_unconfirmed)}</p> }.into_any(),
    };
    let share = place.share_url.clone();
    let mail_share = format!(
        "mailto:?subject={}&body={}",
        form_urlencoded::byte_serialize(title.as_bytes()).collect::<String>().replace('+', "%20"),
        form_urlencoded::byte_serialize(share.as_bytes()).collect::<String>()
    );
    // schema.org Place for link previews and search engines; approximate
    // points are left out rather than passed off as exact.
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Place",
        "name": title.clone(),
        "url": share.clone(),
        "address": s.address.clone(),
    });
    if let (Some(lat), Some(lon), false) = (s.lat, s.lon, s.approximate) {
        ld["geo"] =
            serde_json::json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon});
    }
    if let Some(p) = &place.phone {
        ld["telephone"] = serde_json::json!(p);
    }
    if let Some(w) = &place.website {
        ld["sameAs"] = serde_json::json!(w);
    }
    let json_ld = ld.to_string().replace("</", "<\\/");
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string()).unwrap_or_default();
    view! {
        <Title text=page_title />
        <script type="application/ld+json" nonce=nonce inner_html=json_ld></script>
        <Meta name="description" content=description_meta.clone() />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description_meta />
        <Meta property="og:url" content=share.clone() />
        <Link rel="canonical" href=share.clone() />
        <article class="place" data-slug=s.slug.clone()>
            <p class="breadcrumb"><a href=back>{t!(i18n, back_to_map)}</a></p>
            <h1 lang=local_lang.clone()>{title.clone()}</h1>
            {subtitle.map(|n| view! { <p class="translated-name" lang="en">{n}</p> })}
            {s.historical.then(|| view! { <p class="historical-note">{t!(i18n, place_historical)}</p> })}
            <p class="meta"><span class="category">{category}</span> <OpenBadge open=s.open_now next=s.next_change.clone() /></p>
            {match place.description.clone() {
                Some(text) => view! { <Translated text=text /> }.into_any(),
                None => view! { <p class="description missing">{t!(i18n, place_description_missing)}</p> }.into_any(),
            }}
            <HoursView hours=place.hours.clone() />
            <EventsHere city=place.city.slug.to_string() local_lang=place.city.local_lang.clone() place=place.id />
            <section>
                <h2>{t!(i18n, place_address)}</h2>
                <p class="address"><bdi>{s.address.clone()}</bdi></p>
                {s.district.clone().map(|d| view! { <p>{t!(i18n, place_district)}": "{d}</p> })}
                <h3>{t!(i18n, place_directions)}</h3>
                {location}
            </section>
            <section>
                <h2>{t!(i18n, place_languages)}</h2>
                {if languages.is_empty() {
                    view! { <p>{t!(i18n, place_languages_unknown)}</p> }.into_any()
                } else {
                    view! { <ul class="languages">{languages.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                }}
                <p>{t!(i18n, place_wheelchair)}": "{wheelchair}</p>
            </section>
            <Contact place=place.clone() />
            <section class="provenance">
                <h2>{t!(i18n, place_source)}</h2>
                <ul>
                    {place.sources.iter().map(|u| view! { <li><a href=u.clone() rel="noopener nofollow" dir="ltr">{u.clone()}</a></li> }).collect_view()}
                </ul>
                {match place.last_verified.clone() {
                    Some(d) => view! { <p>{t!(i18n, place_last_verified, date = move || d.clone())}</p> }.into_any(),
                    None => view! { <p>{t!(i18n, place_not_verified)}</p> }.into_any(),
                }}
                {place.source_date.clone().map(|d| view! { <p>{t!(i18n, place_source_date, date = move || d.clone())}</p> })}
            </section>
            {(!place.managed).then(|| view! {
                <crate::components::takeover_link::TakeoverLink form=format!("/dashboard/places/new?place={}", place.id) />
            })}
            <Nearby place=place.clone() />
            {(!place.stories.is_empty()).then(|| {
                let city = s.city.clone();
                view! {
                    <section>
                        <h2>{t!(i18n, place_related_stories)}</h2>
                        <ul>
                            {place.stories.iter().map(|st| {
                                let href = locale::href(i18n, &format!("/{city}/stories/{}", st.slug));
                                view! { <li><a href=href>{st.title.clone()}</a></li> }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
            <ReportProblem listing="place" city=s.city.to_string() slug=s.slug.clone() />
            <crate::components::moderation_box::ListingModerationBox kind=crate::values::ListingKind::Place id=place.id city=s.city.to_string() slug=s.slug.clone() />
            <section class="share">
                <h2>{t!(i18n, place_share)}</h2>
                <p><a class="share-link" href=share.clone()>{t!(i18n, place_share_link)}</a></p>
                <p><label for="share-url" class="visually-hidden">{t!(i18n, place_share_link)}</label>
                    <input id="share-url" readonly dir="ltr" value=share.clone() />
                    " "<ShareButton url=share.clone()
                        label=td_string!(i18n.get_locale_untracked(), place_share_copy).to_string()
                        copied=td_string!(i18n.get_locale_untracked(), place_share_copied).to_string()
                        failed=td_string!(i18n.get_locale_untracked(), place_share_copy_failed).to_string() /></p>
                <p><a href=mail_share>{t!(i18n, place_share_email)}</a></p>
            </section>
        </article>
    }
}

#[component]
fn HoursView(hours: Hours) -> impl IntoView {
    let i18n = use_i18n();
    let today = hours.week.iter().find(|d| d.is_today).cloned();
    view! {
        <section class="hours">
            <h2>{t!(i18n, hours_this_week)}</h2>
            {today.map(|d| {
                let spans = fmt_spans(i18n.get_locale_untracked(), &d.spans);
                view! {
                    <p class="today">
                        <strong>{t!(i18n, hours_today)}": "</strong>
                        {if spans.is_empty() { td_string!(i18n.get_locale_untracked(), hours_closed_day).to_string() } else { spans }}
                        {d.notes.iter().map(|n| view! { " " <HoursNoteView note=n.clone() /> }).collect_view()}
                        " " <OpenBadge open=hours.open_now next=hours.next_change.clone() />
                    </p>
                }
            })}
            {(!hours.week.is_empty()).then(|| view! {
                <table class="week">
                    <tbody>
                        {hours.week.iter().map(|d| {
                            let spans = fmt_spans(i18n.get_locale_untracked(), &d.spans);
                            let day = locale::day_label(i18n, d.weekday);
                            view! {
                                <tr class:today=d.is_today>
                                    <th scope="row">{day}</th>
                                    <td>
                                        {if spans.is_empty() { td_string!(i18n.get_locale_untracked(), hours_closed_day).to_string() } else { spans }}
                                        {d.notes.iter().map(|n| view! { " " <HoursNoteView note=n.clone() /> }).collect_view()}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {hours.closed_on_holidays.then(|| view! { <p>{t!(i18n, hours_public_holiday_note)}</p> })}
            {hours.published_text.clone().map(|t| view! {
                <p class="published-hours"><strong>{t!(i18n, hours_as_published)}": "</strong><span lang="">{t}</span></p>
            })}
            {(hours.week.is_empty() && hours.published_text.is_none()).then(|| view! { <p>{t!(i18n, hours_unknown)}</p> })}
        </section>
    }
}

/// A day's note: known ones in the page's language, others as written
/// (in the language of the data, so not marked as the page's).
#[component]
fn HoursNoteView(note: HoursNote) -> impl IntoView {
    let i18n = use_i18n();
    match note {
        HoursNote::Appointment => {
            view! { <span class="hours-note">"("{t!(i18n, hours_note_appointment)}")"</span> }
                .into_any()
        }
        HoursNote::Text(text) => {
            view! { <span class="hours-note" lang="">"("{text}")"</span> }.into_any()
        }
    }
}

fn fmt_spans(l: Locale, spans: &[(String, String)]) -> String {
    spans
        .iter()
        .map(|(a, b)| format!("{}–{}", locale::format::time(l, a), locale::format::time(l, b)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn Contact(place: PlaceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let phone = place.phone.clone();
    let email = place.email.clone();
    let website = place.website.clone();
    (phone.is_some() || email.is_some() || website.is_some()).then(|| view! {
        <section class="contact">
            <h2>{t!(i18n, place_contact)}</h2>
            <ul>
                {phone.map(|p| {
                    match place.phone_number.clone() {
                        Some(phone) => {
                            let tel = format!("tel:{}", phone.e164);
                            let shown = phone.shown.clone();
                            view! {
                                <li>
                                    <a href=tel>{t!(i18n, place_phone, phone = move || view! { <bdi dir="ltr">{shown.clone()}</bdi> })}</a>
                                    {(!phone.note.is_empty()).then(|| view! { " " <span class="phone-note">{phone.note.clone()}</span> })}
                                </li>
                            }.into_any()
                        }
                        None => view! { <li><bdi>{p.clone()}</bdi></li> }.into_any(),
                    }
                })}
                {email.map(|e| {
                    let mailto = format!("mailto:{e}");
                    let shown = e.clone();
                    view! { <li><a href=mailto>{t!(i18n, place_email, email = move || view! { <bdi dir="ltr">{shown.clone()}</bdi> })}</a></li> }
                })}
                {website.map(|w| view! { <li><a href=w.clone() rel="noopener">{t!(i18n, place_website)}</a></li> })}
            </ul>
        </section>
    })
}

#[component]
fn Nearby(place: PlaceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let city = place.summary.city.clone();
    let local = place.city.local_lang.clone();
    view! {
        <section class="nearby">
            <h2>{t!(i18n, place_nearby)}</h2>
            {if place.nearby.is_empty() {
                view! { <p>{t!(i18n, place_nearby_none)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {place.nearby.iter().map(|n| {
                            let href = locale::href(i18n, &format!("/{city}/places/{}", n.slug));
                            let (name, _) = names(i18n, &local, &n.name, &n.name_en);
                            let m = n.metres;
                            let distance = if m < 1000.0 {
                                td_string!(i18n.get_locale_untracked(), place_distance_m, distance = locale::format::integer(i18n.get_locale_untracked(), ((m / 10.0).round() * 10.0) as i64)).to_string()
                            } else {
                                td_string!(i18n.get_locale_untracked(), place_distance_km, distance = locale::format::decimal(i18n.get_locale_untracked(), m / 1000.0)).to_string()
                            };
                            view! { <li><a href=href>{name}</a>" · "{distance}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// A text in the visitor's language, or in another one with an honest label.
#[component]
pub fn Translated(text: ShownText) -> impl IntoView {
    let (lang, body) = (text.lang.clone(), text.body.clone());
    view! {
        <TextNotes text=text />
        <p class="description" lang=lang dir="auto">{body}</p>
    }
}

/// The next date of each event held at the place, if any.
#[component]
fn EventsHere(city: String, local_lang: String, place: i64) -> impl IntoView {
    let i18n = use_i18n();
    let lang = locale::code(i18n.get_locale_untracked()).to_string();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (city, lang, local_lang) = (city.clone(), lang.clone(), local_lang.clone());
                Suspend::new(async move {
                    let list = crate::events::server::events_at_place(city.clone(), place, lang).await.unwrap_or_default();
                    (!list.is_empty()).then(|| view! {
                        <section class="events-here">
                            <h2>{t!(i18n, events_at_place)}</h2>
                            <ul class="event-list">
                                {list.into_iter().map(|o| view! {
                                    <li><crate::pages::events::OccurrenceCard item=o city=city.clone() local_lang=local_lang.clone() /></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })
                })
            }}
        </Suspense>
    }
}
