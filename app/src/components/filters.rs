//! The filter form: a plain GET form, so a filtered view is a link and works
//! the same with or without JavaScript.
use crate::i18n::*;
use crate::locale;
use crate::places::PlaceListing;
use leptos::prelude::*;

#[component]
pub fn Filters(
    listing: PlaceListing,
    pairs: Vec<(String, String)>,
    action: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let get = |k: &str| {
        pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default()
    };
    let (q, category, lang, district) = (get("q"), get("category"), get("lang"), get("district"));
    let truthy = |v: String| matches!(v.as_str(), "true" | "1" | "on" | "yes");
    let open_now = truthy(get("open_now"));
    let wheelchair = truthy(get("wheelchair"));
    let view_mode = get("view");
    let reset = action.clone();
    view! {
        <form method="get" action=action class="filters" role="search" autocomplete="off">
            <h2 class="visually-hidden">{t!(i18n, filters_heading)}</h2>
            <div class="field search-field">
                <label for="f-q">{t!(i18n, filter_search)}</label>
                <input id="f-q" type="search" name="q" value=q.clone() prop:value=q
                    placeholder=move || t_string!(i18n, filter_search_placeholder) />
            </div>
            <div class="field">
                <label for="f-category">{t!(i18n, filter_category)}</label>
                <select id="f-category" name="category" prop:value=category.clone()>
                    <option value="">{t!(i18n, filter_any_category)}</option>
                    {crate::categories::keys(crate::values::ListingKind::Place).into_iter().map(|c| {
                        let label = crate::categories::label(i18n, &c);
                        let selected = category == c;
                        view! { <option value=c selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-lang">{t!(i18n, filter_language)}</label>
                <select id="f-lang" name="lang" prop:value=lang.clone()>
                    <option value="">{t!(i18n, filter_any_language)}</option>
                    {listing.languages.iter().map(|code| {
                        let label = locale::language_label(i18n, code);
                        view! { <option value=code.clone() selected=lang == *code>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-district">{t!(i18n, filter_district)}</label>
                <select id="f-district" name="district" prop:value=district.clone()>
                    <option value="">{t!(i18n, filter_any_district)}</option>
                    {listing.districts.iter().map(|d| {
                        view! { <option value=d.clone() selected=district == *d>{d.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field checks">
                <label><input type="checkbox" name="open_now" value="true" checked=open_now prop:checked=open_now />
                    {t!(i18n, filter_open_now)}</label>
                <label><input type="checkbox" name="wheelchair" value="true" checked=wheelchair prop:checked=wheelchair />
                    {t!(i18n, filter_wheelchair)}</label>
            </div>
            {(!view_mode.is_empty()).then(|| view! { <input type="hidden" name="view" value=view_mode.clone() /> })}
            <div class="actions">
                <button type="submit">{t!(i18n, filter_apply)}</button>
                <a class="reset" href=reset>{t!(i18n, filter_reset)}</a>
            </div>
        </form>
    }
}
