//! An organisation proposes an event or a change to one of its events; a
//! moderator uses the same form to edit an event directly.
use super::listing_form::{form_action, ListingFormEnd, ListingFormPage, ListingFormStart};

use crate::components::form_field::{CheckField, CheckGroup, FormField, SelectField};
use crate::events::server::event_form;
use crate::i18n::*;
use crate::listing::draft::ListingFormData;
use crate::locale;
use leptos::prelude::*;

const WEEKDAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

#[component]
pub fn EventFormPage() -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <ListingFormPage
            key="event"
            add=(td_string!(l, moderation_add_event).to_string(), td_string!(l, moderation_add_intro).to_string())
            moderator=(td_string!(l, ef_title_moderator).to_string(), td_string!(l, place_form_moderator_intro).to_string())
            propose=(td_string!(l, ef_title_new).to_string(), td_string!(l, ef_intro).to_string())
            load=event_form
            form=|data| view! { <EventFormView data=data /> }.into_any()
        />
    }
}

#[component]
fn EventFormView(data: ListingFormData) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = super::listing_form::feedback_for(&data);
    let categories = std::iter::once((String::new(), td_string!(l, field_city_choose).to_string()))
        .chain(
            crate::categories::keys(crate::values::ListingKind::Event)
                .into_iter()
                .map(|c| (c.clone(), crate::categories::label(i18n, &c))),
        )
        .collect::<Vec<_>>();
    let places = std::iter::once((String::new(), td_string!(l, ef_place_none).to_string()))
        .chain(data.places.iter().map(|(id, n)| (id.to_string(), n.clone())))
        .collect::<Vec<_>>();
    let repeats = vec![
        (String::new(), td_string!(l, ef_repeat_none).to_string()),
        ("weekly".to_string(), td_string!(l, ef_repeat_weekly).to_string()),
        ("biweekly".to_string(), td_string!(l, ef_repeat_biweekly).to_string()),
        ("monthly".to_string(), td_string!(l, ef_repeat_monthly).to_string()),
        ("monthly_last".to_string(), td_string!(l, ef_repeat_monthly_last).to_string()),
        ("custom".to_string(), td_string!(l, ef_repeat_custom).to_string()),
    ];
    let days = [
        td_string!(l, day_mo),
        td_string!(l, day_tu),
        td_string!(l, day_we),
        td_string!(l, day_th),
        td_string!(l, day_fr),
        td_string!(l, day_sa),
        td_string!(l, day_su),
    ];
    let weekdays =
        WEEKDAYS.iter().zip(days).map(|(c, d)| (c.to_string(), d.to_string())).collect::<Vec<_>>();
    let languages = super::listing_form::language_options(i18n);
    let (action, submit_label) =
        form_action(l, &data, "/moderation/events/edit", "/dashboard/events/submit");
    let field = |name: &'static str, label: String, required: bool| {
        view! { <FormField name=name label=label required=required feedback=fb.clone() /> }
    };
    view! {
        <crate::components::form_field::FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, action) novalidate>
            <ListingFormStart data=data.clone() feedback=fb.clone() key="event" />
            <fieldset>
                <legend>{t!(i18n, ef_what)}</legend>
                {field("title", td_string!(l, ef_title).to_string(), true)}
                {field("title_en", td_string!(l, ef_title_en).to_string(), false)}
                <SelectField name="category" label=td_string!(l, ef_category).to_string() options=categories feedback=fb.clone() required=true />
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, events_where)}</legend>
                <p class="hint">{t!(i18n, ef_where_hint)}</p>
                <SelectField name="place" label=td_string!(l, ef_place).to_string() options=places feedback=fb.clone() />
                {field("address", td_string!(l, place_address).to_string(), false)}
                <FormField name="online_url" kind="url" label=td_string!(l, ef_online).to_string() required=false feedback=fb.clone() />
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, events_when)}</legend>
                <FormField name="date" kind="date" label=td_string!(l, ef_date).to_string() feedback=fb.clone() />
                <FormField name="time" kind="time" label=td_string!(l, ef_time).to_string() required=false feedback=fb.clone() />
                <FormField name="end_time" kind="time" label=td_string!(l, ef_end_time).to_string() required=false feedback=fb.clone() />
                <FormField name="end_date" kind="date" label=td_string!(l, ef_end_date).to_string() required=false feedback=fb.clone() />
                <CheckField name="all_day" label=td_string!(l, ef_all_day).to_string() feedback=fb.clone() />
                <SelectField name="repeat" label=td_string!(l, ef_repeat).to_string() options=repeats feedback=fb.clone() />
                <CheckGroup name="weekdays" legend=td_string!(l, ef_weekdays).to_string() options=weekdays feedback=fb.clone() />
                <FormField name="until" kind="date" label=td_string!(l, ef_until).to_string() required=false feedback=fb.clone() />
                <FormField name="rule" label=td_string!(l, ef_rule).to_string() required=false feedback=fb.clone()
                    hint=td_string!(l, ef_rule_hint).to_string() />
                <FormField name="skip_dates" label=td_string!(l, ef_skip).to_string() required=false feedback=fb.clone()
                    hint=td_string!(l, ef_skip_hint).to_string() />
            </fieldset>
            <CheckGroup name="needs" legend=td_string!(l, form_needs).to_string() options=super::listing_form::need_options(i18n, &data.needs) feedback=fb.clone() />
            <CheckGroup name="languages" legend=td_string!(l, events_held_in).to_string() options=languages feedback=fb.clone() />
            <fieldset>
                <legend>{t!(i18n, events_for_whom)}</legend>
                <CheckField name="no_czech" label=locale::no_local_language_needed(l, &data.local_lang) feedback=fb.clone() />
                <CheckField name="free" label=td_string!(l, events_free_badge).to_string() feedback=fb.clone() />
                {field("price", td_string!(l, ef_price).to_string(), false)}
                <CheckField name=crate::events::query::CHILDREN_FIELD label=td_string!(l, events_children).to_string() feedback=fb.clone() />
                {field("accessibility", td_string!(l, events_accessibility).to_string(), false)}
                <FormField name="registration_url" kind="url" label=td_string!(l, ef_registration).to_string() required=false feedback=fb.clone() />
                <FormField name="capacity" kind="number" label=td_string!(l, ef_capacity).to_string() required=false feedback=fb.clone() />
            </fieldset>
            <ListingFormEnd data=data.clone() feedback=fb.clone() submit_label=submit_label />
        </form>
    }
}
