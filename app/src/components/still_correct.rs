//! On the dashboard, beside each of the organisation's listings: when it was
//! last checked, and one click to say it is still correct.
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

#[component]
pub fn StillCorrect(
    /// place | event | opportunity | group
    kind: &'static str,
    id: i64,
    last_verified: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        " · "{t!(i18n, dashboard_last_verified)}" "
        <span class="last-verified">{last_verified.unwrap_or_else(|| "–".into())}</span>
        <form method="post" action=locale::href(i18n, "/dashboard/listings/confirm") class="inline">
            <input type="hidden" name="kind" value=kind />
            <input type="hidden" name="id" value=id.to_string() />
            <button type="submit" class="secondary">{t!(i18n, dashboard_confirm)}</button>
        </form>
    }
}
