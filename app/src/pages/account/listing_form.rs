//! What the listing forms share: the page with its heading and loading, the
//! organisation choice, and where the form's values come from.
use crate::forms::{use_feedback, FormFeedback};
use crate::i18n::*;
use crate::listing::draft::ListingFormData;
use crate::locale;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

/// The listing the page's query names (`?{key}=id`), and whether this is a
/// moderator's direct edit (the same form, under /moderation).
pub fn form_target(key: &str) -> (Option<i64>, bool) {
    let id = use_query_map().get_untracked().get(key).and_then(|p| p.parse().ok());
    let moderate = use_location().pathname.get_untracked().contains("/moderation/");
    (id, moderate)
}

/// The city a moderator adds a new listing to (`?city=…`), when no listing
/// is named.
pub fn new_in_city(id: Option<i64>, moderate: bool) -> Option<String> {
    use_query_map().get_untracked().get("city").filter(|_| moderate && id.is_none())
}

/// A refused form shows what was typed; a fresh one the listing as it is.
pub fn feedback_for(data: &ListingFormData) -> FormFeedback {
    let submitted = use_feedback();
    if submitted.values.is_empty() {
        FormFeedback { values: data.values.iter().cloned().collect(), ..Default::default() }
    } else {
        submitted
    }
}

pub fn language_options(i18n: I18nContext<Locale>) -> Vec<(String, String)> {
    crate::places::LISTING_LANGUAGES
        .iter()
        .map(|c| (c.to_string(), locale::language_label(i18n, c)))
        .collect()
}

/// The needs as (key, name in the page's language), for a `CheckGroup`.
pub fn need_options(
    i18n: I18nContext<Locale>,
    needs: &[crate::needs::NeedLabel],
) -> Vec<(String, String)> {
    let lang = locale::code(i18n.get_locale_untracked());
    needs.iter().map(|n| (n.key.clone(), n.label(lang))).collect()
}

#[component]
pub fn FormFrame(title: String, intro: String, children: Children) -> impl IntoView {
    view! {
        <Title text=title.clone() />
        <section class="account-form place-form">
            <h1>{title}</h1>
            <p class="intro">{intro}</p>
            {children()}
        </section>
    }
}

/// A listing form's page: the heading fits who fills it in (a moderator
/// adding one for the city, a moderator editing one, an organisation
/// proposing one or a change), then the form once its data has loaded.
#[component]
pub fn ListingFormPage<T, F, Fut>(
    /// The query key naming the listing (`place`, `event`, `opportunity`).
    key: &'static str,
    /// (title, intro) when a moderator adds one for the city.
    add: (String, String),
    /// (title, intro) when a moderator edits one directly.
    moderator: (String, String),
    /// (title, intro) when an organisation proposes one or a change.
    propose: (String, String),
    /// The form's server function: (listing, moderator's edit, new in
    /// city, a sent-back or rejected proposal to fill it again).
    load: F,
    form: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn(Option<i64>, bool, Option<String>, Option<i64>) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, crate::page_error::PageError>> + Send + 'static,
{
    let (id, moderate) = form_target(key);
    let city = new_in_city(id, moderate);
    let change = use_query_map().get_untracked().get("change").and_then(|c| c.parse().ok());
    let (title, intro) = match (&city, moderate) {
        (Some(_), _) => add,
        (None, true) => moderator,
        (None, false) => propose,
    };
    view! {
        <FormFrame title=title intro=intro>
            <crate::pages::Loaded load=move || load(id, moderate, city.clone(), change) show=form />
        </FormFrame>
    }
}

/// Which organisation proposes: fixed when there is one, else a choice.
/// A moderator's direct edit has none.
#[component]
pub fn OrganisationChoice(data: ListingFormData, feedback: FormFeedback) -> impl IntoView {
    let i18n = use_i18n();
    if data.moderator_edit {
        return ().into_any();
    }
    if data.organisations.len() == 1 {
        let (id, name) = data.organisations[0].clone();
        return view! {
            <input type="hidden" name="organisation" value=id.to_string() />
            <p>{t!(i18n, place_form_for)}" "<strong>{name}</strong></p>
        }
        .into_any();
    }
    let chosen = feedback.value("organisation");
    view! {
        <div class="field">
            <label for="f-organisation">{t!(i18n, place_form_organisation)}</label>
            <select id="f-organisation" name="organisation">
                {data.organisations.into_iter().map(|(id, name)| {
                    let selected = chosen == id.to_string();
                    view! { <option value=id.to_string() selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// Where an event's or opportunity's form posts (`edit` for a moderator's
/// direct edit, `submit` for a proposal), and its button's words.
pub fn form_action(
    l: Locale,
    data: &ListingFormData,
    edit: &'static str,
    submit: &'static str,
) -> (&'static str, String) {
    if data.moderator_edit {
        (edit, td_string!(l, place_form_save_now).to_string())
    } else {
        (submit, td_string!(l, place_form_submit).to_string())
    }
}

/// The start of an event's or opportunity's form: which listing it changes
/// (`key`), the city a moderator adds it to, and whose it is.
#[component]
pub fn ListingFormStart(
    data: ListingFormData,
    feedback: FormFeedback,
    key: &'static str,
) -> impl IntoView {
    view! {
        {data.listing.clone().map(|(id, _, _)| view! { <input type="hidden" name=key value=id.to_string() /> })}
        {data.new_in_city.clone().map(|c| view! { <input type="hidden" name="city" value=c /> })}
        <OrganisationChoice data=data feedback=feedback />
    }
}

/// The end of an event's or opportunity's form: the description in English
/// and in the city's language, the title's and description's translations,
/// a moderator's note, and the button.
#[component]
pub fn ListingFormEnd(
    data: ListingFormData,
    feedback: FormFeedback,
    submit_label: String,
) -> impl IntoView {
    use crate::components::form_field::TextAreaField;
    use crate::components::translation_fields::TranslationFields;
    let l = use_i18n().get_locale_untracked();
    let fb = feedback;
    view! {
        <TextAreaField name="description_en" label=td_string!(l, pf_description_en).to_string() feedback=fb.clone() rows=5 />
        <TextAreaField name="description_local" label=td_string!(l, pf_description_local).to_string() feedback=fb.clone() rows=5 />
        <TranslationFields local_lang=data.local_lang.clone() outdated=data.outdated.clone() feedback=fb.clone() titles=true />
        {data.moderator_edit.then(|| view! {
            <TextAreaField name="note" label=td_string!(l, place_form_note).to_string() feedback=fb.clone() rows=2 />
        })}
        <button type="submit">{submit_label}</button>
    }
}
