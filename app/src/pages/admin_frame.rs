//! The frame of an admins' page: its title, the notice after a successful
//! form (`?added=1`), and its content for admins only (403 for others).
use crate::accounts::server::admin_only;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminFrame(
    title: String,
    /// Shown after `?added=1`.
    added: String,
    class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let show_added = use_query_map().read_untracked().get("added").is_some();
    view! {
        <Title text=title.clone() />
        <section class=format!("account-form {class}")>
            <h1>{title}</h1>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || {
                    let (children, added) = (children.clone(), added.clone());
                    Suspend::new(async move {
                        match admin_only().await {
                            Ok(()) => view! {
                                {show_added.then(|| view! { <p class="notice" role="status">{added}</p> })}
                                {children()}
                            }.into_any(),
                            Err(e) => view! { <crate::pages::LoadError error=e /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
