//! The root component, the HTML shell and the routes.
use crate::components::layout::Layout;
use crate::i18n::*;
use crate::pages::account::event_form::EventFormPage;
use crate::pages::account::opportunity_form::OpportunityFormPage;
use crate::pages::account::{
    dashboard::{DashboardPage, OutboxPage},
    group_profile::GroupProfilePage,
    links::{ResetConfirmPage, ResetRequestPage, VerifyPage},
    login::LoginPage,
    place_form::PlaceFormPage,
    register::{RegisterPage, RegisteredPage},
};
use crate::pages::categories_admin::CategoriesAdminPage;
use crate::pages::cities_admin::CitiesAdminPage;
use crate::pages::communities::CommunitiesPage;
use crate::pages::event::EventPage;
use crate::pages::events::EventsPage;
use crate::pages::moderation::audit::AuditPage;
use crate::pages::moderation::queue::ModerationPage;
use crate::pages::moderation::statistics::StatisticsPage;
use crate::pages::moderation::story_editor::StoryEditorPage;
use crate::pages::people_admin::PeopleAdminPage;
use crate::pages::volunteering::{OpportunityPage, VolunteeringPage, WithdrawPage};
use crate::pages::{
    about::AboutPage, city::CityPage, home::HomePage, not_found::NotFound, place::PlacePage,
    stories::StoriesPage, story::StoryPage,
};
use leptos::prelude::*;
use leptos_i18n_router::I18nRoute;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b5cad" />
                <link rel="stylesheet" href="/pkg/welcome-kit.css" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <script defer src="/map.js"></script>
                <script defer src="/offline.js"></script>
                <AutoReload options=options.clone() />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    crate::security::set_page_policy();
    // Async SSR: pages arrive complete, so they work with JavaScript off and
    // can set their status code (404) and cookies before the body is sent.
    view! {
        <I18nContextProvider>
            <Router>
                <Routes fallback=NotFound>
                    <I18nRoute<Locale, _, _> view=Layout ssr=SsrMode::Async>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("about") view=AboutPage ssr=SsrMode::Async />
                        <Route path=path!("offline") view=crate::pages::offline::OfflinePage ssr=SsrMode::Async />
                        <Route path=path!("account/register") view=RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("account/registered") view=RegisteredPage ssr=SsrMode::Async />
                        <Route path=path!("account/login") view=LoginPage ssr=SsrMode::Async />
                        <Route path=path!("account/verify") view=VerifyPage ssr=SsrMode::Async />
                        <Route path=path!("account/reset") view=ResetRequestPage ssr=SsrMode::Async />
                        <Route path=path!("account/reset/confirm") view=ResetConfirmPage ssr=SsrMode::Async />
                        <Route path=path!("dashboard") view=DashboardPage ssr=SsrMode::Async />
                        <Route path=path!("dashboard/places/new") view=PlaceFormPage ssr=SsrMode::Async />
                        <Route path=path!("dashboard/events/new") view=EventFormPage ssr=SsrMode::Async />
                        <Route path=path!("dashboard/opportunities/new") view=OpportunityFormPage ssr=SsrMode::Async />
                        <Route path=path!("dashboard/group") view=GroupProfilePage ssr=SsrMode::Async />
                        <Route path=path!("admin/outbox") view=OutboxPage ssr=SsrMode::Async />
                        <Route path=path!("admin/cities") view=CitiesAdminPage ssr=SsrMode::Async />
                        <Route path=path!("admin/categories") view=CategoriesAdminPage ssr=SsrMode::Async />
                        <Route path=path!("admin/people") view=PeopleAdminPage ssr=SsrMode::Async />
                        <Route path=path!("moderation") view=ModerationPage ssr=SsrMode::Async />
                        <Route path=path!("moderation/places/edit") view=PlaceFormPage ssr=SsrMode::Async />
                        <Route path=path!("moderation/events/edit") view=EventFormPage ssr=SsrMode::Async />
                        <Route path=path!("moderation/opportunities/edit") view=OpportunityFormPage ssr=SsrMode::Async />
                        <Route path=path!("moderation/audit") view=AuditPage ssr=SsrMode::Async />
                        <Route path=path!("moderation/statistics") view=StatisticsPage ssr=SsrMode::Async />
                        <Route path=path!("moderation/stories/edit") view=StoryEditorPage ssr=SsrMode::Async />
                        <Route path=path!("volunteering/withdraw") view=WithdrawPage ssr=SsrMode::Async />
                        <Route path=path!(":city") view=CityPage ssr=SsrMode::Async />
                        <Route path=path!(":city/places/:slug") view=PlacePage ssr=SsrMode::Async />
                        <Route path=path!(":city/stories") view=StoriesPage ssr=SsrMode::Async />
                        <Route path=path!(":city/events") view=EventsPage ssr=SsrMode::Async />
                        <Route path=path!(":city/volunteering") view=VolunteeringPage ssr=SsrMode::Async />
                        <Route path=path!(":city/communities") view=CommunitiesPage ssr=SsrMode::Async />
                        <Route path=path!(":city/volunteering/:slug") view=OpportunityPage ssr=SsrMode::Async />
                        <Route path=path!(":city/events/:slug") view=EventPage ssr=SsrMode::Async />
                        <Route path=path!(":city/stories/:slug") view=StoryPage ssr=SsrMode::Async />
                    </I18nRoute<Locale, _, _>>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
