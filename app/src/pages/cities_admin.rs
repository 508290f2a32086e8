//! Admins add cities: the same form as `welcome-kit add-city`. A new city's
//! map, lists, registration and moderation work at once.
use super::admin_frame::AdminFrame;
use crate::cities::CityDirectory;
use crate::components::form_field::{FormErrorBanner, FormField};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

#[component]
pub fn CitiesAdminPage() -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <AdminFrame title=td_string!(l, cities_admin_title).to_string()
            added=td_string!(l, cities_added).to_string() class="cities-admin">
            <CityList />
            <AddCityForm />
        </AdminFrame>
    }
}

#[component]
fn CityList() -> impl IntoView {
    let i18n = use_i18n();
    let cities = use_context::<CityDirectory>().unwrap_or_default().0;
    let lang = locale::code(i18n.get_locale_untracked());
    view! {
        <ul class="city-list">
            {cities.into_iter().map(|c| {
                let href = locale::href(i18n, &format!("/{}", c.slug));
                view! {
                    <li>
                        <a href=href>{c.label(lang)}</a>
                        " · "<span lang=c.local_lang.clone()>{c.name_local.clone()}</span>
                        " · "{c.timezone.clone()}" · "{c.country.clone()}" · "{locale::language_label(i18n, &c.local_lang)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn AddCityForm() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let names_error = fb.error("names").map(|e| locale::field_error(i18n, e));
    let names_invalid = names_error.is_some();
    let lookup = fb.value("address_lookup");
    let lookup_error = fb.error("address_lookup").map(|e| locale::field_error(i18n, e));
    view! {
        <h2>{t!(i18n, cities_admin_add)}</h2>
        <p class="intro">{t!(i18n, cities_admin_intro)}</p>
        <FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, "/admin/cities/add") novalidate>
            <FormField name="slug" label=td_string!(l, field_city_slug).to_string()
                hint=td_string!(l, field_city_slug_hint).to_string() feedback=fb.clone() />
            <FormField name="name" label=td_string!(l, field_city_name).to_string() feedback=fb.clone() />
            <FormField name="name_en" label=td_string!(l, field_city_name_en).to_string() required=false
                hint=td_string!(l, field_city_name_en_hint).to_string() feedback=fb.clone() />
            <FormField name="lat" label=td_string!(l, field_centre_lat).to_string()
                hint=td_string!(l, field_centre_hint).to_string() feedback=fb.clone() />
            <FormField name="lon" label=td_string!(l, field_centre_lon).to_string() feedback=fb.clone() />
            <FormField name="time_zone" label=td_string!(l, field_time_zone).to_string()
                hint=td_string!(l, field_time_zone_hint).to_string() feedback=fb.clone() />
            <FormField name="country" label=td_string!(l, field_country_code).to_string()
                hint=td_string!(l, field_country_code_hint).to_string() feedback=fb.clone() />
            <FormField name="language" label=td_string!(l, field_city_language).to_string()
                hint=td_string!(l, field_city_language_hint).to_string() feedback=fb.clone() />
            <div class="field" class:has-error=names_invalid>
                <label for="f-names">{t!(i18n, field_city_names)}</label>
                <p class="hint" id="f-names-hint">{t!(i18n, field_city_names_hint)}</p>
                <textarea id="f-names" name="names" rows="3"
                    aria-invalid=names_invalid.then_some("true")
                    aria-describedby=if names_invalid { "f-names-hint f-names-error" } else { "f-names-hint" }>{fb.value("names")}</textarea>
                {names_error.map(|e| view! { <p class="field-error" id="f-names-error">{e}</p> })}
            </div>
            <FormField name="bounds" label=td_string!(l, field_bounds).to_string() required=false
                hint=td_string!(l, field_bounds_hint).to_string() feedback=fb.clone() />
            <FormField name="zoom" kind="number" label=td_string!(l, field_zoom).to_string() required=false
                hint=td_string!(l, field_zoom_hint).to_string() feedback=fb.clone() />
            <div class="field">
                <label for="f-address_lookup">{t!(i18n, field_address_lookup)}</label>
                <select id="f-address_lookup" name="address_lookup">
                    <option value="" selected=lookup.is_empty()>{t!(i18n, address_lookup_none)}</option>
                    <option value="ruian" selected=lookup == "ruian">{t!(i18n, address_lookup_ruian)}</option>
                </select>
                {lookup_error.map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <button type="submit">{t!(i18n, cities_admin_submit)}</button>
        </form>
    }
}
