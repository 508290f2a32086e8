//! Volunteering: the list of open opportunities (filters as a GET form),
//! an opportunity's page with the "I would like to help" form, and the
//! page behind the withdrawal link.
use crate::components::filters::{language_options, FilterChoice};
use crate::components::form_field::{FormErrorBanner, FormField};
use crate::components::need_chips::NeedChips;
use crate::components::query_link::with_param;
use crate::components::text_notes::TextNotes;
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use crate::pages::events::date_label;
use crate::volunteering::server::{get_opportunity, interest_pending, list_opportunities};
use crate::volunteering::{OpportunityDetail, OpportunityItem, OpportunityListing};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

fn audience_label(i18n: I18nContext<Locale>, a: &str) -> String {
    let l = i18n.get_locale_untracked();
    match a {
        "newcomers" => td_string!(l, vol_for_newcomers).to_string(),
        "locals" => td_string!(l, vol_for_locals).to_string(),
        _ => td_string!(l, vol_for_both).to_string(),
    }
}

fn when_label(i18n: I18nContext<Locale>, o: &OpportunityItem) -> String {
    let l = i18n.get_locale_untracked();
    let kind = match o.schedule_kind.as_str() {
        "one_off" => o.date.as_deref().map(|d| date_label(l, d)).unwrap_or_default(),
        "recurring" => td_string!(l, vol_recurring).to_string(),
        _ => td_string!(l, vol_flexible).to_string(),
    };
    match &o.schedule_text {
        Some(t) => format!("{kind}: {t}"),
        None => kind,
    }
}

#[component]
pub fn VolunteeringPage() -> impl IntoView {
    let city = crate::pages::city_param();
    let (pairs, encoded) = crate::components::query_link::current_query();
    let lang = locale::code(use_i18n().get_locale_untracked()).to_string();
    view! {
        <crate::pages::Loaded
            load=move || list_opportunities(city.clone(), encoded.clone(), lang.clone())
            show=move |(listing, ignored)| {
                view! { <ListingView listing=listing pairs=pairs.clone() ignored=ignored /> }
                    .into_any()
            }
        />
    }
}

