//! Pages behind the links in e-mails: confirming an address, choosing a new
//! password, asking for a reset link. Following a link changes nothing by
//! itself: the page has a button that does it (no state change on GET).
use crate::components::form_field::{FormErrorBanner, FormField};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

fn token() -> String {
    use_query_map().get_untracked().get("token").unwrap_or_default()
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let fb = use_feedback();
    let title = td_string!(i18n.get_locale_untracked(), verify_title).to_string();
    view! {
        <Title text=title.clone() />
        // The link's token must not leak to other sites through the Referer.
        <Meta name="referrer" content="no-referrer" />
        <section class="account-form">
            <h1>{title}</h1>
            <FormErrorBanner feedback=fb />
            // The token rides in the action's query too, so a refused form
            // shown again still has it.
            <form method="post" action=format!("{}?token={}", locale::href(i18n, "/account/verify"), encode(&token()))>
                <input type="hidden" name="token" value=token() />
                <button type="submit">{t!(i18n, verify_submit)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ResetRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let sent = use_query_map().get_untracked().get("sent").is_some();
    let title = td_string!(l, reset_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="account-form">
            <h1>{title}</h1>
            {sent.then(|| view! { <p class="notice" role="status">{t!(i18n, reset_sent)}</p> })}
            <FormErrorBanner feedback=fb.clone() />
            <form method="post" action=locale::href(i18n, "/account/reset") novalidate>
                <FormField name="email" kind="email" label=td_string!(l, field_email).to_string()
                    autocomplete="email" feedback=fb />
                <button type="submit">{t!(i18n, reset_submit)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ResetConfirmPage() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let title = td_string!(l, reset_confirm_title).to_string();
    view! {
        <Title text=title.clone() />
        <Meta name="referrer" content="no-referrer" />
        <section class="account-form">
            <h1>{title}</h1>
            <FormErrorBanner feedback=fb.clone() />
            <form method="post" novalidate
                action=format!("{}?token={}", locale::href(i18n, "/account/reset/confirm"), encode(&token()))>
                <input type="hidden" name="token" value=token() />
                <FormField name="password" kind="password" label=td_string!(l, field_new_password).to_string()
                    autocomplete="new-password" feedback=fb.clone()
                    hint=td_string!(l, field_password_hint, count = crate::accounts::model::PASSWORD_MIN_CHARS).to_string() />
                <FormField name="password_confirm" kind="password" label=td_string!(l, field_password_confirm).to_string()
                    autocomplete="new-password" feedback=fb />
                <button type="submit">{t!(i18n, reset_confirm_submit)}</button>
            </form>
        </section>
    }
}
