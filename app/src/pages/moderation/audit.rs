//! The audit log of one listing or organisation: who did what, when, why.
use crate::i18n::*;
use crate::locale;
use crate::moderation::server::{history, HistoryView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let kind = query.get("kind").unwrap_or_default();
    let id: i64 = query.get("id").and_then(|v| v.parse().ok()).unwrap_or_default();
    let title = td_string!(i18n.get_locale_untracked(), audit_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="audit">
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || {
                    let (kind, title) = (kind.clone(), title.clone());
                    Suspend::new(async move {
                        match history(kind, id).await {
                            Ok(h) => view! { <HistoryTable history=h /> }.into_any(),
                            Err(e) => view! {
                                <h1>{title}</h1>
                                <crate::pages::LoadError error=e />
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn HistoryTable(history: HistoryView) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    view! {
        <h1>{td_string!(l, audit_of, name = history.name.clone()).to_string()}</h1>
        {history.page.clone().map(|page| view! {
            <p><a href=locale::href(i18n, &page)>{t!(i18n, audit_to_page)}</a></p>
        })}
        {if history.entries.is_empty() {
            view! { <p>{t!(i18n, audit_empty)}</p> }.into_any()
        } else {
            view! {
                <table class="audit-log">
                    <caption class="visually-hidden">{t!(i18n, audit_title)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, audit_when)}</th>
                        <th scope="col">{t!(i18n, audit_who)}</th>
                        <th scope="col">{t!(i18n, audit_what)}</th>
                        <th scope="col">{t!(i18n, audit_details)}</th>
                    </tr></thead>
                    <tbody>
                        {history.entries.into_iter().map(|e| view! {
                            <tr data-action=e.action.as_str()>
                                <td>{e.at.clone()}</td>
                                <td>{e.actor.clone().unwrap_or_else(|| td_string!(l, audit_system).to_string())}</td>
                                <td>{locale::audit_action(i18n, &e.subject_kind, e.action)}</td>
                                <td>
                                    <pre class="details">{e.details.clone()}</pre>
                                    {e.reason.clone().map(|r| view! { <p class="reason">{t!(i18n, audit_reason)}": "{r}</p> })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