#[component]
fn ListingView(
    listing: OpportunityListing,
    pairs: Vec<(String, String)>,
    ignored: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let city = listing.city.slug.clone();
    let no_lang = locale::no_local_language_needed(l, &listing.city.local_lang);
    let title = td_string!(l, vol_title, city = crate::cities::label(i18n, &city)).to_string();
    let action = locale::href(i18n, &format!("/{city}/volunteering"));
    let get = |k: &str| {
        pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default()
    };
    let (q, lang, audience, need) = (get("q"), get("lang"), get("audience"), get("need"));
    let no_czech = matches!(get("no_czech").as_str(), "true" | "1" | "on");
    let pages = listing.total.div_ceil(listing.per_page.max(1) as usize).max(1);
    let page = listing.page as usize;
    let next = (page < pages)
        .then(|| format!("{action}{}", with_param(&pairs, "page", Some(&(page + 1).to_string()))));
    let prev = (page > 1)
        .then(|| format!("{action}{}", with_param(&pairs, "page", Some(&(page - 1).to_string()))));
    view! {
        <Title text=title.clone() />
        <section class="volunteering-page">
            <h1>{title}</h1>
            <p class="intro">{t!(i18n, vol_intro)}</p>
            {(!ignored.is_empty()).then(|| view! {
                <p class="notice" role="status">{td_string!(l, invalid_filter, names = ignored.join(", ")).to_string()}</p>
            })}
            <NeedChips needs=listing.needs.clone() pairs=pairs.clone() base=action.clone() />
            <form method="get" action=action.clone() class="filters" role="search" autocomplete="off">
                {(!need.is_empty()).then(|| view! { <input type="hidden" name="need" value=need.clone() /> })}
                <div class="field search-field">
                    <label for="v-q">{t!(i18n, filter_search)}</label>
                    <input id="v-q" type="search" name="q" value=q />
                </div>
                <FilterChoice id="v-lang" name="lang" selected=lang
                    label=td_string!(l, vol_language).to_string() any=td_string!(l, filter_any_language).to_string()
                    options=language_options(i18n, &listing.languages) />
                <FilterChoice id="v-audience" name="audience" selected=audience
                    label=td_string!(l, vol_audience).to_string() any=td_string!(l, vol_anyone).to_string()
                    options=["newcomers", "locals"].into_iter().map(|a| (a.to_string(), audience_label(i18n, a))).collect() />
                <div class="field checks">
                    <label><input type="checkbox" name="no_czech" value="true" checked=no_czech />{no_lang.clone()}</label>
                </div>
                <div class="actions">
                    <button type="submit">{t!(i18n, vol_show)}</button>
                    <a class="reset" href=action.clone()>{t!(i18n, filter_reset)}</a>
                </div>
            </form>
            <h2 aria-live="polite">{td_string!(l, vol_count, count = listing.total).to_string()}</h2>
            {if listing.items.is_empty() {
                view! { <p class="empty">{t!(i18n, vol_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="event-list">
                        {listing.items.into_iter().map(|o| {
                            let href = locale::href(i18n, &format!("/{city}/volunteering/{}", o.slug));
                            let when = when_label(i18n, &o);
                            view! {
                                <li><article class="event-card opportunity-card">
                                    <h3 lang=o.title_lang.clone()><a href=href>{o.title.clone()}</a></h3>
                                    <p class="event-meta">{o.organiser.clone()}{o.location.clone().map(|x| view! { " · "{x} })}</p>
                                    <p class="event-time">{when}</p>
                                    <p class="badges">
                                        <span class="badge">{audience_label(i18n, &o.audience)}</span>
                                        {o.no_czech.then(|| view! { <span class="badge">{no_lang.clone()}</span> })}
                                        {o.deadline.clone().map(|d| view! { <span class="badge">{td_string!(l, vol_deadline, date = date_label(l, &d)).to_string()}</span> })}
                                    </p>
                                </article></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(prev.is_some() || next.is_some()).then(|| view! {
                <nav class="pager" aria-label=td_string!(l, events_pages).to_string()>
                    {prev.map(|h| view! { <a href=h rel="prev">{t!(i18n, events_prev)}</a> })}
                    {next.map(|h| view! { <a href=h rel="next">{t!(i18n, events_next)}</a> })}
                </nav>
            })}
        </section>
    }
}

#[component]
pub fn OpportunityPage() -> impl IntoView {
    let (c, s, l) = crate::pages::listing_key();
    view! {
        <crate::pages::Loaded
            load=move || get_opportunity(c.clone(), s.clone(), l.clone())
            show=|d| view! { <OpportunityView o=d /> }.into_any()
        />
    }
}

#[component]
fn OpportunityView(o: OpportunityDetail) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let city = o.city.clone();
    let item = o.item.clone();
    let back = locale::href(i18n, &format!("/{city}/volunteering"));
    let languages = item
        .languages
        .iter()
        .map(|c| locale::language_label(i18n, c))
        .collect::<Vec<_>>()
        .join(", ");
    let fb = use_feedback();
    let summary = o
        .description
        .clone()
        .unwrap_or_else(|| when_label(i18n, &item))
        .chars()
        .take(200)
        .collect::<String>();
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string()).unwrap_or_default();
    view! {
        <Title text=item.title.clone() />
        <Meta name="description" content=summary.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:title" content=item.title.clone() />
        <Meta property="og:description" content=summary />
        <Meta property="og:url" content=o.share_url.clone() />
        <script type="application/ld+json" nonce=nonce inner_html=o.json_ld.clone()></script>
        <article class="opportunity-page">
            <p class="breadcrumb"><a href=back>{td_string!(l, vol_title, city = crate::cities::label(i18n, &city)).to_string()}</a></p>
            <h1 lang=item.title_lang.clone()>{item.title.clone()}</h1>
            <p class="event-meta">{item.organiser.clone()}</p>
            {o.closed.then(|| view! { <p class="notice" role="status">{t!(i18n, vol_closed)}</p> })}
            <section>
                <h2>{t!(i18n, events_for_whom)}</h2>
                <ul>
                    <li>{audience_label(i18n, &item.audience)}</li>
                    <li>{when_label(i18n, &item)}</li>
                    {o.place.clone().map(|(slug, name)| view! { <li><a href=locale::href(i18n, &format!("/{city}/places/{slug}"))>{name}</a></li> })}
                    {(o.place.is_none()).then(|| item.location.clone()).flatten().map(|x| view! { <li>{x}</li> })}
                    {(item.location_kind == "remote").then(|| view! { <li>{t!(i18n, vol_remote)}</li> })}
                    {(!item.skills.is_empty()).then(|| view! { <li>{t!(i18n, vol_skills)}": "{item.skills.clone()}</li> })}
                    {(!languages.is_empty()).then(|| view! { <li>{td_string!(l, events_languages, names = languages.clone()).to_string()}</li> })}
                    {item.no_czech.then(|| view! { <li>{locale::no_local_language_needed(l, &o.local_lang)}</li> })}
                    {item.min_age.map(|a| view! { <li>{td_string!(l, vol_min_age, age = a).to_string()}</li> })}
                    {item.deadline.clone().map(|d| view! { <li>{td_string!(l, vol_deadline, date = date_label(l, &d)).to_string()}</li> })}
                </ul>
            </section>
            {o.description.clone().map(|text| view! {
                <section class="description">
                    <h2>{t!(i18n, events_about)}</h2>
                    {o.description_text.clone().map(|t| view! { <TextNotes text=t /> })}
                    <p lang=o.description_text.as_ref().map(|t| t.lang.clone()).unwrap_or_default() dir="auto">{text}</p>
                </section>
            })}
            {(!o.closed).then(|| view! {
                <section class="interest" id="interest">
                    <h2>{t!(i18n, vol_interest_title)}</h2>
                    {if let Some(org) = o.interest_to.clone() {
                        view! {
                            <FormErrorBanner feedback=fb.clone() />
                            <form method="post" action=locale::href(i18n, "/volunteering/interest") novalidate>
                                <input type="hidden" name="opportunity" value=o.id.to_string() />
                                <input type="hidden" name="city" value=city.to_string() />
                                <input type="hidden" name="slug" value=item.slug.clone() />
                                <FormField name="name" label=td_string!(l, vol_your_name).to_string() autocomplete="name" feedback=fb.clone() />
                                <FormField name="contact" label=td_string!(l, vol_contact).to_string() autocomplete="email"
                                    hint=td_string!(l, vol_contact_hint).to_string() feedback=fb.clone() />
                                <FormField name="languages" label=td_string!(l, vol_your_languages).to_string() required=false feedback=fb.clone() />
                                <div class="field" class:has-error=fb.error("message").is_some()>
                                    <label for="f-message">{t!(i18n, vol_message)}</label>
                                    <textarea id="f-message" name="message" rows="4">{fb.value("message")}</textarea>
                                    {fb.error("message").map(|e| view! { <p class="field-error">{locale::field_error(i18n, e)}</p> })}
                                </div>
                                <div class="field checks" class:has-error=fb.error("consent").is_some()>
                                    <label><input type="checkbox" name="consent" value="yes" required
                                        aria-invalid=fb.error("consent").is_some().then_some("true")
                                        aria-describedby=fb.error("consent").is_some().then_some("f-consent-error") />
                                        {td_string!(l, vol_consent, org = org, days = o.retention_days).to_string()}</label>
                                    {fb.error("consent").map(|e| view! { <p class="field-error" id="f-consent-error">{locale::field_error(i18n, e)}</p> })}
                                </div>
                                <button type="submit">{t!(i18n, vol_send)}</button>
                            </form>
                        }.into_any()
                    } else {
                        view! {
                            <p>{t!(i18n, vol_contact_organiser)}</p>
                            {o.registration_url.clone().map(|u| view! { <p><a href=u.clone() rel="noopener nofollow">{u.clone()}</a></p> })}
                            {o.contact.clone().map(|c| view! { <p>{c}</p> })}
                        }.into_any()
                    }}
                </section>
            })}
            {o.last_verified.clone().map(|d| view! { <p class="last-verified">{t!(i18n, place_last_verified, date = move || d.clone())}</p> })}
            // Only a listing with an organisation takes interest requests.
            {o.interest_to.is_none().then(|| view! {
                <crate::components::takeover_link::TakeoverLink form=format!("/dashboard/opportunities/new?opportunity={}", o.id) />
            })}
            {(!o.sources.is_empty()).then(|| view! {
                <section class="sources">
                    <h2>{t!(i18n, story_sources)}</h2>
                    <ul>{o.sources.iter().map(|s| view! { <li><a href=s.clone() rel="noopener nofollow">{s.clone()}</a></li> }).collect_view()}</ul>
                </section>
            })}
            <crate::components::report_problem::ReportProblem listing="opportunity"
                city=o.city.to_string() slug=o.item.slug.clone() />
            <crate::components::moderation_box::ListingModerationBox kind=crate::values::ListingKind::Opportunity id=o.id
                city=o.city.to_string() slug=o.item.slug.clone() />
        </article>
    }
}

/// Behind the withdrawal link: the request is still there (button to
/// withdraw it), or it is gone.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let token = query.get("token").unwrap_or_default();
    let sent = query.get("sent").is_some();
    let done = query.get("done").is_some();
    let fb = use_feedback();
    let title = td_string!(i18n.get_locale_untracked(), vol_withdraw_title).to_string();
    view! {
        <Title text=title.clone() />
        <section class="account-form withdraw">
            <h1>{title}</h1>
            <FormErrorBanner feedback=fb />
            {sent.then(|| view! { <p class="notice" role="status">{t!(i18n, vol_sent)}</p> })}
            {if done {
                view! { <p class="notice" role="status">{t!(i18n, vol_withdrawn)}</p> }.into_any()
            } else {
                view! {
                    <Suspense fallback=|| ()>
                        {move || { let token = token.clone(); Suspend::new(async move {
                            let pending = interest_pending(token.clone()).await.unwrap_or(false);
                            if pending {
                                view! {
                                    <p>{t!(i18n, vol_withdraw_keep)}</p>
                                    <form method="post" action=locale::href(i18n, "/volunteering/withdraw")>
                                        <input type="hidden" name="token" value=token />
                                        <button type="submit" class="secondary">{t!(i18n, vol_withdraw_button)}</button>
                                    </form>
                                }.into_any()
                            } else {
                                view! { <p>{t!(i18n, vol_withdraw_gone)}</p> }.into_any()
                            }
                        })}}
                    </Suspense>
                }.into_any()
            }}
        </section>
    }
}
