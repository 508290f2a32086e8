//! The moderators' queue: organisations waiting for verification.
use super::card_list;
use crate::components::filters::{city_options, FilterChoice};
use crate::components::form_field::FormErrorBanner;
use crate::components::review::{DiffTable, ReviewForm};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use crate::moderation::server::{
    moderation_queue, open_reports, pending_changes, stale_listings, ChangeItem, Queue, ReportItem,
};
use crate::values::ListingKind;
use crate::values::Organisation;
use crate::values::OrganisationStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let city = query.get("city").unwrap_or_default();
    let all = query.get("all").is_some_and(|v| v == "1");
    let filter = ChangeQuery {
        kind: query.get("kind").unwrap_or_default(),
        organisation: query.get("organisation").and_then(|v| v.parse().ok()),
        age: query.get("age").and_then(|v| v.parse().ok()).filter(|d| AGES.contains(d)),
    };
    let title = td_string!(i18n.get_locale_untracked(), moderation_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="moderation">
            <h1>{title}</h1>
            <ul class="moderation-links">
                <li><a href=locale::href(i18n, "/moderation/audit")>{t!(i18n, audit_log_title)}</a></li>
                <li><a href=locale::href(i18n, "/moderation/statistics")>{t!(i18n, stats_title)}</a></li>
            </ul>
            <super::outcome::DecisionOutcome />
            <crate::pages::Loaded
                load={
                    let (city, organisation) = (city.clone(), filter.organisation);
                    move || moderation_queue(city.clone(), all, organisation)
                }
                show=move |q| view! { <QueueView queue=q all=all filter=filter.clone() /> }.into_any()
            />
        </section>
    }
}

/// What the pending changes are narrowed to (from the page's query).
#[derive(Clone, Debug, Default)]
struct ChangeQuery {
    kind: String,
    organisation: Option<i64>,
    /// Waiting longer than this many days.
    age: Option<i64>,
}

const AGES: [i64; 3] = [2, 7, 30];

