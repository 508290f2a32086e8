//! The audit log for officials: who did what, when and why, filtered and
//! paged, each entry a card that fits a phone. Filtered to one listing,
//! story or organisation it is that item's history.
use crate::components::filters::FilterChoice;
use crate::i18n::*;
use crate::locale;
use crate::moderation::audit::{audit_log, AuditFilter, AuditLogView, LogEntry};
use crate::values::AuditAction;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let pairs: Vec<(String, String)> = query.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let filter = AuditFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let title = td_string!(i18n.get_locale_untracked(), audit_log_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="audit">
            <crate::pages::Loaded
                load={
                    let filter = filter.clone();
                    move || audit_log(filter.clone())
                }
                show=move |log| view! { <AuditLog log=log filter=filter.clone() /> }.into_any()
            />
        </section>
    }
}

#[component]
fn AuditLog(log: AuditLogView, filter: AuditFilter) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let heading = match &log.heading {
        Some((name, _)) => td_string!(l, audit_of, name = name.clone()).to_string(),
        None => td_string!(l, audit_log_title).to_string(),
    };
    let public_page = log.heading.as_ref().and_then(|(_, page)| page.clone());
    let csv = format!("{}.csv?{}", locale::href(i18n, "/moderation/audit"), filter.query(None));
    let page = |n: u32| {
        let q = filter.query(Some(n));
        locale::href(i18n, &format!("/moderation/audit?{q}"))
    };
    let (newer, older) =
        ((filter.page > 1).then(|| page(filter.page - 1)), log.more.then(|| page(filter.page + 1)));
    let ignored = log.ignored.join(", ");
    view! {
        <h1>{heading}</h1>
        {public_page.map(|p| view! { <p><a href=locale::href(i18n, &p)>{t!(i18n, audit_to_page)}</a></p> })}
        {(!ignored.is_empty()).then(|| view! {
            <p class="notice" role="status">{td_string!(l, audit_ignored, params = ignored).to_string()}</p>
        })}
        <AuditFilters filter=filter.clone() organisations=log.organisations.clone() />
        <p class="audit-export"><a href=csv download="audit.csv">{t!(i18n, audit_csv)}</a></p>
        {if log.entries.is_empty() {
            view! { <p>{t!(i18n, audit_empty)}</p> }.into_any()
        } else {
            view! {
                <ol class="audit-log">
                    {log.entries.into_iter().map(|e| view! { <AuditCard entry=e /> }).collect_view()}
                </ol>
            }.into_any()
        }}
        {(newer.is_some() || older.is_some()).then(|| view! {
            <nav class="pager" aria-label=td_string!(l, audit_pages).to_string()>
                {newer.map(|h| view! { <a href=h rel="prev">{t!(i18n, audit_newer)}</a> })}
                {older.map(|h| view! { <a href=h rel="next">{t!(i18n, audit_older)}</a> })}
            </nav>
        })}
    }
}

/// The filters, a plain GET form (works without JavaScript); a listing or
/// story the log is narrowed to stays in hidden fields.
#[component]
fn AuditFilters(filter: AuditFilter, organisations: Vec<(i64, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let organisations = organisations.into_iter().map(|(id, n)| (id.to_string(), n)).collect();
    let actions = AuditAction::ALL
        .iter()
        .map(|&a| (a.as_str().to_string(), locale::audit_action(l, "", a)))
        .collect();
    let target = filter.id.filter(|_| !filter.kind.is_empty());
    view! {
        <form method="get" class="filters audit-filters" action=locale::href(i18n, "/moderation/audit")>
            {target.map(|id| view! {
                <input type="hidden" name="kind" value=filter.kind.clone() />
                <input type="hidden" name="id" value=id.to_string() />
            })}
            <FilterChoice id="a-organisation" name="organisation"
                selected=filter.organisation.map(|o| o.to_string()).unwrap_or_default()
                label=td_string!(l, moderation_organisation).to_string()
                any=td_string!(l, moderation_every_organisation).to_string() options=organisations />
            <div class="field">
                <label for="a-person">{t!(i18n, audit_person)}</label>
                <input id="a-person" type="search" name="person" value=filter.person.clone() maxlength="100" />
            </div>
            <FilterChoice id="a-action" name="action" selected=filter.action.clone()
                label=td_string!(l, audit_action_label).to_string()
                any=td_string!(l, audit_every_action).to_string() options=actions />
            <div class="field">
                <label for="a-from">{t!(i18n, audit_from)}</label>
                <input id="a-from" type="date" name="from" value=filter.from.clone() />
            </div>
            <div class="field">
                <label for="a-to">{t!(i18n, audit_to)}</label>
                <input id="a-to" type="date" name="to" value=filter.to.clone() />
            </div>
            <div class="actions"><button type="submit">{t!(i18n, moderation_apply)}</button></div>
        </form>
    }
}

/// One entry: when (the city's time), who (name and account), what (the
/// action and what it belongs to, linked to its history), the changed
/// fields old → new, and why.
#[component]
fn AuditCard(entry: LogEntry) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let link = entry.target_link().map(|p| locale::href(i18n, &p));
    let kind = entry.target.as_ref().map(|(k, _, _)| k.clone()).unwrap_or_default();
    let who = match (&entry.actor_name, &entry.actor_email) {
        (None, None) => td_string!(l, audit_system).to_string(),
        (name, email) => {
            let name = name.clone().unwrap_or_default();
            match email {
                Some(email) if name.is_empty() || &name == email => email.clone(),
                Some(email) => format!("{name} <{email}>"),
                None => name,
            }
        }
    };
    let empty = || td_string!(l, audit_no_value).to_string();
    view! {
        <li class="audit-entry" data-action=entry.action.as_str()>
            <p class="audit-meta">
                <time datetime=entry.at.clone()>{entry.local.clone()}</time>
                " · "<span class="audit-who">{who}</span>
            </p>
            <p class="audit-what">
                <strong>{locale::audit_action(l, &entry.subject_kind, entry.action)}</strong>
                {entry.target.clone().map(|(_, _, name)| view! {
                    ": "{match link.clone() {
                        Some(href) => view! { <a href=href>{name}</a> }.into_any(),
                        None => view! { <span>{name}</span> }.into_any(),
                    }}
                })}
            </p>
            {(!entry.changes.is_empty()).then(|| view! {
                <dl class="audit-changes">
                    {entry.changes.clone().into_iter().map(|(field, old, new)| {
                        let old = if old.is_empty() { empty() } else { old };
                        let new = if new.is_empty() { empty() } else { new };
                        view! {
                            <dt data-field=field.clone()>{locale::field_label(l, &kind, &field)}</dt>
                            <dd><span class="old">{old}</span>" → "<span class="new">{new}</span></dd>
                        }
                    }).collect_view()}
                </dl>
            })}
            {(!entry.details.is_empty()).then(|| view! { <p class="details">{entry.details.clone()}</p> })}
            {entry.reason.clone().map(|r| view! { <p class="reason">{t!(i18n, audit_reason)}": "{r}</p> })}
        </li>
    }
}
