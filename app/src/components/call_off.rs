//! Calling off one date of an event or the whole event, and taking it back,
//! with a reason shown on the event's page: the organisation's forms on its
//! dashboard, and the same forms for the city's moderators on the event's
//! page. The handlers check who may again.
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

/// Where the forms post: the dashboard's routes or the moderators'.
#[derive(Clone, Copy, PartialEq)]
pub enum CallOffBy {
    Organisation,
    Moderator,
}

/// The forms for event `id`: `open` and `called_off` are the coming dates
/// (date, label); `cancelled` says the whole event is called off. The
/// moderators' forms also carry the event's city and slug (`back`) to
/// come back to its page.
#[component]
pub fn CallOffForms(
    id: i64,
    open: Vec<(String, String)>,
    called_off: Vec<(String, String)>,
    cancelled: bool,
    by: CallOffBy,
    #[prop(optional)] back: Option<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = crate::forms::use_feedback();
    let id = id.to_string();
    // A refused form is shown again only on the event it was for.
    let fb = if fb.value("event") == id { fb } else { Default::default() };
    let date_error = fb.error("date").map(|e| locale::field_error(i18n, e));
    let base = match by {
        CallOffBy::Organisation => "/dashboard/events",
        CallOffBy::Moderator => "/moderation/events",
    };
    let cancel = locale::href(i18n, &format!("{base}/cancel"));
    let restore = locale::href(i18n, &format!("{base}/restore"));
    let (select_id, note_id, series_note_id) =
        (format!("cancel-date-{id}"), format!("cancel-note-{id}"), format!("series-note-{id}"));
    // The fields every form of this event sends.
    let hidden = {
        let (id, back) = (id.clone(), back.clone());
        move || {
            let (city, slug) = back.clone().unzip();
            view! {
                <input type="hidden" name="event" value=id.clone() />
                {city.map(|c| view! { <input type="hidden" name="city" value=c /> })}
                {slug.map(|s| view! { <input type="hidden" name="slug" value=s /> })}
            }
        }
    };
    view! {
        {(!cancelled && !open.is_empty()).then(|| view! {
            <form method="post" action=cancel.clone() class="cancel-date">
                {hidden()}
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
        {(!called_off.is_empty()).then(|| view! {
            <ul class="called-off">
                {called_off.iter().map(|(d, label)| view! {
                    <li>
                        <span>{td_string!(l, dash_called_off, date = label.clone()).to_string()}</span>
                        <form method="post" action=restore.clone() class="inline">
                            {hidden()}
                            <input type="hidden" name="date" value=d.clone() />
                            <button type="submit" class="secondary">{td_string!(l, dash_restore_date, date = label.clone()).to_string()}</button>
                        </form>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {if cancelled {
            view! {
                <form method="post" action=restore.clone() class="inline">
                    {hidden()}
                    <input type="hidden" name="series" value="1" />
                    <button type="submit" class="secondary">{t!(i18n, dash_restore_series)}</button>
                </form>
            }.into_any()
        } else {
            view! {
                <details class="cancel-series">
                    <summary>{t!(i18n, dash_cancel_series)}</summary>
                    <form method="post" action=cancel.clone()>
                        {hidden()}
                        <input type="hidden" name="series" value="1" />
                        <div class="field">
                            <label for=series_note_id.clone()>{t!(i18n, dash_cancel_note)}</label>
                            <input id=series_note_id.clone() name="note" type="text" maxlength="300" />
                        </div>
                        <button type="submit" class="secondary">{t!(i18n, dash_cancel_series)}</button>
                    </form>
                </details>
            }.into_any()
        }}
    }
}

/// The forms for the city's moderators on an event's page, under its
/// dates; nothing for anyone else.
#[component]
pub fn ModeratorCallOff(
    id: i64,
    city: String,
    slug: String,
    /// (date, label, called off) of the coming dates.
    dates: Vec<(String, String, bool)>,
    cancelled: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let changed = leptos_router::hooks::use_query_map().get_untracked().get("called_off").is_some();
    let open: Vec<(String, String)> =
        dates.iter().filter(|d| !d.2).map(|(d, label, _)| (d.clone(), label.clone())).collect();
    let called_off: Vec<(String, String)> =
        dates.iter().filter(|d| d.2).map(|(d, label, _)| (d.clone(), label.clone())).collect();
    let check = city.clone();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (check, city, slug, open, called_off) =
                    (check.clone(), city.clone(), slug.clone(), open.clone(), called_off.clone());
                Suspend::new(async move {
                    let allowed = crate::moderation::server::may_moderate(check).await.unwrap_or(false);
                    allowed.then(|| view! {
                        <section class="call-off" id="call-off">
                            <h2>{t!(i18n, calloff_title)}</h2>
                            {changed.then(|| view! { <p class="notice" role="status">{t!(i18n, dash_event_changed)}</p> })}
                            <CallOffForms id=id open=open called_off=called_off cancelled=cancelled
                                by=CallOffBy::Moderator back=(city, slug) />
                        </section>
                    })
                })
            }}
        </Suspense>
    }
}
