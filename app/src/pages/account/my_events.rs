//! The organisation's events and opportunities on its dashboard: links to
//! propose changes, and calling off a date or the whole event at once.
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
    let fb = crate::forms::use_feedback();
    let id = event.id.to_string();
    // A refused form is shown again only on the event it was for.
    let fb = if fb.value("event") == id { fb } else { Default::default() };
    let date_error = fb.error("date").map(|e| locale::field_error(i18n, e));
    let cancel = locale::href(i18n, "/dashboard/events/cancel");
    let restore = locale::href(i18n, "/dashboard/events/restore");
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
    let select_id = format!("cancel-date-{}", event.id);
    let note_id = format!("cancel-note-{}", event.id);
    let series_note_id = format!("series-note-{}", event.id);
    view! {
        <li class="my-event" id=anchor data-status=event.status.as_str()>
            <a href=locale::href(i18n, &format!("/{}/events/{}", event.city, event.slug))>{event.title.clone()}</a>
            " · "
            <a href=locale::href(i18n, &format!("/dashboard/events/new?event={}", event.id))>{t!(i18n, dashboard_propose_change)}</a>
            {live.then(|| view! { <StillCorrect kind="event" id=event.id last_verified=event.last_verified.clone() /> })}
            {(!status.is_empty()).then(|| view! { <p class="org-status">{status}</p> })}
            {event.status_note.clone().map(|n| view! { <p class="status-note">{n}</p> })}
            {just_changed.then(|| view! { <p class="notice" role="status">{t!(i18n, dash_event_changed)}</p> })}
            {(live && !cancelled && !open.is_empty()).then(|| view! {
                <form method="post" action=cancel.clone() class="cancel-date">
                    <input type="hidden" name="event" value=id.clone() />
                    <div class="field" class:has-error=date_error.is_some()>
                        <label for=select_id.clone()>{t!(i18n, dash_cancel_date)}</label>
                        <select id=select_id.clone() name="date">
                            {open.iter().map(|(d, label)| view! { <option value=d.clone()>{label.clone()}</option> }).collect_view()}
                        </select>
                        {date_error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                    <div class="field">
                        <label for=note_id.clone()>{t!(i18n, dash_cancel_note)}</label>
                        <input id=note_id.clone() name="note" type="text" maxlength="300" />
                    </div>
                    <button type="submit" class="secondary">{t!(i18n, dash_cancel_date_button)}</button>
                </form>
            })}
            {(live && !called_off.is_empty()).then(|| view! {
                <ul class="called-off">
                    {called_off.iter().map(|(d, label)| view! {
                        <li>
                            <span>{td_string!(l, dash_called_off, date = label.clone()).to_string()}</span>
                            <form method="post" action=restore.clone() class="inline">
                                <input type="hidden" name="event" value=id.clone() />
                                <input type="hidden" name="date" value=d.clone() />
                                <button type="submit" class="secondary">{td_string!(l, dash_restore_date, date = label.clone()).to_string()}</button>
                            </form>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {live.then(|| if cancelled {
                view! {
                    <form method="post" action=restore.clone() class="inline">
                        <input type="hidden" name="event" value=id.clone() />
                        <input type="hidden" name="series" value="1" />
                        <button type="submit" class="secondary">{t!(i18n, dash_restore_series)}</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <details class="cancel-series">
                        <summary>{t!(i18n, dash_cancel_series)}</summary>
                        <form method="post" action=cancel.clone()>
                            <input type="hidden" name="event" value=id.clone() />
                            <input type="hidden" name="series" value="1" />
                            <div class="field">
                                <label for=series_note_id.clone()>{t!(i18n, dash_cancel_note)}</label>
                                <input id=series_note_id.clone() name="note" type="text" maxlength="300" />
                            </div>
                            <button type="submit" class="secondary">{t!(i18n, dash_cancel_series)}</button>
                        </form>
                    </details>
                }.into_any()
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
