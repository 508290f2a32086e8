//! The place form's opening hours: a row per weekday, public holidays, the
//! week read back in words, and the OpenStreetMap field for what the rows
//! cannot say, folded away unless it is needed.
use crate::components::form_field::FormField;
use crate::forms::FormFeedback;
use crate::i18n::*;
use crate::locale;
use crate::places::hours_editor::{self as editor, Week};
use leptos::prelude::*;

#[component]
pub fn HoursEditor(feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    // First shown: the rows come from the stored hours; shown again after
    // a post: exactly what was typed.
    let mut fb = feedback;
    if !fb.values.contains_key(editor::EDITOR) {
        let hours = fb.value("opening_hours");
        fb.values.extend(editor::initial_values(&hours));
    }
    let resolved = editor::resolve(&fb.values);
    let source = fb.value(editor::SOURCE);
    let rows_cannot_show = !source.is_empty() && Week::from_osm(&source).is_none();
    let expert_open = rows_cannot_show
        || fb.error("opening_hours").is_some()
        || matches!(&resolved, Ok(Some(h)) if Week::from_osm(h).is_none());
    let holidays = !fb.value(editor::HOLIDAYS).is_empty();
    let rows = editor::ROW_KEYS
        .iter()
        .enumerate()
        .map(|(day, key)| view! { <DayRowFields day=day as u8 key=key feedback=fb.clone() /> })
        .collect_view();
    view! {
        <fieldset class="hours-editor" id="hours-editor">
            <legend>{t!(i18n, pf_opening_hours)}</legend>
            <p class="hint">{t!(i18n, oh_intro)}</p>
            <input type="hidden" name=editor::EDITOR value="1" />
            <input type="hidden" name=editor::SOURCE value=source />
            {rows_cannot_show.then(|| view! { <p class="notice">{t!(i18n, oh_cannot_show)}</p> })}
            {rows}
            <div class="field checks">
                <label><input type="checkbox" name=editor::HOLIDAYS value="1" checked=holidays />
                    {t!(i18n, oh_holidays)}</label>
            </div>
            <button type="submit" name="check_hours" value="1" class="secondary">{t!(i18n, oh_check)}</button>
            <WeekInWords resolved=resolved.ok().flatten() />
            <details id="hours-expert" open=expert_open>
                <summary>{t!(i18n, oh_expert)}</summary>
                <FormField name="opening_hours" label=td_string!(l, oh_expert_label).to_string() required=false
                    feedback=fb.clone() hint=td_string!(l, pf_opening_hours_hint).to_string() />
            </details>
            <FormField name="hours_text" label=td_string!(l, pf_hours_text).to_string() required=false
                feedback=fb hint=td_string!(l, oh_text_hint).to_string() />
        </fieldset>
    }
}

/// One weekday: from–to, from–to after a break, a note. The first field
/// carries the row's id, so the error list above the form leads to it.
#[component]
fn DayRowFields(day: u8, key: &'static str, feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let error = feedback.error(key).map(|e| locale::field_error(i18n, e));
    let invalid = error.is_some();
    let error_id = format!("f-{key}-error");
    let label_id = format!("f-{key}-label");
    let labelled_by = label_id.clone();
    let input = move |field: &'static str, kind: &'static str, label: &'static str| {
        let name = format!("{key}-{field}");
        let id = if field == "from1" { format!("f-{key}") } else { format!("f-{name}") };
        let value = feedback.value(&name);
        let error_id = error_id.clone();
        view! {
            <div class="oh-cell">
                <label for=id.clone()>{label}</label>
                <input id=id name=name type=kind value=value step=(kind == "time").then_some("300")
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=invalid.then_some(error_id) />
            </div>
        }
    };
    view! {
        <div class="oh-day" class:has-error=invalid role="group" aria-labelledby=labelled_by>
            <p class="oh-day-name" id=label_id>{locale::day_label(i18n, day)}</p>
            <div class="oh-times">
                {input("from1", "time", td_string!(l, oh_from))}
                {input("to1", "time", td_string!(l, oh_to))}
                {input("from2", "time", td_string!(l, oh_from_again))}
                {input("to2", "time", td_string!(l, oh_to_again))}
            </div>
            {input("note", "text", td_string!(l, oh_note))}
            {error.map(|e| view! { <p class="field-error" id=format!("f-{key}-error")>{e}</p> })}
        </div>
    }
}

/// The hours as they will be saved, read back day by day; days in a row
/// with the same hours share a line.
#[component]
fn WeekInWords(resolved: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let body = match resolved.as_deref().map(|h| (h, Week::from_osm(h))) {
        None => view! { <p>{t!(i18n, oh_none)}</p> }.into_any(),
        Some((h, None)) => {
            view! { <p>{t!(i18n, oh_written_osm)}" "<code>{h.to_string()}</code></p> }.into_any()
        }
        Some((_, Some(week))) => {
            let mut lines = Vec::new();
            let mut i = 0;
            while i < 7 {
                let mut j = i;
                while j + 1 < 7 && week.days[j + 1] == week.days[i] {
                    j += 1;
                }
                let days = if i == j {
                    locale::day_label(i18n, i as u8).to_string()
                } else {
                    format!(
                        "{} – {}",
                        locale::day_label(i18n, i as u8),
                        locale::day_label(i18n, j as u8)
                    )
                };
                let row = &week.days[i];
                let mut hours = if row.spans.is_empty() {
                    td_string!(l, hours_closed_day).to_string()
                } else {
                    row.spans.iter().map(|(a, b)| format!("{a}–{b}")).collect::<Vec<_>>().join(", ")
                };
                if !row.note.is_empty() {
                    hours = format!("{hours} ({})", row.note);
                }
                lines.push((days, hours));
                i = j + 1;
            }
            view! {
                <ul class="oh-words">
                    {lines.into_iter().map(|(d, h)| view! { <li><strong>{d}</strong>": "{h}</li> }).collect_view()}
                    {week.holidays_closed.then(|| view! { <li>{t!(i18n, hours_public_holiday_note)}</li> })}
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <div class="oh-read-back" id="oh-read-back" role="status">
            <p class="oh-read-back-title">{t!(i18n, oh_reads)}</p>
            {body}
        </div>
    }
}
