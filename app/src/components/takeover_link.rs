//! On a listing the city imported (no organisation manages it): the way for
//! the organisation that runs it to ask to manage it. The form it opens is
//! the usual proposal form; a moderator decides.
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

#[component]
pub fn TakeoverLink(
    /// The proposal form's app path, naming the listing.
    form: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="takeover-link"><a href=locale::href(i18n, &form)>{t!(i18n, listing_takeover)}</a></p>
    }
}
