//! Signing in, and the notices that lead here (e-mail confirmed, password changed).
use crate::components::form_field::{FormErrorBanner, FormField};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let query = use_query_map().get_untracked();
    let notice = if query.get("verified").is_some() {
        Some(td_string!(l, login_notice_verified).to_string())
    } else if query.get("reset").is_some() {
        Some(td_string!(l, login_notice_reset).to_string())
    } else {
        None
    };
    let title = td_string!(l, login_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="account-form">
            <h1>{title}</h1>
            {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <FormErrorBanner feedback=fb.clone() />
            <form method="post" action=locale::href(i18n, "/account/login") novalidate>
                <FormField name="email" kind="email" label=td_string!(l, field_email).to_string()
                    autocomplete="username" feedback=fb.clone() />
                <FormField name="password" kind="password" label=td_string!(l, field_password).to_string()
                    autocomplete="current-password" feedback=fb.clone() />
                <button type="submit">{t!(i18n, login_submit)}</button>
            </form>
            <p><a href=locale::href(i18n, "/account/reset")>{t!(i18n, login_forgot)}</a></p>
            <p><a href=locale::href(i18n, "/account/register")>{t!(i18n, login_register)}</a></p>
        </section>
    }
}
