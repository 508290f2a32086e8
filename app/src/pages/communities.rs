//! Mother-tongue community groups of a city, by the language they use: one
//! section per language (a group using three languages is under each),
//! their channels as external links, meeting places and descriptions. The
//! language filter is a plain GET form, so it works without JavaScript.
use crate::groups::server::communities;
use crate::groups::{Channel, CommunitiesView, GroupCard, LANGUAGES};
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CommunitiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let city = use_params_map().read_untracked().get("city").unwrap_or_default();
    let lang_used = use_query_map().read_untracked().get("lang_used").unwrap_or_default();
    let lang = locale::code(i18n.get_locale_untracked()).to_string();
    view! {
        <crate::pages::Loaded
            load=move || communities(city.clone(), lang_used.clone(), lang.clone())
            show=|v| view! { <Listing data=v /> }.into_any()
        />
    }
}

#[component]
fn Listing(data: CommunitiesView) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let city = data.city.clone();
    let city_name = crate::cities::label(i18n, &city);
    let title = td_string!(l, communities_title, city = city_name.clone()).to_string();
    let summary = td_string!(l, communities_summary, city = city_name.clone()).to_string();
    let action = locale::href(i18n, &format!("/{city}/communities"));
    let chosen = data.lang_used.clone().unwrap_or_default();
    let filtered = data.lang_used.is_some();
    let share = data.share_url.clone();
    // Every group shown, once, for the "report a problem" form.
    let mut reportable: Vec<(i64, String)> = data
        .sections
        .iter()
        .flat_map(|s| s.groups.iter().map(|g| (g.id, g.name.clone())))
        .collect();
    reportable.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
    reportable.dedup_by_key(|g| g.0);
    let jump = (!filtered && data.languages_used.len() > 1).then(|| {
        let counts: Vec<(String, usize)> = data
            .sections
            .iter()
            .map(|s| (s.code.clone(), s.groups.len()))
            .collect();
        view! {
            <nav class="language-jump" aria-label=td_string!(l, communities_jump).to_string()>
                <ul>
                    {counts.into_iter().map(|(code, n)| view! {
                        <li><a href=format!("#lang-{code}")>{locale::language_label(i18n, &code)}</a>" ("{n}")"</li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    });
    let nothing = !filtered && data.group_count == 0;
    let register = locale::href(i18n, "/account/register");
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=summary.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=summary.clone() />
        <Meta property="og:url" content=share.clone() />
        <Link rel="canonical" href=share />
        <section class="communities-page">
            <h1>{title}</h1>
            <p class="intro">{t!(i18n, communities_intro)}</p>
            {data.ignored.then(|| view! {
                <p class="notice" role="status">{td_string!(l, invalid_filter, names = "lang_used").to_string()}</p>
            })}
            <form method="get" action=action.clone() class="filters community-filters" role="search">
                <div class="field">
                    <label for="c-lang">{t!(i18n, communities_filter)}</label>
                    <select id="c-lang" name="lang_used">
                        <option value="">{t!(i18n, communities_every_language)}</option>
                        {LANGUAGES.iter().map(|c| view! {
                            <option value=*c selected=chosen == *c>{locale::language_label(i18n, c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit">{t!(i18n, communities_show)}</button>
                    {filtered.then(|| view! { <a class="reset" href=action.clone()>{t!(i18n, filter_reset)}</a> })}
                </div>
            </form>
            {jump}
            {nothing.then(|| view! { <p class="empty">{t!(i18n, communities_none)}</p> })}
            {data.sections.into_iter().map(|s| {
                let label = locale::language_label(i18n, &s.code);
                let id = format!("lang-{}", s.code);
                let heading = format!("{id}-title");
                let labelled_by = heading.clone();
                let empty = td_string!(l, communities_none_in_language, language = label.clone(), city = city_name.clone()).to_string();
                view! {
                    <section class="language-section" id=id data-lang=s.code.clone() aria-labelledby=labelled_by>
                        <h2 id=heading>{label}</h2>
                        {if s.groups.is_empty() {
                            view! { <p class="empty">{empty}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="cards group-list">
                                    {s.groups.into_iter().map(|g| view! { <li><GroupCardView group=g /></li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }
            }).collect_view()}
            <p class="hint join-note">{t!(i18n, communities_join)}" "<a href=register>{t!(i18n, communities_register)}</a></p>
        </section>
        {(!reportable.is_empty()).then(|| view! {
            <crate::components::report_problem::ReportProblem listing="group" city=city.to_string() slug=String::new() groups=reportable />
        })}
    }
}

#[component]
fn GroupCardView(group: GroupCard) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let languages = group
        .languages
        .iter()
        .map(|c| locale::language_label(i18n, c))
        .collect::<Vec<_>>()
        .join(", ");
    let (places, links): (Vec<Channel>, Vec<Channel>) =
        group.channels.into_iter().partition(|c| c.kind == "meeting_place");
    let paragraphs: Vec<String> = group
        .description
        .unwrap_or_default()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    view! {
        <article class="group-card" data-group=group.id.to_string()>
            <h3>{group.name.clone()}</h3>
            <p class="group-languages">{td_string!(l, communities_uses, names = languages).to_string()}</p>
            {group.description_fallback.then(|| view! {
                <p class="fallback-note">{td_string!(l, communities_not_translated, language = locale::language_label(i18n, locale::code(l))).to_string()}</p>
            })}
            <div class="group-text" lang=Some(group.description_lang.clone()).filter(|l| !l.is_empty())>
                {paragraphs.into_iter().map(|p| view! { <p class="group-description">{p}</p> }).collect_view()}
            </div>
            {places.into_iter().map(|c| view! {
                <p class="meeting-place"><strong>{t!(i18n, channel_meeting_place)}": "</strong>{c.value.clone()}</p>
            }).collect_view()}
            {(!links.is_empty()).then(|| view! {
                <ul class="channels">
                    {links.into_iter().map(|c| {
                        let label = locale::channel_kind_label(i18n, &c.kind);
                        let text = c.text();
                        view! {
                            <li data-kind=c.kind.clone()>
                                <span class="channel-kind">{label}": "</span>
                                {match c.href() {
                                    Some(href) => view! { <a href=href rel="external noopener nofollow ugc">{text}</a> }.into_any(),
                                    None => view! { <span>{text}</span> }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!group.sources.is_empty()).then(|| view! {
                <p class="sources">{t!(i18n, place_source)}": "
                    {group.sources.into_iter().map(|u| view! {
                        <a href=u.clone() rel="external noopener nofollow">{u.clone()}</a>" "
                    }).collect_view()}
                </p>
            })}
        </article>
    }
}
