//! The organisation's events and opportunities on its dashboard: links to
//! propose changes, and calling off a date or the whole event at once.
use crate::components::call_off::{CallOffBy, CallOffForms};
use crate::components::still_correct::StillCorrect;
use crate::i18n::*;
use crate::kinds::server::{MyEvent, MyOpportunity};
use crate::locale;
use crate::pages::events::date_label;
use crate::values::Publication;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MyEvents(events: Vec<MyEvent>) -> impl IntoView {
    let i18n = use_i18n();
    let changed: Option<i64> =
        use_query_map().get_untracked().get("event_changed").and_then(|v| v.parse().ok());
    view! {
        <h3 id="events">{t!(i18n, dash_events)}</h3>
        <ul class="my-events">
            {events.into_iter().map(|e| {
                let just_changed = changed == Some(e.id);
                view! { <MyEventItem event=e just_changed=just_changed /> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn MyEventItem(event: MyEvent, just_changed: bool) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let status = match event.status.as_str() {
        "cancelled" => td_string!(l, events_series_cancelled).to_string(),
        "unpublished" => td_string!(l, dash_status_unpublished).to_string(),
        _ => String::new(),
    };
    let open: Vec<(String, String)> = event
        .next
        .iter()
        .filter(|(_, _, c)| !c)
        .map(|(d, start, _)| (d.clone(), date_label(l, start)))
        .collect();
    let called_off: Vec<(String, String)> = event
        .next
        .iter()
        .filter(|(_, _, c)| *c)
        .map(|(d, start, _)| (d.clone(), date_label(l, start)))
        .collect();
    let live = event.status != Publication::Unpublished;
    let cancelled = event.status == Publication::Cancelled;
    let anchor = format!("event-{}", event.id);
    view! {
        <li class="my-event" id=anchor data-status=event.status.as_str()>
            <a href=locale::href(i18n, &format!("/{}/events/{}", event.city, event.slug))>{event.title.clone()}</a>
            " · "
            <a href=locale::href(i18n, &format!("/dashboard/events/new?event={}", event.id))>{t!(i18n, dashboard_propose_change)}</a>
            {live.then(|| view! { <StillCorrect kind="event" id=event.id last_verified=event.last_verified.clone() /> })}
            {(!status.is_empty()).then(|| view! { <p class="org-status">{status}</p> })}
            {event.status_note.clone().map(|n| view! { <p class="status-note">{n}</p> })}
            {just_changed.then(|| view! { <p class="notice" role="status">{t!(i18n, dash_event_changed)}</p> })}
            {live.then(|| view! {
                <CallOffForms id=event.id open=open.clone() called_off=called_off.clone()
                    cancelled=cancelled by=CallOffBy::Organisation />
            })}
        </li>
    }
}

#[component]
pub fn MyOpportunities(list: Vec<MyOpportunity>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3 id="opportunities">{t!(i18n, dash_opportunities)}</h3>
        <ul class="my-opportunities">
            {list.into_iter().map(|o| view! {
                <li data-status=o.status.as_str()>
                    <a href=locale::href(i18n, &format!("/{}/volunteering/{}", o.city, o.slug))>{o.title.clone()}</a>
                    " · "
                    <a href=locale::href(i18n, &format!("/dashboard/opportunities/new?opportunity={}", o.id))>{t!(i18n, dashboard_propose_change)}</a>
                    {(o.status != Publication::Unpublished).then(|| view! { <StillCorrect kind="opportunity" id=o.id last_verified=o.last_verified.clone() /> })}
                    {(o.status == Publication::Unpublished).then(|| view! { <p class="org-status">{t!(i18n, dash_status_unpublished)}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
}
