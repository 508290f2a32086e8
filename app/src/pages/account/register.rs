//! NGO staff register themselves and their organisation.
use crate::accounts::model::PASSWORD_MIN_CHARS;
use crate::components::form_field::{FormErrorBanner, FormField};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let city = fb.value("city");
    let city_error = fb.error("city").map(|e| locale::field_error(i18n, e));
    let city_invalid = city_error.is_some();
    // NGO unless the form came back with "community group" chosen.
    let group = fb.value("kind") == crate::groups::KIND_COMMUNITY_GROUP;
    let kind_error = fb.error("kind").map(|e| locale::field_error(i18n, e));
    let title = td_string!(l, register_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="account-form">
            <h1>{title}</h1>
            <p class="intro">{t!(i18n, register_intro)}</p>
            <FormErrorBanner feedback=fb.clone() />
            <form method="post" action=locale::href(i18n, "/account/register") novalidate>
                <fieldset>
                    <legend>{t!(i18n, register_you)}</legend>
                    <FormField name="display_name" label=td_string!(l, field_display_name).to_string()
                        autocomplete="name" feedback=fb.clone() />
                    <FormField name="email" kind="email" label=td_string!(l, field_email).to_string()
                        autocomplete="email" feedback=fb.clone() />
                    <FormField name="password" kind="password" label=td_string!(l, field_password).to_string()
                        autocomplete="new-password" feedback=fb.clone()
                        hint=td_string!(l, field_password_hint, count = PASSWORD_MIN_CHARS).to_string() />
                    <FormField name="password_confirm" kind="password" label=td_string!(l, field_password_confirm).to_string()
                        autocomplete="new-password" feedback=fb.clone() />
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, register_org)}</legend>
                    <fieldset class="kind-choice" aria-describedby="f-kind-hint">
                        <legend>{t!(i18n, field_org_kind)}</legend>
                        <div class="field checks">
                            <label><input type="radio" name="kind" value="ngo" checked=!group />{t!(i18n, org_kind_ngo)}</label>
                            <label><input type="radio" name="kind" value="community_group" checked=group />{t!(i18n, org_kind_community_group)}</label>
                        </div>
                        <p class="hint" id="f-kind-hint">{t!(i18n, org_kind_hint)}</p>
                        {kind_error.map(|e| view! { <p class="field-error" id="f-kind-error">{e}</p> })}
                    </fieldset>
                    <FormField name="org_name" label=td_string!(l, field_org_name).to_string()
                        autocomplete="organization" feedback=fb.clone() />
                    <FormField name="legal_form" label=td_string!(l, field_legal_form).to_string()
                        hint=td_string!(l, field_legal_form_hint).to_string() feedback=fb.clone() />
                    <FormField name="registration_no" label=td_string!(l, field_registration_no).to_string()
                        hint=td_string!(l, field_registration_no_hint).to_string() feedback=fb.clone() />
                    <FormField name="website" label=td_string!(l, field_website).to_string() required=false
                        hint=td_string!(l, field_website_hint).to_string() autocomplete="url" feedback=fb.clone() />
                    <div class="field" class:has-error=city_invalid>
                        <label for="f-city">{t!(i18n, field_city)}<span class="required" aria-hidden="true">" *"</span></label>
                        <select id="f-city" name="city" required
                            aria-invalid=city_invalid.then_some("true")
                            aria-describedby=city_invalid.then_some("f-city-error")>
                            <option value="">{t!(i18n, field_city_choose)}</option>
                            {crate::cities::all_slugs().into_iter().map(|c| {
                                let label = crate::cities::label(i18n, &c);
                                let selected = city == c;
                                view! { <option value=c selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                        {city_error.map(|e| view! { <p class="field-error" id="f-city-error">{e}</p> })}
                    </div>
                </fieldset>
                <p class="hint">{t!(i18n, register_review_note)}</p>
                <button type="submit">{t!(i18n, register_submit)}</button>
            </form>
            <p><a href=locale::href(i18n, "/account/login")>{t!(i18n, register_have_account)}</a></p>
        </section>
    }
}

/// After registering: what happens next.
#[component]
pub fn RegisteredPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = td_string!(i18n.get_locale_untracked(), registered_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, registered_body)}</p>
        </section>
    }
}
