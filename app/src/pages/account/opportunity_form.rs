//! An organisation proposes a volunteering opportunity or a change to one;
//! a moderator uses the same form to edit one directly.
use super::listing_form::{
    feedback_for, form_action, language_options, ListingFormEnd, ListingFormPage, ListingFormStart,
};
use crate::components::form_field::{
    CheckField, CheckGroup, FormErrorBanner, FormField, SelectField,
};
use crate::i18n::*;
use crate::listing::draft::ListingFormData;
use crate::locale;
use crate::volunteering::server::opportunity_form;
use leptos::prelude::*;

#[component]
pub fn OpportunityFormPage() -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <ListingFormPage
            key="opportunity"
            add=(td_string!(l, moderation_add_opportunity).to_string(), td_string!(l, moderation_add_intro).to_string())
            moderator=(td_string!(l, of_title_moderator).to_string(), td_string!(l, place_form_moderator_intro).to_string())
            propose=(td_string!(l, of_title_new).to_string(), td_string!(l, ef_intro).to_string())
            load=opportunity_form
            form=|data| view! { <OpportunityFormView data=data /> }.into_any()
        />
    }
}

#[component]
fn OpportunityFormView(data: ListingFormData) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = feedback_for(&data);
    let opts = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(v, t)| (v.to_string(), t.to_string())).collect()
    };
    let choose = td_string!(l, field_city_choose);
    let location_kinds = opts(&[
        ("", choose),
        ("place", td_string!(l, of_loc_place)),
        ("address", td_string!(l, of_loc_address)),
        ("remote", td_string!(l, vol_remote)),
    ]);
    let schedule_kinds = opts(&[
        ("", choose),
        ("one_off", td_string!(l, of_one_off)),
        ("recurring", td_string!(l, vol_recurring)),
        ("flexible", td_string!(l, vol_flexible)),
    ]);
    let audiences = opts(&[
        ("", choose),
        ("newcomers", td_string!(l, vol_for_newcomers)),
        ("locals", td_string!(l, vol_for_locals)),
        ("both", td_string!(l, vol_for_both)),
    ]);
    let places = std::iter::once((String::new(), td_string!(l, ef_place_none).to_string()))
        .chain(data.places.iter().map(|(id, n)| (id.to_string(), n.clone())))
        .collect::<Vec<_>>();
    let (action, submit_label) =
        form_action(l, &data, "/moderation/opportunities/edit", "/dashboard/opportunities/submit");
    let field = |name: &'static str, label: String, required: bool| {
        view! { <FormField name=name label=label required=required feedback=fb.clone() /> }
    };
    view! {
        <FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, action) novalidate>
            <ListingFormStart data=data.clone() feedback=fb.clone() key="opportunity" />
            <fieldset>
                <legend>{t!(i18n, ef_what)}</legend>
                {field("title", td_string!(l, ef_title).to_string(), true)}
                {field("title_en", td_string!(l, ef_title_en).to_string(), false)}
                {field("skills", td_string!(l, vol_skills).to_string(), false)}
                <SelectField name="audience" label=td_string!(l, vol_audience).to_string() options=audiences feedback=fb.clone() required=true />
                <FormField name="min_age" kind="number" label=td_string!(l, of_min_age).to_string() required=false feedback=fb.clone() />
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, events_where)}</legend>
                <SelectField name="location_kind" label=td_string!(l, events_where).to_string() options=location_kinds feedback=fb.clone() required=true />
                <SelectField name="place" label=td_string!(l, ef_place).to_string() options=places feedback=fb.clone() />
                {field("address", td_string!(l, place_address).to_string(), false)}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, events_when)}</legend>
                <SelectField name="schedule_kind" label=td_string!(l, events_when).to_string() options=schedule_kinds feedback=fb.clone() required=true />
                <FormField name="date" kind="date" label=td_string!(l, of_date).to_string() required=false feedback=fb.clone() />
                <FormField name="schedule_text" label=td_string!(l, of_schedule_text).to_string() required=false feedback=fb.clone()
                    hint=td_string!(l, of_schedule_hint).to_string() />
                <FormField name="deadline" kind="date" label=td_string!(l, of_deadline).to_string() required=false feedback=fb.clone() />
            </fieldset>
            <CheckGroup name="needs" legend=td_string!(l, form_needs).to_string() options=super::listing_form::need_options(i18n, &data.needs) feedback=fb.clone() />
            <CheckGroup name="languages" legend=td_string!(l, of_languages).to_string() options=language_options(i18n) feedback=fb.clone() />
            <CheckField name="no_czech" label=locale::no_local_language_needed(l, &data.local_lang) feedback=fb.clone() />
            <fieldset>
                <legend>{t!(i18n, of_contact_legend)}</legend>
                <FormField name="contact" label=td_string!(l, of_contact).to_string() required=false feedback=fb.clone()
                    hint=td_string!(l, of_contact_hint).to_string() />
                <FormField name="registration_url" kind="url" label=td_string!(l, ef_registration).to_string() required=false feedback=fb.clone() />
            </fieldset>
            <ListingFormEnd data=data.clone() feedback=fb.clone() submit_label=submit_label />
        </form>
    }
}