#[component]
fn QueueView(queue: Queue, all: bool, filter: ChangeQuery) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let city = queue.city.unwrap_or_default();
    let organisations = queue.organisations;
    let text = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let kinds = ListingKind::ALL.iter().map(|&k| (k.to_string(), locale::listing_kind(i18n, k)));
    let kinds = kinds.collect();
    let organisation_choices =
        queue.choices.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    let ages = AGES
        .into_iter()
        .map(|d| (d.to_string(), td_string!(l, moderation_older_than, days = d).to_string()))
        .collect();
    // In the order officials act: who may publish at all, then what waits
    // for a decision, then the listings to check, folded.
    view! {
        <h2>{t!(i18n, moderation_organisations)}</h2>
        {if organisations.is_empty() {
            view! { <p>{t!(i18n, moderation_nothing)}</p> }.into_any()
        } else {
            view! {
                <ul class="organisations">
                    {organisations.into_iter().map(|o| view! { <li><OrganisationCard org=o /></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <form method="get" class="filters queue-filters" action=locale::href(i18n, "/moderation")>
            <FilterChoice id="q-city" name="city" selected=city.clone()
                label=td_string!(l, field_city).to_string() any=td_string!(l, moderation_every_city).to_string()
                options=city_options(i18n) />
            <FilterChoice id="q-kind" name="kind" selected=filter.kind.clone()
                label=td_string!(l, moderation_kind).to_string() any=td_string!(l, moderation_every_kind).to_string()
                options=kinds />
            <FilterChoice id="q-organisation" name="organisation" selected=text(filter.organisation)
                label=td_string!(l, moderation_organisation).to_string() any=td_string!(l, moderation_every_organisation).to_string()
                options=organisation_choices />
            <FilterChoice id="q-age" name="age" selected=text(filter.age)
                label=td_string!(l, moderation_age).to_string() any=td_string!(l, moderation_any_age).to_string()
                options=ages />
            <div class="field checks">
                <label><input type="checkbox" name="all" value="1" checked=all />{t!(i18n, moderation_show_all)}</label>
            </div>
            <div class="actions"><button type="submit">{t!(i18n, moderation_apply)}</button></div>
        </form>
        <Changes city=city.clone() filter=filter />
        <super::groups::GroupProfiles city=city.clone() />
        <super::stories::StoryDrafts city=city.clone() />
        <Reports city=city.clone() />
        <Stale city=city.clone() />
        <AddDirectly city=city.clone() />
    }
}

/// Links to add a listing of each kind to the city in force, published at
/// once (the server checks the moderator's city again).
#[component]
fn AddDirectly(city: String) -> impl IntoView {
    let i18n = use_i18n();
    let link =
        |section: &str| locale::href(i18n, &format!("/moderation/{section}/edit?city={city}"));
    view! {
        <section class="add-directly">
            <h2>{t!(i18n, moderation_add_heading)}</h2>
            {if city.is_empty() {
                view! { <p>{t!(i18n, moderation_add_choose_city)}</p> }.into_any()
            } else {
                view! {
                    <ul class="add-links">
                        <li><a href=link("places")>{t!(i18n, moderation_add_place)}</a></li>
                        <li><a href=link("events")>{t!(i18n, moderation_add_event)}</a></li>
                        <li><a href=link("opportunities")>{t!(i18n, moderation_add_opportunity)}</a></li>
                        <li><a href=link("stories")>{t!(i18n, moderation_add_story)}</a></li>
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn OrganisationCard(org: Organisation) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let id = org.id.to_string();
    // A refused suspension is shown at the organisation it was for.
    let mine = fb.value("organisation") == id;
    let reason_error =
        mine.then(|| fb.error("reason")).flatten().map(|e| locale::field_error(i18n, e));
    let reason_invalid = reason_error.is_some();
    let reason_id = format!("reason-{id}");
    let reason_error_id = format!("reason-{id}-error");
    let status = locale::organisation_status(i18n, org.status);
    view! {
        <article class="organisation" data-status=org.status.as_str() data-id=id.clone()>
            <h3>{org.name.clone()}</h3>
            {if org.registration_no.is_empty() {
                view! { <p class="org-informal">{t!(i18n, org_informal)}" · "{crate::cities::label(i18n, &org.city)}</p> }.into_any()
            } else {
                view! {
                    <p>{org.legal_form.clone()}" · "{t!(i18n, field_registration_no)}": "{org.registration_no.clone()}
                        " · "{crate::cities::label(i18n, &org.city)}</p>
                }.into_any()
            }}
            <p>{t!(i18n, field_display_name)}": "{org.contact_person.clone()}</p>
            {org.website.clone().map(|w| view! { <p><a href=w.clone() rel="noopener nofollow">{w.clone()}</a></p> })}
            <p class="org-status">{status}</p>
            {(org.kind == crate::groups::KIND_COMMUNITY_GROUP).then(|| view! { <p class="org-kind">{t!(i18n, org_kind_community_group)}</p> })}
            {org.status_note.clone().map(|n| view! { <p class="status-note">{n}</p> })}
            <p><a href=locale::href(i18n, &format!("/moderation/audit?kind=organisation&id={id}"))>{t!(i18n, moderation_history)}</a></p>
            <form method="post" action=locale::href(i18n, "/moderation/organisations/verify") class="inline">
                <input type="hidden" name="organisation" value=id.clone() />
                <button type="submit">{locale::naming(l, td_string!(l, moderation_verify), &org.name)}</button>
            </form>
            <form method="post" action=locale::href(i18n, "/moderation/organisations/suspend") class="suspend">
                <input type="hidden" name="organisation" value=id.clone() />
                <div class="field" class:has-error=reason_invalid>
                    <label for=reason_id.clone()>{t!(i18n, moderation_reason)}</label>
                    <textarea id=reason_id name="reason" rows="2"
                        aria-invalid=reason_invalid.then_some("true")
                        aria-describedby=reason_invalid.then_some(reason_error_id.clone())>
                        {mine.then(|| fb.value("reason"))}
                    </textarea>
                    {reason_error.map(|e| view! { <p class="field-error" id=reason_error_id>{e}</p> })}
                </div>
                <button type="submit" class="secondary">{locale::naming(l, td_string!(l, moderation_suspend), &org.name)}</button>
            </form>
        </article>
    }
}

/// Pending listing changes, each with its field-by-field diff.
#[component]
fn Changes(city: String, filter: ChangeQuery) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{t!(i18n, moderation_changes)}</h2>
        <FormErrorBanner feedback=use_feedback() />
        <crate::pages::Loaded
            load=move || pending_changes(city.clone(), filter.kind.clone(), filter.organisation, filter.age)
            show=|list| card_list("changes", list, |c| view! { <ChangeCard change=c /> }.into_any())
        />
    }
}

#[component]
fn ChangeCard(change: ChangeItem) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let id = change.id.to_string();
    let rows: Vec<_> = change
        .diff
        .iter()
        .map(|(f, old, new)| {
            let label = locale::field_label(l, change.kind.as_str(), f);
            (f.clone(), label, old.clone(), new.clone())
        })
        .collect();
    // A change of a public listing with several fields can be decided field
    // by field; a new listing is decided as a whole.
    let by_field = (!change.is_new && rows.len() > 1).then(|| {
        let fields = rows.iter().map(|(k, label, _, _)| (k.clone(), label.clone())).collect();
        view! { <crate::components::field_decisions::FieldDecisions change=id.clone()
        name=change.name.clone() fields=fields feedback=fb.clone() /> }
    });
    let decisions = vec![
        ("/moderation/changes/send-back", td_string!(l, moderation_send_back).to_string(), true),
        ("/moderation/changes/reject", td_string!(l, moderation_reject).to_string(), true),
    ];
    let kind = if change.is_new { td_string!(l, change_new) } else { td_string!(l, change_edit) };
    let unverified = change.organisation_status != OrganisationStatus::Verified;
    view! {
        <article class="change" data-id=id.clone()>
            <h3>{change.name.clone()}</h3>
            <p><span class="change-kind">{locale::listing_kind(i18n, change.kind)}</span>" · "{kind}" · "{change.organisation.clone()}" · "{crate::cities::label(i18n, &change.city)}" · "{change.created_at.clone()}</p>
            {unverified.then(|| view! { <p class="notice">{t!(i18n, err_org_not_verified)}</p> })}
            {change.takeover.then(|| view! { <p class="notice takeover">{t!(i18n, moderation_takeover)}</p> })}
            {(!change.located).then(|| view! { <p class="notice no-coordinates">{t!(i18n, moderation_no_coordinates)}</p> })}
            <DiffTable rows=rows />
            <form method="post" action=locale::href(i18n, "/moderation/changes/accept") class="inline">
                <input type="hidden" name="change" value=id.clone() />
                <button type="submit">{locale::naming(l, td_string!(l, moderation_accept), &change.name)}</button>
            </form>
            <ReviewForm field="change" value=id.clone() item=change.name.clone() id_prefix="message-"
                label=td_string!(l, moderation_message).to_string() decisions=decisions feedback=fb />
            {by_field}
        </article>
    }
}

/// Problems visitors reported, for the moderator to check and mark handled.
#[component]
fn Reports(city: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{t!(i18n, moderation_reports)}</h2>
        <crate::pages::Loaded
            load=move || open_reports(city.clone())
            show=|list| card_list("reports", list, |r| view! { <ReportCard report=r /> }.into_any())
        />
    }
}

#[component]
fn ReportCard(report: ReportItem) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let kind = crate::components::report_problem::kind_label(l, &report.listing, &report.kind);
    let path = match crate::listing::ListingKind::parse(&report.listing) {
        Some(kind) => format!("/{}/{}/{}", report.city, kind.section(), report.slug),
        // A community group: its profile is on the city's communities page.
        None => format!("/{}/communities", report.city),
    };
    let href = locale::href(i18n, &path);
    view! {
        <article class="report-item" data-id=report.id.to_string()>
            <h3><a href=href>{report.name.clone()}</a></h3>
            <p><strong>{kind}</strong>" · "{report.created_at.clone()}</p>
            {(!report.message.is_empty()).then(|| view! { <p class="status-note">{report.message.clone()}</p> })}
            <form method="post" action=locale::href(i18n, "/moderation/reports/handle") class="inline">
                <input type="hidden" name="report" value=report.id.to_string() />
                <button type="submit" class="secondary">{locale::naming(l, td_string!(l, moderation_handled), &report.name)}</button>
            </form>
        </article>
    }
}

/// Listings nobody confirmed for too long (their organisations get reminders).
#[component]
fn Stale(city: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || {
                let city = city.clone();
                Suspend::new(async move {
                    match stale_listings(city).await {
                        Ok((days, list)) => view! {
                            <details class="stale-section">
                            <summary><h2>{t!(i18n, moderation_stale, days = move || days)}{format!(" ({})", list.len())}</h2></summary>
                            {if list.is_empty() {
                                view! { <p>{t!(i18n, moderation_nothing)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="stale">
                                        {list.into_iter().map(|p| {
                                            let href = locale::href(i18n, &format!("/{}/{}", p.city, p.path));
                                            let kind = locale::stale_kind(i18n, &p.kind);
                                            let when = p.last_verified.clone().unwrap_or_else(|| {
                                                td_string!(i18n.get_locale_untracked(), moderation_never_verified).to_string()
                                            });
                                            let group = (p.kind == "group").then(|| view! {
                                                <crate::components::moderation_box::VerifyListing kind="group" id=p.id city=p.city.to_string() slug=String::new() />
                                            });
                                            view! { <li><a href=href>{p.name.clone()}</a>" · "{kind}" · "{when}{group}</li> }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                            </details>
                        }.into_any(),
                        Err(e) => view! { <crate::pages::LoadError error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
