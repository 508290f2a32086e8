//! The city at a glance: a few small tables that fit a phone, and the same
//! figures as CSV.
use crate::components::filters::{city_options, FilterChoice};
use crate::i18n::*;
use crate::locale;
use crate::moderation::statistics::{city_statistics, Statistics};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let city = use_query_map().get_untracked().get("city").unwrap_or_default();
    let title = td_string!(i18n.get_locale_untracked(), stats_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="statistics">
            <h1>{title}</h1>
            <crate::pages::Loaded
                load=move || city_statistics(city.clone())
                show=|s| view! { <Figures stats=s /> }.into_any()
            />
        </section>
    }
}

/// A table of (what, how many) with a caption.
#[component]
fn Counts(caption: String, head: String, rows: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="counts">
            <caption>{caption}</caption>
            <thead><tr>
                <th scope="col">{head}</th>
                <th scope="col" class="number">{t!(i18n, stats_count)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(what, n)| view! {
                    <tr><th scope="row">{what}</th><td class="number">{n}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Figures(stats: Statistics) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let city = stats.city.clone().unwrap_or_default();
    let csv = format!("{}.csv?city={city}", locale::href(i18n, "/moderation/statistics"));
    let listings = stats
        .listings
        .iter()
        .map(|(kind, status, n)| {
            let what =
                format!("{} · {}", locale::listing_kind(i18n, *kind), state_label(l, status));
            (what, n.to_string())
        })
        .collect();
    let waiting = stats
        .waiting
        .iter()
        .map(|w| {
            let median = w.median_hours.map(|h| waited(l, h));
            let n = match median {
                Some(m) => {
                    td_string!(l, stats_waiting_median, count = w.count, median = m).to_string()
                }
                None => w.count.to_string(),
            };
            (locale::listing_kind(i18n, w.kind), n)
        })
        .collect();
    let stale =
        stats.stale.iter().map(|(k, n)| (locale::stale_kind(i18n, k), n.to_string())).collect();
    let organisations = stats
        .organisations
        .iter()
        .map(|(s, n)| (locale::organisation_status(i18n, *s).to_string(), n.to_string()))
        .collect();
    let interest: Vec<(String, String)> =
        stats.interest.iter().map(|(t, n)| (t.clone(), n.to_string())).collect();
    let no_interest = interest.is_empty();
    let what = td_string!(l, stats_what).to_string();
    view! {
        <form method="get" class="filters" action=locale::href(i18n, "/moderation/statistics")>
            <FilterChoice id="s-city" name="city" selected=city.clone()
                label=td_string!(l, field_city).to_string() any=td_string!(l, moderation_every_city).to_string()
                options=city_options(i18n) />
            <div class="actions"><button type="submit">{t!(i18n, moderation_apply)}</button></div>
        </form>
        <p class="hint">{t!(i18n, stats_no_tracking)}</p>
        <p><a href=csv download="statistics.csv">{t!(i18n, stats_csv)}</a></p>
        <Counts caption=td_string!(l, stats_listings).to_string() head=what.clone() rows=listings />
        <Counts caption=td_string!(l, stats_waiting).to_string() head=what.clone() rows=waiting />
        <Counts caption=td_string!(l, stats_stale, days = stats.stale_days).to_string() head=what.clone() rows=stale />
        <Counts caption=td_string!(l, stats_organisations).to_string() head=what.clone()
            rows=organisations />
        <p class="open-reports">{td_string!(l, stats_open_reports, count = stats.open_reports).to_string()}</p>
        {if no_interest {
            view! { <p>{t!(i18n, stats_no_interest)}</p> }.into_any()
        } else {
            view! { <Counts caption=td_string!(l, stats_interest).to_string() head=td_string!(l, kind_opportunity).to_string() rows=interest /> }.into_any()
        }}
    }
}

/// A listing's state in words.
fn state_label(l: Locale, status: &str) -> String {
    match status {
        "published" => td_string!(l, stats_state_published),
        "unpublished" => td_string!(l, audit_unpublished),
        "cancelled" => td_string!(l, events_cancelled),
        "draft" => td_string!(l, stats_state_draft),
        other => return other.to_string(),
    }
    .to_string()
}

/// Hours waited, in hours under two days, else in days.
fn waited(l: Locale, hours: i64) -> String {
    if hours < 48 {
        td_string!(l, stats_hours, count = hours).to_string()
    } else {
        td_string!(l, stats_days, count = hours / 24).to_string()
    }
}
