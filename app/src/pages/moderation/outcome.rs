//! After a decision the queue says what became of which item ("Accepted
//! and public “RefuFest 2027”"), so a tap on the wrong card is seen at once.
use crate::i18n::*;
use crate::locale;
use crate::moderation::server::{decision_outcome, Outcome};
use crate::values::ReviewState;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The outcome named by the page's `decided` parameter (`change-12`,
/// `organisation-3`), if any.
#[component]
pub fn DecisionOutcome() -> impl IntoView {
    let decided = use_query_map().get_untracked().get("decided").unwrap_or_default();
    let parsed = decided
        .split_once('-')
        .and_then(|(what, id)| Some((what.to_string(), id.parse::<i64>().ok()?)));
    parsed.map(|(what, id)| {
        view! {
            <crate::pages::Loaded
                load=move || decision_outcome(what.clone(), id)
                show=|outcome| view! { <Said outcome=outcome /> }.into_any()
            />
        }
    })
}

#[component]
fn Said(outcome: Option<Outcome>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    outcome.map(|o| {
        let state = match (o.change, o.organisation) {
            (Some(_), _) if o.partly => td_string!(l, change_state_partly_accepted),
            (Some(ReviewState::Accepted), _) => td_string!(l, change_state_accepted),
            (Some(ReviewState::Rejected), _) => td_string!(l, change_state_rejected),
            (Some(ReviewState::ChangesRequested), _) => {
                td_string!(l, change_state_changes_requested)
            }
            (Some(_), _) => td_string!(l, change_state_pending),
            (None, Some(status)) => locale::organisation_status(i18n, status),
            (None, None) => "",
        };
        view! { <p class="notice outcome" role="status">{locale::naming(l, state, &o.name)}</p> }
    })
}
