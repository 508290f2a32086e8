//! The signed-in person's page: their organisations and their state.
use crate::accounts::model::Role;
use crate::accounts::server::{my_account, outbox, AccountView, OrganisationView};
use crate::components::form_field::{FormErrorBanner, FormField};
use crate::components::still_correct::StillCorrect;
use crate::forms::{use_feedback, FormFeedback};
use crate::i18n::*;
use crate::kinds::server::my_listings;
use crate::locale;
use crate::values::OrganisationStatus;
use crate::values::ReviewState;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = td_string!(i18n.get_locale_untracked(), dashboard_title).to_string();
    view! {
        <Title text=title.clone() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match my_account().await {
                    Ok(Some(a)) => view! { <Dashboard account=a /> }.into_any(),
                    Ok(None) => view! { <Redirect path=locale::href(i18n, "/account/login") /> }.into_any(),
                    Err(e) => view! { <crate::pages::LoadError error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(account: AccountView) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let role = match account.role {
        Role::Member => td_string!(l, role_member),
        Role::Moderator => td_string!(l, role_moderator),
        Role::Admin => td_string!(l, role_admin),
    };
    let is_admin = account.role == Role::Admin;
    let moderates = account.role != Role::Member;
    let logout = locale::href(i18n, "/account/logout");
    view! {
        <section class="dashboard">
            <h1>{t!(i18n, dashboard_title)}</h1>
            <p>{account.display_name.clone()}" · "{account.email.clone()}" · "<span class="role">{role}</span></p>
            {(!account.organisations.is_empty()).then(|| view! {
                <h2>{t!(i18n, dashboard_organisations)}</h2>
                <ul class="organisations">
                    {account.organisations.iter().map(|o| {
                        let status = locale::organisation_status(i18n, o.status);
                        let unverified = o.status == OrganisationStatus::Unverified;
                        view! {
                            <li class="organisation" data-status=o.status.as_str()>
                                <h3>{o.name.clone()}</h3>
                                <p>{(!o.registration_no.is_empty()).then(|| view! { {t!(i18n, field_registration_no)}": "{o.registration_no.clone()}" · " })}{crate::cities::label(i18n, &o.city)}</p>
                                <p class="org-status">{status}</p>
                                {unverified.then(|| view! { <p class="hint">{t!(i18n, org_unverified_note)}</p> })}
                                {o.status_note.clone().map(|n| view! { <p class="status-note">{n}</p> })}
                                {(o.kind == crate::groups::KIND_COMMUNITY_GROUP).then(|| view! {
                                    <crate::pages::account::group_profile::GroupProfileSummary organisation=o.id />
                                })}
                                <Members organisation=o.clone() me=account.email.clone() />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <Listings />
            <InterestRequests />
            {moderates.then(|| view! { <p><a href=locale::href(i18n, "/moderation")>{t!(i18n, moderation_title)}</a></p> })}
            {is_admin.then(|| view! {
                <p><a href=locale::href(i18n, "/admin/outbox")>{t!(i18n, outbox_title)}</a></p>
                <p><a href=locale::href(i18n, "/admin/cities")>{t!(i18n, cities_admin_title)}</a></p>
                <p><a href=locale::href(i18n, "/admin/categories")>{t!(i18n, categories_admin_title)}</a></p>
                <p><a href=locale::href(i18n, "/admin/people")>{t!(i18n, people_admin_title)}</a></p>
            })}
            <form method="post" action=logout.clone() class="inline">
                <button type="submit">{t!(i18n, logout)}</button>
            </form>
            <form method="post" action=logout class="inline">
                <input type="hidden" name="everywhere" value="1" />
                <button type="submit" class="secondary">{t!(i18n, logout_everywhere)}</button>
            </form>
        </section>
    }
}

/// People who would like to help with the organisation's opportunities.
/// Only members see them (the server function reads the member's own
/// organisations only).
#[component]
fn InterestRequests() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = crate::volunteering::server::my_interest().await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <section class="interest-requests" id="interest">
                        <h2>{t!(i18n, vol_requests_title)}</h2>
                        <p class="hint">{t!(i18n, vol_requests_privacy)}</p>
                        <ul>
                            {list.into_iter().map(|r| view! {
                                <li class="interest-request">
                                    <p><strong>{r.name.clone()}</strong>" · "{r.contact.clone()}" · "{r.opportunity.clone()}</p>
                                    {(!r.languages.is_empty()).then(|| view! { <p>{t!(i18n, vol_your_languages)}": "{r.languages.clone()}</p> })}
                                    {(!r.message.is_empty()).then(|| view! { <p class="message">{r.message.clone()}</p> })}
                                    <p class="meta">{r.created_at.get(..10).unwrap_or("").to_string()}" · "
                                        {td_string!(i18n.get_locale_untracked(), vol_deleted_on, date = r.delete_after.get(..10).unwrap_or("").to_string()).to_string()}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}

/// The organisation's members, who add and remove each other.
#[component]
fn Members(organisation: OrganisationView, me: String) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let org_id = organisation.id.to_string();
    // A refused form is shown again only in the organisation it was for.
    let feedback =
        if feedback.value("organisation") == org_id { feedback } else { FormFeedback::default() };
    let remove = locale::href(i18n, "/dashboard/members/remove");
    let add = locale::href(i18n, "/dashboard/members/add");
    let section = format!("members-{}", organisation.id);
    let heading = format!("{section}-title");
    let labelled_by = heading.clone();
    let changed = use_query_map().get_untracked().get("members").is_some();
    view! {
        <section class="members" aria-labelledby=labelled_by id=section>
            <h4 id=heading>{t!(i18n, members_title)}</h4>
            {changed.then(|| view! { <p class="notice" role="status">{t!(i18n, members_changed)}</p> })}
            <FormErrorBanner feedback=feedback.clone() />
            <ul class="member-list">
                {organisation.members.iter().map(|m| {
                    let own = m.email == me;
                    let label = if own {
                        td_string!(i18n.get_locale_untracked(), members_leave).to_string()
                    } else {
                        format!("{} {}", td_string!(i18n.get_locale_untracked(), members_remove), m.display_name)
                    };
                    view! {
                        <li>
                            <span class="member-name">{m.display_name.clone()}</span>" · "{m.email.clone()}
                            {(!m.active).then(|| view! { " · "<em>{t!(i18n, members_invited)}</em> })}
                            <form method="post" action=remove.clone() class="inline">
                                <input type="hidden" name="organisation" value=org_id.clone() />
                                <input type="hidden" name="user" value=m.user_id.to_string() />
                                <button type="submit" class="secondary">{label}</button>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form method="post" action=add class="member-add" novalidate>
                <h5>{t!(i18n, members_add)}</h5>
                <p class="hint">{t!(i18n, members_add_hint)}</p>
                <input type="hidden" name="organisation" value=org_id.clone() />
                <FormField name="member_name" label=td_string!(i18n.get_locale_untracked(), field_member_name).to_string()
                    autocomplete="off" scope=org_id.clone() feedback=feedback.clone() />
                <FormField name="member_email" label=td_string!(i18n.get_locale_untracked(), field_member_email).to_string()
                    kind="email" autocomplete="off" scope=org_id.clone() feedback=feedback.clone() />
                <button type="submit">{t!(i18n, members_add)}</button>
            </form>
        </section>
    }
}

/// Messages the app would have e-mailed (no SMTP server configured).
#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = td_string!(i18n.get_locale_untracked(), outbox_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="outbox">
            <h1>{title}</h1>
            <p>{t!(i18n, outbox_intro)}</p>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match outbox().await {
                        Ok(list) if list.is_empty() => view! { <p>{t!(i18n, outbox_empty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="messages">
                                {list.into_iter().map(|m| view! {
                                    <li class="message">
                                        <p><strong>{m.subject}</strong></p>
                                        <p class="meta">{m.recipient}" · "{m.created_at}</p>
                                        <p class="delivery">{match (m.sent_at, m.last_error) {
                                            (Some(at), _) => td_string!(i18n.get_locale_untracked(), outbox_sent, at = at).to_string(),
                                            (None, Some(error)) => td_string!(i18n.get_locale_untracked(), outbox_failed, attempts = m.attempts, error = error).to_string(),
                                            (None, None) => td_string!(i18n.get_locale_untracked(), outbox_waiting).to_string(),
                                        }}</p>
                                        <pre class="body">{m.body}</pre>
                                    </li>
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(e) => view! { <crate::pages::LoadError error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// (title, form to propose the update, languages) of every listing with a
/// translation older than its source text.
fn translations_todo(
    i18n: leptos_i18n::I18nContext<Locale>,
    l: &crate::kinds::server::ListingsView,
) -> Vec<(String, String, String)> {
    let names = |langs: &[String]| {
        langs.iter().map(|c| locale::language_label(i18n, c)).collect::<Vec<_>>().join(", ")
    };
    let places = l.places.iter().filter(|p| !p.outdated.is_empty()).map(|p| {
        let href = locale::href(i18n, &format!("/dashboard/places/new?place={}", p.id));
        (p.name.clone(), href, names(&p.outdated))
    });
    let events = l.events.iter().filter(|e| !e.outdated.is_empty()).map(|e| {
        let href = locale::href(i18n, &format!("/dashboard/events/new?event={}", e.id));
        (e.title.clone(), href, names(&e.outdated))
    });
    let opportunities = l.opportunities.iter().filter(|o| !o.outdated.is_empty()).map(|o| {
        let href =
            locale::href(i18n, &format!("/dashboard/opportunities/new?opportunity={}", o.id));
        (o.title.clone(), href, names(&o.outdated))
    });
    places.chain(events).chain(opportunities).collect()
}

/// The organisation's places and proposals, with their review state.
#[component]
fn Listings() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let submitted = query.get("submitted");
    let confirmed = query.get("confirmed").is_some();
    view! {
        <h2>{t!(i18n, dashboard_listings)}</h2>
        {submitted.map(|which| view! {
            <p class="notice" role="status">
                {if which == "change" { t!(i18n, dashboard_submitted).into_any() } else { t!(i18n, dashboard_submitted_new).into_any() }}
            </p>
        })}
        {confirmed.then(|| view! { <p class="notice" role="status">{t!(i18n, dashboard_confirmed)}</p> })}
        <p><a href=locale::href(i18n, "/dashboard/places/new")>{t!(i18n, dashboard_new_place)}</a></p>
        <p><a href=locale::href(i18n, "/dashboard/events/new")>{t!(i18n, ef_title_new)}</a>
            " · "<a href=locale::href(i18n, "/dashboard/opportunities/new")>{t!(i18n, of_title_new)}</a></p>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let l = match my_listings().await {
                    Ok(l) => l,
                    Err(e) => return view! { <crate::pages::LoadError error=e /> }.into_any(),
                };
                let lo = i18n.get_locale_untracked();
                let todo = translations_todo(i18n, &l);
                view! {
                    {(!todo.is_empty()).then(|| view! {
                        <section class="translations-todo" aria-labelledby="translations-todo">
                            <h3 id="translations-todo">{td_string!(lo, dash_translations_todo).to_string()}</h3>
                            <p>{td_string!(lo, dash_translations_todo_intro).to_string()}</p>
                            <ul>
                                {todo.into_iter().map(|(title, href, langs)| view! {
                                    <li><a href=href>{title}</a>": "{langs}</li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    {(!l.places.is_empty()).then(|| view! {
                        <h3>{t!(i18n, dashboard_places)}</h3>
                        <ul class="my-places">
                            {l.places.iter().map(|p| view! {
                                <li>
                                    <a href=locale::href(i18n, &format!("/{}/places/{}", p.city, p.slug))>{p.name.clone()}</a>
                                    " · "
                                    <a href=locale::href(i18n, &format!("/dashboard/places/new?place={}", p.id))>{t!(i18n, dashboard_propose_change)}</a>
                                    {(!p.located).then(|| view! {
                                        <p class="notice no-coordinates">
                                            {t!(i18n, dashboard_no_coordinates)}" "
                                            <a href=locale::href(i18n, &format!("/dashboard/places/new?place={}#f-address", p.id))>{t!(i18n, dashboard_add_position)}</a>
                                        </p>
                                    })}
                                    <StillCorrect kind="place" id=p.id last_verified=p.last_verified.clone() />
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    {(!l.events.is_empty()).then(|| view! { <super::my_events::MyEvents events=l.events.clone() /> })}
                    {(!l.opportunities.is_empty()).then(|| view! { <super::my_events::MyOpportunities list=l.opportunities.clone() /> })}
                    {(!l.changes.is_empty()).then(|| view! {
                        <h3>{t!(i18n, dashboard_changes)}</h3>
                        <ul class="my-changes">
                            {l.changes.iter().map(|c| {
                                let state = match c.state {
                                    _ if !c.fields.is_empty() => td_string!(lo, change_state_partly_accepted),
                                    ReviewState::Accepted => td_string!(lo, change_state_accepted),
                                    ReviewState::Rejected => td_string!(lo, change_state_rejected),
                                    ReviewState::ChangesRequested => td_string!(lo, change_state_changes_requested),
                                    ReviewState::Pending | ReviewState::Superseded => td_string!(lo, change_state_pending),
                                };
                                let kind = if c.is_new { td_string!(lo, change_new) } else { td_string!(lo, change_edit) };
                                let what = locale::listing_kind(i18n, c.kind);
                                view! {
                                    <li class="my-change" data-state=c.state.as_str() data-kind=c.kind.as_str()>
                                        <strong>{c.name.clone()}</strong>" · "{what}" · "{kind}" · "<span class="change-state">{state}</span>
                                        <FieldOutcomeList kind=c.kind fields=c.fields.clone() />
                                        {c.message.clone().map(|m| view! { <p class="status-note">{m}</p> })}
                                        {matches!(c.state, ReviewState::Rejected | ReviewState::ChangesRequested).then(|| {
                                            let again = format!("/dashboard/{}/new?change={}", c.kind.plural(), c.id);
                                            view! { <p><a href=locale::href(i18n, &again)>{t!(i18n, dashboard_reopen)}</a></p> }
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                }.into_any()
            })}
        </Suspense>
    }
}

/// Each field's outcome of a change decided field by field.
#[component]
fn FieldOutcomeList(
    kind: crate::values::ListingKind,
    fields: Vec<(String, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    (!fields.is_empty()).then(|| {
        view! {
            <div class="field-outcomes">
                <p class="visually-hidden">{t!(i18n, field_outcomes_title)}</p>
                <ul>
                    {fields.into_iter().map(|(key, accepted)| {
                        let label = locale::field_label(l, kind.as_str(), &key);
                        let (said, state) = if accepted {
                            (td_string!(l, field_outcome_accepted), "accepted")
                        } else {
                            (td_string!(l, field_outcome_sent_back), "sent_back")
                        };
                        view! { <li data-field=key data-outcome=state><strong>{label}</strong>": "{said}</li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}
