pub mod audit;
pub mod groups;
pub mod outcome;
pub mod queue;
pub mod statistics;
pub mod stories;
pub mod story_editor;

use crate::i18n::*;
use leptos::prelude::*;

/// A list on the moderators' page: "nothing waiting" when it is empty, else
/// one card per item.
pub fn card_list<T>(class: &'static str, items: Vec<T>, card: impl Fn(T) -> AnyView) -> AnyView {
    if items.is_empty() {
        let i18n = use_i18n();
        return view! { <p>{t!(i18n, moderation_nothing)}</p> }.into_any();
    }
    view! {
        <ul class=class>
            {items.into_iter().map(|item| view! { <li>{card(item)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
