//! Admins see the city's officials and invite new ones by e-mail: a
//! moderator of one city or of every city, or an admin.
use super::admin_frame::AdminFrame;
use crate::accounts::staff::{staff_list, StaffItem};
use crate::components::filters::city_options;
use crate::components::form_field::{FormErrorBanner, FormField, SelectField};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

#[component]
pub fn PeopleAdminPage() -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <AdminFrame title=td_string!(l, people_admin_title).to_string()
            added=td_string!(l, people_invited).to_string() class="people-admin">
            <crate::pages::Loaded load=staff_list show=|staff| view! { <StaffList staff=staff /> }.into_any() />
            <InviteForm />
        </AdminFrame>
    }
}

/// A role in words: "Admin", "Moderator · Praha", "Moderator · every city".
fn role_label(i18n: leptos_i18n::I18nContext<Locale>, s: &StaffItem) -> String {
    let l = i18n.get_locale_untracked();
    match (s.role.as_str(), &s.city) {
        ("admin", _) => td_string!(l, role_admin).to_string(),
        (_, Some(city)) => {
            format!("{} · {}", td_string!(l, role_moderator), crate::cities::label(i18n, city))
        }
        (_, None) => {
            format!("{} · {}", td_string!(l, role_moderator), td_string!(l, moderation_every_city))
        }
    }
}

#[component]
fn StaffList(staff: Vec<StaffItem>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="staff-list">
            {staff.into_iter().map(|s| {
                let role = role_label(i18n, &s);
                view! {
                    <li data-role=s.role.clone()>
                        <strong>{s.name.clone()}</strong>
                        {(s.name != s.email).then(|| format!(" <{}>", s.email))}" · "{role}
                        {(!s.active).then(|| view! { " · "<em>{t!(i18n, people_invited_waiting)}</em> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn InviteForm() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let roles = vec![
        ("moderator".to_string(), td_string!(l, role_moderator).to_string()),
        ("admin".to_string(), td_string!(l, role_admin).to_string()),
    ];
    let every = (String::new(), td_string!(l, moderation_every_city).to_string());
    let cities = std::iter::once(every).chain(city_options(i18n)).collect::<Vec<_>>();
    view! {
        <h2>{t!(i18n, people_invite)}</h2>
        <p class="hint">{t!(i18n, people_invite_hint)}</p>
        <FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, "/admin/people/invite") novalidate>
            <FormField name="email" label=td_string!(l, field_member_email).to_string() kind="email"
                autocomplete="off" feedback=fb.clone() />
            <FormField name="name" label=td_string!(l, field_member_name).to_string()
                autocomplete="off" feedback=fb.clone() />
            <SelectField name="role" label=td_string!(l, field_staff_role).to_string()
                options=roles feedback=fb.clone() required=true />
            <SelectField name="city" label=td_string!(l, field_staff_city).to_string()
                hint=td_string!(l, field_staff_city_hint).to_string()
                options=cities feedback=fb.clone() required=false />
            <button type="submit">{t!(i18n, people_invite_submit)}</button>
        </form>
    }
}
