//! Admins add place and event categories: the same form as `welcome-kit
//! add-category`. A new category is in the filters, forms, imports and
//! API at once.
use super::admin_frame::AdminFrame;
use crate::categories::CategoryDirectory;
use crate::components::form_field::{FormErrorBanner, FormField, SelectField};
use crate::forms::use_feedback;
use crate::i18n::*;
use crate::locale;
use leptos::prelude::*;

#[component]
pub fn CategoriesAdminPage() -> impl IntoView {
    let l = use_i18n().get_locale_untracked();
    view! {
        <AdminFrame title=td_string!(l, categories_admin_title).to_string()
            added=td_string!(l, categories_added).to_string() class="categories-admin">
            <CategoryList />
            <AddCategoryForm />
        </AdminFrame>
    }
}

#[component]
fn CategoryList() -> impl IntoView {
    let i18n = use_i18n();
    let lang = locale::code(i18n.get_locale_untracked());
    let categories = use_context::<CategoryDirectory>().unwrap_or_default().0;
    view! {
        <ul class="category-list">
            {categories.into_iter().map(|c| view! {
                <li data-kind=c.kind.as_str()>{c.label(lang)}" · "<code>{c.key.clone()}</code>" · "{locale::listing_kind(i18n, c.kind)}</li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn AddCategoryForm() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let fb = use_feedback();
    let names_error = fb.error("names").map(|e| locale::field_error(i18n, e));
    let invalid = names_error.is_some();
    use crate::values::ListingKind;
    let kinds = [ListingKind::Place, ListingKind::Event]
        .into_iter()
        .map(|k| (k.to_string(), locale::listing_kind(i18n, k)))
        .collect::<Vec<_>>();
    view! {
        <h2>{t!(i18n, categories_admin_add)}</h2>
        <FormErrorBanner feedback=fb.clone() />
        <form method="post" action=locale::href(i18n, "/admin/categories/add") novalidate>
            <FormField name="key" label=td_string!(l, field_category_key).to_string()
                hint=td_string!(l, field_category_key_hint).to_string() feedback=fb.clone() />
            <SelectField name="kind" label=td_string!(l, field_category_kind).to_string()
                options=kinds feedback=fb.clone() required=true />
            <div class="field" class:has-error=invalid>
                <label for="f-names">{t!(i18n, field_category_names)}<span class="required" aria-hidden="true">" *"</span></label>
                <p class="hint" id="f-names-hint">{t!(i18n, field_category_names_hint)}</p>
                <textarea id="f-names" name="names" rows="4" required
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=if invalid { "f-names-hint f-names-error" } else { "f-names-hint" }>{fb.value("names")}</textarea>
                {names_error.map(|e| view! { <p class="field-error" id="f-names-error">{e}</p> })}
            </div>
            <button type="submit">{t!(i18n, categories_admin_submit)}</button>
        </form>
    }
}
