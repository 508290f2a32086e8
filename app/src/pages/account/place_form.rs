//! An organisation proposes a new place or a change to one of its places.
//! Nothing here is public until a moderator accepts it.
use super::listing_form::ListingFormPage;
use crate::components::form_field::{FormErrorBanner, FormField};
use crate::components::translation_fields::TranslationFields;
use crate::forms::FormFeedback;
use crate::i18n::*;
use crate::locale;
use crate::places::server::{place_form, PlaceFormData};
use leptos::prelude::*;

use crate::places::LISTING_LANGUAGES as LANGUAGES;

#[component]
pub fn PlaceFormPage() -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <ListingFormPage
            key="place"
            add=(td_string!(l, moderation_add_place).to_string(), td_string!(l, moderation_add_intro).to_string())
            moderator=(td_string!(l, place_form_moderator_title).to_string(), td_string!(l, place_form_moderator_intro).to_string())
            propose=(td_string!(l, place_form_title).to_string(), td_string!(l, place_form_intro).to_string())
            load=place_form
            form=|data| view! { <PlaceFormView data=data /> }.into_any()
        />
    }
}

#[component]
fn PlaceFormView(data: PlaceFormData) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = super::listing_form::feedback_for(&data.form);
    let chosen_languages: Vec<String> = fb
        .value("languages")
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let select_error = |name: &str| fb.error(name).map(|e| locale::field_error(i18n, e));
    let category = fb.value("category");
    let wheelchair = fb.value("wheelchair");
    let category_error = select_error("category");
    let languages_error = select_error("languages");
    let languages_invalid = languages_error.is_some();
    let category_invalid = category_error.is_some();
    let note_error = select_error("note");
    let (action, submit_label) = super::listing_form::form_action(
        l,
        &data.form,
        "/moderation/places/edit",
        "/dashboard/places/submit",
    );
    let field = |name: &'static str, label: String, required: bool| {
        view! { <FormField name=name label=label required=required feedback=fb.clone() /> }
    };
    view! {
        <FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, action) novalidate>
            {data.form.listing.clone().map(|(_, city, slug)| view! {
                <input type="hidden" name="city" value=city />
                <input type="hidden" name="slug" value=slug />
            })}
            <super::listing_form::ListingFormStart data=data.form.clone() feedback=fb.clone() key="place" />
            <fieldset>
                <legend>{t!(i18n, place_form_basics)}</legend>
                {field("name", td_string!(l, pf_name).to_string(), true)}
                {field("name_en", td_string!(l, pf_name_en).to_string(), false)}
                <div class="field" class:has-error=category_invalid>
                    <label for="f-category">{t!(i18n, filter_category)}</label>
                    <select id="f-category" name="category" required
                        aria-invalid=category_invalid.then_some("true")
                        aria-describedby=category_invalid.then_some("f-category-error")>
                        <option value="">{t!(i18n, field_city_choose)}</option>
                        {crate::categories::keys(crate::values::ListingKind::Place).into_iter().map(|c| {
                            let label = crate::categories::label(i18n, &c);
                            let selected = category == c;
                            view! { <option value=c selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                    {category_error.map(|e| view! { <p class="field-error" id="f-category-error">{e}</p> })}
                </div>
                {field("address", td_string!(l, place_address).to_string(), true)}
                <div class="locate">
                    <button type="submit" name="locate" value="1" class="secondary">{t!(i18n, locate_button)}</button>
                    {fb.notice.clone().map(|n| view! { <p class="notice" role="status" id="locate-result">{n}</p> })}
                </div>
                <FormField name="lat" label=td_string!(l, pf_lat).to_string() required=false feedback=fb.clone()
                    hint=td_string!(l, pf_coordinates_hint).to_string() />
                {field("lon", td_string!(l, pf_lon).to_string(), false)}
                <div id="wk-pin-map" class="pin-map" data-view=data.map_view.clone()
                    data-tiles=data.tile_url.clone() data-attribution=data.tile_attribution.clone()
                    data-zoom-in-label=td_string!(l, map_zoom_in).to_string()
                    data-zoom-out-label=td_string!(l, map_zoom_out).to_string()
                    data-pin-label=td_string!(l, pin_label).to_string()>
                </div>
                <p class="hint pin-hint">{t!(i18n, pin_hint)}</p>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, place_form_contact)}</legend>
                <FormField name="phone" kind="tel" label=td_string!(l, pf_phone).to_string() required=false feedback=fb.clone() />
                <FormField name="email" kind="email" label=td_string!(l, field_email).to_string() required=false feedback=fb.clone() />
                {field("website", td_string!(l, field_website).to_string(), false)}
            </fieldset>
            <crate::components::hours_editor::HoursEditor feedback=fb.clone() />
            <crate::components::form_field::CheckGroup name="needs" legend=td_string!(l, form_needs).to_string()
                options=super::listing_form::need_options(i18n, &data.form.needs) feedback=fb.clone() />
            <fieldset class:has-error=languages_invalid>
                <legend>{t!(i18n, place_languages)}</legend>
                <input type="hidden" name="languages" value="" />
                <div class="field checks">
                    {LANGUAGES.iter().map(|code| view! {
                        <label><input type="checkbox" name="languages" value=*code checked=chosen_languages.iter().any(|c| c == code) />
                            {locale::language_label(i18n, code)}</label>
                    }).collect_view()}
                </div>
                {languages_error.map(|e| view! { <p class="field-error">{e}</p> })}
            </fieldset>
            <div class="field">
                <label for="f-wheelchair">{t!(i18n, filter_wheelchair)}</label>
                <select id="f-wheelchair" name="wheelchair">
                    <option value="">"–"</option>
                    {[("yes", td_string!(l, pf_yes)), ("limited", td_string!(l, pf_limited)), ("no", td_string!(l, pf_no))]
                        .into_iter().map(|(v, label)| view! { <option value=v selected=wheelchair == v>{label}</option> }).collect_view()}
                </select>
            </div>
            <DescriptionField name="description_en" label=td_string!(l, pf_description_en).to_string() feedback=fb.clone() />
            <DescriptionField name="description_local" label=td_string!(l, pf_description_local).to_string() feedback=fb.clone() />
            <TranslationFields local_lang=data.form.local_lang.clone() outdated=data.form.outdated.clone() feedback=fb.clone() />
            {data.form.moderator_edit.then(|| view! {
                <div class="field" class:has-error=note_error.is_some()>
                    <label for="f-note">{t!(i18n, place_form_note)}</label>
                    <textarea id="f-note" name="note" rows="2"
                        aria-invalid=note_error.is_some().then_some("true")
                        aria-describedby=note_error.is_some().then_some("f-note-error")>{fb.value("note")}</textarea>
                    {note_error.clone().map(|e| view! { <p class="field-error" id="f-note-error">{e}</p> })}
                </div>
            })}
            <button type="submit">{submit_label}</button>
        </form>
    }
}

#[component]
fn DescriptionField(name: &'static str, label: String, feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("f-{name}");
    let error = feedback.error(name).map(|e| locale::field_error(i18n, e));
    let invalid = error.is_some();
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=invalid>
            <label for=id.clone()>{label}</label>
            <textarea id=id name=name rows="5" aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then_some(error_id.clone())>{feedback.value(name)}</textarea>
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </div>
    }
}
