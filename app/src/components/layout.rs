//! Page frame: skip link, header with the menu and the language choice, footer.
use crate::categories::{category_directory, CategoryDirectory};
use crate::cities::{city_directory, CityDirectory};
use crate::i18n::*;
use crate::locale::{self, endonym, localized_path, strip_locale};
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

/// Reads the cities and the place categories once per page and gives them
/// to everything below (`CityDirectory`, `CategoryDirectory`): the header's
/// city links, city and category names, and the choices of filters and
/// forms. A failed read leaves names as keys and the header without city
/// links; the page reports its own errors.
#[component]
pub fn Layout() -> impl IntoView {
    view! {
        <Suspense>
            {Suspend::new(async move {
                let cities = city_directory().await.unwrap_or_default();
                let categories = category_directory().await.unwrap_or_default();
                provide_context(CityDirectory(cities));
                provide_context(CategoryDirectory(categories));
                view! { <Frame /> }
            })}
        </Suspense>
    }
}

#[component]
fn Frame() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let directory = use_context::<CityDirectory>().unwrap_or_default();
    // From the path rather than the route params: the layout is the parent
    // route, and the path reads the same on the server and in the browser.
    let city = move || {
        let path = location.pathname.get();
        strip_locale(&path)
            .split('/')
            .nth(1)
            .filter(|c| directory.find(c).is_some())
            .map(str::to_string)
    };
    let home = move || locale::href(i18n, "/");
    // Whether a session cookie came with the request; no database read for
    // the menu (the dashboard itself checks the session).
    let has_session = has_session_cookie();
    let path = location.pathname.get_untracked();
    if strip_locale(&path) != path {
        locale::remember_locale(i18n.get_locale_untracked());
    }
    let lang = i18n.get_locale_untracked().as_str();
    // Shown by offline.js when the page comes from the phone's copy; its
    // presence also tells offline.js that this deployment offers one.
    let offline = crate::offline::enabled().then(|| {
        view! {
            <p id="wk-offline" class="offline-notice" role="status" hidden
                data-form-offline=t_string!(i18n, offline_form).to_string()>
                {t!(i18n, offline_notice)}" "<span class="offline-date"></span>
            </p>
        }
    });
    view! {
        <LanguageAlternates />
        <Link rel="manifest" href=format!("/{lang}/manifest.webmanifest") />
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        {offline}
        <header class="site-header">
            <a class="brand" href=home>{t!(i18n, site_name)}</a>
            // Menus fold into <details>: they open and close without
            // JavaScript and keep the header one line high on a phone.
            <details class="menu">
                <summary>
                    <span aria-hidden="true">"☰"</span>
                    <span class="visually-hidden">{t!(i18n, nav_menu)}</span>
                </summary>
                <nav class="main-nav" aria-label=move || t_string!(i18n, site_name)>
                    {move || city().map(|c| {
                        let map = locale::href(i18n, &format!("/{c}"));
                        let stories = locale::href(i18n, &format!("/{c}/stories"));
                        let events = locale::href(i18n, &format!("/{c}/events"));
                        let volunteering = locale::href(i18n, &format!("/{c}/volunteering"));
                        let communities = locale::href(i18n, &format!("/{c}/communities"));
                        view! {
                            <a href=map>{t!(i18n, nav_map)}</a>
                            <a href=events>{t!(i18n, nav_events)}</a>
                            <a href=volunteering>{t!(i18n, nav_volunteering)}</a>
                            <a href=communities>{t!(i18n, nav_communities)}</a>
                            <a href=stories>{t!(i18n, nav_stories)}</a>
                        }
                    })}
                    <a href=move || locale::href(i18n, "/about")>{t!(i18n, nav_about)}</a>
                    <a href=move || format!("{}?choose=1", locale::href(i18n, "/"))>{t!(i18n, nav_change_city)}</a>
                    {if has_session {
                        view! { <a href=locale::href(i18n, "/dashboard")>{t!(i18n, nav_dashboard)}</a> }.into_any()
                    } else {
                        view! { <a href=locale::href(i18n, "/account/login")>{t!(i18n, nav_sign_in)}</a> }.into_any()
                    }}
                </nav>
            </details>
            <LanguageSwitcher />
        </header>
        <main id="main" tabindex="-1">
            <Outlet />
        </main>
        <footer class="site-footer">
            <p>{t!(i18n, footer_privacy)}</p>
            <p><a href=move || locale::href(i18n, "/about")>{t!(i18n, nav_about)}</a></p>
        </footer>
    }
}

/// `<link rel="alternate" hreflang>` for every language (absolute URLs, as
/// search engines want them), and x-default for the language-less path that
/// picks one from the visitor's cookie or browser.
#[component]
fn LanguageAlternates() -> impl IntoView {
    let location = use_location();
    let base = site_base();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let search =
        if search.is_empty() || search.starts_with('?') { search } else { format!("?{search}") };
    let bare = strip_locale(&path).to_string();
    let links = Locale::get_all()
        .iter()
        .map(|&l| {
            let href = format!("{base}{}{search}", localized_path(l, &bare));
            view! { <Link rel="alternate" hreflang=l.as_str() href=href /> }
        })
        .collect_view();
    let default = format!("{base}{}{search}", if bare.is_empty() { "/" } else { bare.as_str() });
    view! {
        {links}
        <Link rel="alternate" hreflang="x-default" href=default />
    }
}

#[cfg(feature = "ssr")]
fn site_base() -> String {
    use_context::<crate::state::AppState>().map(|s| crate::state::base_url(&s)).unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn site_base() -> String {
    String::new()
}

/// Links to the same page in every language; each name in its own language.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let current = endonym(i18n.get_locale_untracked());
    view! {
        <details class="lang-menu">
            <summary>
                <span class="visually-hidden">{t!(i18n, language)}": "</span>
                <span lang=locale::code(i18n.get_locale_untracked())>{current}</span>
            </summary>
            <nav class="lang-switcher" aria-label=move || t_string!(i18n, language)>
                <ul>
                    {Locale::get_all().iter().map(|&l| {
                        let href = move || {
                            let path = location.pathname.get();
                            let search = location.search.get();
                            let search = if search.is_empty() || search.starts_with('?') { search } else { format!("?{search}") };
                            format!("{}{}", localized_path(l, strip_locale(&path)), search)
                        };
                        let current = move || i18n.get_locale() == l;
                        view! {
                            <li>
                                <a href=href hreflang=l.as_str() lang=l.as_str() rel="external alternate"
                                    aria-current=move || current().then_some("true")>
                                    {endonym(l)}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
        </details>
    }
}

#[cfg(feature = "ssr")]
fn has_session_cookie() -> bool {
    use_context::<axum::http::request::Parts>().is_some_and(|p| {
        p.headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|c| c.split(';').any(|kv| kv.trim_start().starts_with("wk_session=")))
    })
}

#[cfg(not(feature = "ssr"))]
fn has_session_cookie() -> bool {
    false
}
