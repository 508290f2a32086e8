//! The filter form: a plain GET form, so a filtered view is a link and works
//! the same with or without JavaScript.
use crate::components::need_chips::NeedChips;
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
    let l = i18n.get_locale_untracked();
    let get = |k: &str| {
        pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default()
    };
    let (q, category, lang, district) = (get("q"), get("category"), get("lang"), get("district"));
    let (need, from, near) = (get("need"), get("from"), get("near"));
    let page_lang = crate::locale::code(l);
    let needs: Vec<(String, String)> =
        listing.needs.iter().map(|n| (n.key.clone(), n.label(page_lang))).collect();
    let truthy = |v: String| matches!(v.as_str(), "true" | "1" | "on" | "yes");
    let open_now = truthy(get("open_now"));
    let wheelchair = truthy(get("wheelchair"));
    let historical = truthy(get("historical"));
    let view_mode = get("view");
    let reset = action.clone();
    let pairs_for_chips = pairs.clone();
    let action_for_chips = action.clone();
    // How many filters are on, for the folded form's summary.
    let active = [&need, &category, &lang, &district].iter().filter(|v| !v.is_empty()).count()
        + [open_now, wheelchair, historical].iter().filter(|on| **on).count()
        + usize::from(!from.is_empty() || !near.is_empty());
    let summary = match active {
        0 => td_string!(l, filters_button).to_string(),
        n => format!(
            "{} ({})",
            td_string!(l, filters_button),
            crate::locale::format::integer(l, n as i64)
        ),
    };
    let unplaced = listing.unplaced.clone();
    let open = unplaced.is_some();
    let districts = crate::places::district_names(&listing.districts);
    view! {
        <form method="get" action=action class="filters place-filters" role="search" autocomplete="off">
            <h2 class="visually-hidden">{t!(i18n, filters_heading)}</h2>
            <div class="search-row">
                <label for="f-q" class="visually-hidden">{t!(i18n, filter_search)}</label>
                <input id="f-q" type="search" name="q" value=q.clone() prop:value=q
                    placeholder=move || t_string!(i18n, filter_search_placeholder) />
                <button type="submit">{t!(i18n, filter_apply)}</button>
            </div>
            // Folded so the first places show on a phone's first screen (a
            // <details> opens without JavaScript), beside the needs.
            <div class="filter-row">
            <details class="more-filters" open=open>
                <summary>{summary}</summary>
                <div class="filter-fields">
                    <FilterChoice id="f-need" name="need" selected=need
                        label=td_string!(l, filter_need).to_string() any=td_string!(l, filter_any_need).to_string()
                        options=needs />
                    <FilterChoice id="f-category" name="category" selected=category
                        label=td_string!(l, filter_category).to_string() any=td_string!(l, filter_any_category).to_string()
                        options=category_options(i18n, crate::values::ListingKind::Place) />
                    <FilterChoice id="f-lang" name="lang" selected=lang
                        label=td_string!(l, filter_language).to_string() any=td_string!(l, filter_any_language).to_string()
                        options=language_options(i18n, &listing.languages) />
                    <FilterChoice id="f-district" name="district" selected=district
                        label=td_string!(l, filter_district).to_string() any=td_string!(l, filter_any_district).to_string()
                        options=district_options(&listing.districts) />
                    <div class="field">
                        <label for="f-from">{t!(i18n, near_from)}</label>
                        <input id="f-from" type="search" name="from" value=from.clone() prop:value=from
                            list="f-from-districts" aria-invalid=open.then_some("true")
                            aria-describedby=open.then_some("f-from-error")
                            placeholder=move || t_string!(i18n, near_from_placeholder) />
                        <datalist id="f-from-districts">
                            {districts.into_iter().map(|d| view! { <option value=d></option> }).collect_view()}
                        </datalist>
                        {unplaced.map(|p| view! {
                            <p id="f-from-error" class="field-error">{t!(i18n, near_unplaced, place = move || p.clone())}</p>
                        })}
                    </div>
                    <div class="field checks">
                        <label><input type="checkbox" name="open_now" value="true" checked=open_now prop:checked=open_now />
                            {t!(i18n, filter_open_now)}</label>
                        <label><input type="checkbox" name="wheelchair" value="true" checked=wheelchair prop:checked=wheelchair />
                            {t!(i18n, filter_wheelchair)}</label>
                        <label><input type="checkbox" name="historical" value="true" checked=historical prop:checked=historical />
                            {t!(i18n, filter_historical)}</label>
                    </div>
                    <div class="actions">
                        <a class="reset" href=reset>{t!(i18n, filter_reset)}</a>
                    </div>
                </div>
            </details>
            <NeedChips needs=listing.needs.clone() pairs=pairs_for_chips base=action_for_chips />
            </div>
            {(!near.is_empty()).then(|| view! { <input type="hidden" name="near" value=near.clone() /> })}
            {(!view_mode.is_empty()).then(|| view! { <input type="hidden" name="view" value=view_mode.clone() /> })}
        </form>
    }
}

/// One filter that picks from a list; its first option is "any".
#[component]
pub fn FilterChoice(
    id: &'static str,
    name: &'static str,
    label: String,
    any: String,
    /// (value, what the visitor reads)
    options: Vec<(String, String)>,
    selected: String,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name prop:value=selected.clone()>
                <option value="">{any}</option>
                {options.into_iter().map(|(value, text)| {
                    let chosen = value == selected;
                    view! { <option value=value selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The categories of `kind` as filter options.
pub fn category_options(
    i18n: leptos_i18n::I18nContext<Locale>,
    kind: crate::values::ListingKind,
) -> Vec<(String, String)> {
    let keys = crate::categories::keys(kind).into_iter();
    keys.map(|c| (c.clone(), crate::categories::label(i18n, &c))).collect()
}

/// Language codes as filter options, each in the page's language.
pub fn language_options(
    i18n: leptos_i18n::I18nContext<Locale>,
    codes: &[String],
) -> Vec<(String, String)> {
    codes.iter().map(|c| (c.clone(), locale::language_label(i18n, c))).collect()
}

/// The cities as filter options, by their names in the page's language.
pub fn city_options(i18n: leptos_i18n::I18nContext<Locale>) -> Vec<(String, String)> {
    crate::cities::all_slugs()
        .into_iter()
        .map(|c| (c.clone(), crate::cities::label(i18n, &c)))
        .collect()
}

/// Districts as filter options (their names as they are).
pub fn district_options(districts: &[String]) -> Vec<(String, String)> {
    districts.iter().map(|d| (d.clone(), d.clone())).collect()
}
