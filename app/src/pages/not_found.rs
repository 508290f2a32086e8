use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! { <NotFoundBody /> }
}

#[component]
pub fn NotFoundBody() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, not_found_title).to_string();
    view! {
        <Title text=title />
        <section class="not-found">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <p><a href=move || locale::href(i18n, "/")>{t!(i18n, go_home)}</a></p>
        </section>
    }
}
