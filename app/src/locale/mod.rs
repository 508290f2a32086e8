//! Helpers around the generated `i18n` module: language names, category and
//! day labels, and which name of a place to show.
use crate::forms::{FieldError, FormError};
use crate::i18n::*;
use crate::values::{AuditAction, ListingKind, OrganisationStatus};
use leptos_i18n::I18nContext;

pub mod content;
#[cfg(test)]
mod files;
pub mod format;

/// The locale's code as used in URLs, content tables and `lang` attributes.
pub fn code(locale: Locale) -> &'static str {
    locale.as_str()
}

/// The locale with this code, if the UI has it.
pub fn parse(code: &str) -> Option<Locale> {
    Locale::get_all().iter().copied().find(|l| l.as_str() == code)
}

/// Each language's name in that language, for the switcher (from its own
/// file, so a new language brings its name with it).
pub fn endonym(locale: Locale) -> &'static str {
    td_string!(locale, language_endonym)
}

pub fn language_label(i18n: I18nContext<Locale>, code: &str) -> String {
    language_name(i18n.get_locale_untracked(), code)
}

/// A language's name (by its code) in the language of `l`.
pub fn language_name(l: Locale, code: &str) -> String {
    let s = match code {
        "cs" => td_string!(l, lang_cs),
        "sk" => td_string!(l, lang_sk),
        "en" => td_string!(l, lang_en),
        "uk" => td_string!(l, lang_uk),
        "ru" => td_string!(l, lang_ru),
        "vi" => td_string!(l, lang_vi),
        "ar" => td_string!(l, lang_ar),
        "hu" => td_string!(l, lang_hu),
        "de" => td_string!(l, lang_de),
        "fr" => td_string!(l, lang_fr),
        "es" => td_string!(l, lang_es),
        "mn" => td_string!(l, lang_mn),
        "rom" => td_string!(l, lang_rom),
        "pl" => td_string!(l, lang_pl),
        "zh" => td_string!(l, lang_zh),
        other => return td_string!(l, lang_other, code = other).to_string(),
    };
    s.to_string()
}

pub fn day_label(i18n: I18nContext<Locale>, weekday: u8) -> &'static str {
    let l = i18n.get_locale_untracked();
    match weekday {
        0 => td_string!(l, day_mo),
        1 => td_string!(l, day_tu),
        2 => td_string!(l, day_we),
        3 => td_string!(l, day_th),
        4 => td_string!(l, day_fr),
        5 => td_string!(l, day_sa),
        _ => td_string!(l, day_su),
    }
}

/// "No Slovak needed": the filter and badge naming the city's own language
/// (`local_lang`), or "no local language needed" for a language without a
/// phrase of its own.
pub fn no_local_language_needed(l: Locale, local_lang: &str) -> String {
    match local_lang {
        "cs" => td_string!(l, no_lang_needed_cs).to_string(),
        "sk" => td_string!(l, no_lang_needed_sk).to_string(),
        _ => td_string!(l, no_lang_needed_local).to_string(),
    }
}

/// Prefixes an app path with the current locale, so links keep the language.
pub fn href(i18n: I18nContext<Locale>, path: &str) -> String {
    localized_path(i18n.get_locale_untracked(), path)
}

/// Always carries the prefix, even for the default language: a prefix-less path
/// would be re-resolved from the cookie and could bounce to another language.
pub fn localized_path(locale: Locale, path: &str) -> String {
    if path == "/" {
        format!("/{}", locale.as_str())
    } else {
        format!("/{}{}", locale.as_str(), path)
    }
}

/// The cookie leptos_i18n reads to pick the language of a prefix-less URL.
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// Remembers the language of a prefixed URL for later prefix-less links.
/// Set by the server: pages are not hydrated, so no browser code would do it.
#[cfg(feature = "ssr")]
pub fn remember_locale(locale: Locale) {
    use axum::http::{header::SET_COOKIE, HeaderValue};
    use leptos::prelude::use_context;
    let cookie =
        format!("{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.as_str());
    if let (Some(resp), Ok(v)) =
        (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&cookie))
    {
        resp.append_header(SET_COOKIE, v);
    }
}

#[cfg(not(feature = "ssr"))]
pub fn remember_locale(_locale: Locale) {}

/// Strips a known locale prefix from a path.
pub fn strip_locale(path: &str) -> &str {
    for l in Locale::get_all() {
        let prefix = format!("/{}", l.as_str());
        if path == prefix {
            return "/";
        }
        if let Some(rest) = path.strip_prefix(&prefix) {
            if rest.starts_with('/') {
                return &path[prefix.len()..];
            }
        }
    }
    path
}

pub fn field_error(i18n: I18nContext<Locale>, e: FieldError) -> String {
    let l = i18n.get_locale_untracked();
    let s = match e {
        FieldError::Required => td_string!(l, err_required),
        FieldError::TooLong => td_string!(l, err_too_long),
        FieldError::InvalidEmail => td_string!(l, err_invalid_email),
        FieldError::PasswordTooShort => td_string!(l, err_password_short),
        FieldError::PasswordsDiffer => td_string!(l, err_passwords_differ),
        FieldError::InvalidWebsite => td_string!(l, err_invalid_website),
        FieldError::InvalidRegistrationNo => td_string!(l, err_invalid_registration_no),
        FieldError::UnknownCity => td_string!(l, err_unknown_city),
        FieldError::EmailTaken => td_string!(l, err_email_taken),
        FieldError::UnknownChoice => td_string!(l, err_unknown_choice),
        FieldError::InvalidOpeningHours => td_string!(l, err_invalid_opening_hours),
        FieldError::InvalidCoordinates => td_string!(l, err_invalid_coordinates),
        FieldError::InvalidPhone => td_string!(l, err_invalid_phone),
        FieldError::AlreadyMember => td_string!(l, err_already_member),
        FieldError::InvalidContact => td_string!(l, err_invalid_contact),
        FieldError::ConsentRequired => td_string!(l, err_consent_required),
        FieldError::InvalidDate => td_string!(l, err_invalid_date),
        FieldError::InvalidTime => td_string!(l, err_invalid_time),
        FieldError::EndBeforeStart => td_string!(l, err_end_before_start),
        FieldError::InvalidRecurrence => td_string!(l, err_invalid_recurrence),
        FieldError::InvalidNumber => td_string!(l, err_invalid_number),
        FieldError::WhereRequired => td_string!(l, err_where_required),
        FieldError::InvalidLink => td_string!(l, err_invalid_link),
        FieldError::LinkNotOnService => td_string!(l, err_link_not_on_service),
        FieldError::ChooseLanguage => td_string!(l, err_choose_language),
        FieldError::InvalidSlug => td_string!(l, err_invalid_slug),
        FieldError::SlugTaken => td_string!(l, err_slug_taken),
        FieldError::InvalidCentre => td_string!(l, err_invalid_centre),
        FieldError::InvalidTimeZone => td_string!(l, err_invalid_time_zone),
        FieldError::InvalidCountry => td_string!(l, err_invalid_country),
        FieldError::InvalidLanguageCode => td_string!(l, err_invalid_language_code),
        FieldError::InvalidCityNames => td_string!(l, err_invalid_city_names),
        FieldError::InvalidBounds => td_string!(l, err_invalid_bounds),
        FieldError::PublicLinkRequired => td_string!(l, err_public_link_required),
        FieldError::InvalidCategoryKey => td_string!(l, err_invalid_category_key),
        FieldError::EnglishNameRequired => td_string!(l, err_english_name_required),
        FieldError::SourceRequired => td_string!(l, err_source_required),
        FieldError::HoursTextDisagrees => td_string!(l, err_hours_text_disagrees),
    };
    s.to_string()
}

pub fn form_error(i18n: I18nContext<Locale>, e: FormError) -> String {
    let l = i18n.get_locale_untracked();
    let s = match e {
        FormError::SignInFailed => td_string!(l, err_sign_in_failed),
        FormError::OwnStory => td_string!(l, err_own_story),
        FormError::EmailNotVerified => td_string!(l, err_email_not_verified),
        FormError::OrganisationNotVerified => td_string!(l, err_org_not_verified),
        FormError::AlreadyDecided => td_string!(l, err_already_decided),
        FormError::LinkInvalid => td_string!(l, err_link_invalid),
        FormError::TooManyAttempts => td_string!(l, err_too_many_attempts),
        FormError::LastMember => td_string!(l, err_last_member),
        FormError::NothingChanged => td_string!(l, err_nothing_changed),
        FormError::WholeNewListing => td_string!(l, err_whole_new_listing),
    };
    s.to_string()
}

/// The name of a kind of listing.
/// A button's label that names what it acts on (`Accept and publish
/// “RefuFest 2027”`), in the language's own quotation marks, so a tap on a
/// phone cannot be mistaken for one on the card above or below.
pub fn naming(l: Locale, label: &str, item: &str) -> String {
    let (open, close) = match l {
        Locale::cs | Locale::sk => ("„", "“"),
        Locale::uk | Locale::ru | Locale::mn | Locale::ar => ("«", "»"),
        _ => ("“", "”"),
    };
    format!("{label} {open}{item}{close}")
}

pub fn listing_kind(i18n: I18nContext<Locale>, kind: ListingKind) -> String {
    let l = i18n.get_locale_untracked();
    match kind {
        ListingKind::Place => td_string!(l, kind_place),
        ListingKind::Event => td_string!(l, kind_event),
        ListingKind::Opportunity => td_string!(l, kind_opportunity),
    }
    .to_string()
}

/// What can go stale (`kinds::freshness`): a kind of listing, or "group"
/// for a community group's profile.
pub fn stale_kind(i18n: I18nContext<Locale>, kind: &str) -> String {
    match ListingKind::parse(kind) {
        Some(kind) => listing_kind(i18n, kind),
        None => td_string!(i18n.get_locale_untracked(), org_kind_community_group).to_string(),
    }
}

/// An organisation's status, as its members and moderators read it.
pub fn organisation_status(i18n: I18nContext<Locale>, status: OrganisationStatus) -> &'static str {
    let l = i18n.get_locale_untracked();
    match status {
        OrganisationStatus::Verified => td_string!(l, org_status_verified),
        OrganisationStatus::Suspended => td_string!(l, org_status_suspended),
        OrganisationStatus::Unverified => td_string!(l, org_status_unverified),
    }
}

/// The name of a kind of community-group channel.
pub fn channel_kind_label(i18n: I18nContext<Locale>, kind: &str) -> String {
    let l = i18n.get_locale_untracked();
    let text = match kind {
        "website" => td_string!(l, channel_website),
        "facebook" => td_string!(l, channel_facebook),
        "telegram" => td_string!(l, channel_telegram),
        "viber" => td_string!(l, channel_viber),
        "whatsapp" => td_string!(l, channel_whatsapp),
        "signal" => td_string!(l, channel_signal),
        "instagram" => td_string!(l, channel_instagram),
        "email" => td_string!(l, channel_email),
        "meeting_place" => td_string!(l, channel_meeting_place),
        "other" => td_string!(l, channel_other),
        other => return other.to_string(),
    };
    text.to_string()
}

/// What an audit entry records, in words. Every action has its words; the
/// subject only chooses between a story's and a listing's.
pub fn audit_action(l: Locale, subject: &str, action: AuditAction) -> String {
    use AuditAction as A;
    let story = subject.starts_with("story");
    let text = match action {
        A::Submitted if story => td_string!(l, audit_story_submitted),
        A::Submitted => td_string!(l, audit_submitted),
        A::Accepted => td_string!(l, audit_accepted),
        A::PartlyAccepted => td_string!(l, audit_partly_accepted),
        A::Rejected if story => td_string!(l, audit_story_rejected),
        A::Rejected => td_string!(l, audit_rejected),
        A::ChangesRequested => td_string!(l, audit_sent_back),
        A::Edited => td_string!(l, audit_edited),
        A::Created => td_string!(l, audit_created),
        A::Assigned => td_string!(l, audit_assigned),
        A::Published => td_string!(l, audit_story_published),
        A::Unpublished => td_string!(l, audit_unpublished),
        A::Cancelled => td_string!(l, audit_event_cancelled),
        A::Restored => td_string!(l, audit_event_restored),
        A::DateCancelled => td_string!(l, audit_date_cancelled),
        A::DateRestored => td_string!(l, audit_date_restored),
        A::Confirmed => td_string!(l, audit_confirmed),
        A::Registered => td_string!(l, audit_registered),
        A::Verified => td_string!(l, audit_verified),
        A::Suspended => td_string!(l, audit_suspended),
        A::Unverified => td_string!(l, audit_unverified),
        A::MemberAdded => td_string!(l, audit_member_added),
        A::MemberRemoved => td_string!(l, audit_member_removed),
        A::ProfileProposed => td_string!(l, audit_profile_proposed),
        A::ProfileApproved => td_string!(l, audit_profile_approved),
        A::ProfileRejected => td_string!(l, audit_profile_rejected),
        A::ProfileConfirmed => td_string!(l, audit_profile_confirmed),
        A::Handled => td_string!(l, audit_report_handled),
        A::Added => td_string!(l, audit_added),
        A::Role => td_string!(l, audit_role),
        A::AdminCreated => td_string!(l, audit_admin_created),
        A::EmailVerified => td_string!(l, audit_email_verified),
        A::PasswordReset => td_string!(l, audit_password_reset),
    };
    text.to_string()
}

/// A listing field's name as its form labels it (`kind`: place, event,
/// opportunity), for the review diff and the audit log; a key no form
/// has stays as it is.
pub fn field_label(l: Locale, kind: &str, key: &str) -> String {
    if let Some(lang) = key.strip_prefix("title_").filter(|x| *x != "en") {
        let language = language_name(l, lang);
        return td_string!(l, ef_title_translation_label, language = language).to_string();
    }
    if let Some(lang) = key.strip_prefix("translation_") {
        let language = language_name(l, lang);
        return td_string!(l, pf_translation_label, language = language).to_string();
    }
    let text = match (key, kind) {
        ("name", _) => td_string!(l, pf_name),
        ("name_en", _) => td_string!(l, pf_name_en),
        ("title", _) => td_string!(l, ef_title),
        ("title_en", _) => td_string!(l, ef_title_en),
        ("category", _) => td_string!(l, filter_category),
        ("address", _) => td_string!(l, place_address),
        ("lat", _) => td_string!(l, pf_lat),
        ("lon", _) => td_string!(l, pf_lon),
        ("phone", _) => td_string!(l, pf_phone),
        ("email", _) => td_string!(l, field_email),
        ("website", _) => td_string!(l, field_website),
        ("opening_hours", _) => td_string!(l, pf_opening_hours),
        ("hours_text", _) => td_string!(l, pf_hours_text),
        ("needs", _) => td_string!(l, form_needs),
        ("languages", "place") => td_string!(l, place_languages),
        ("languages", "event") => td_string!(l, events_held_in),
        ("languages", _) => td_string!(l, of_languages),
        ("wheelchair", _) => td_string!(l, filter_wheelchair),
        ("place", _) => td_string!(l, ef_place),
        ("online_url", _) => td_string!(l, ef_online),
        ("date", "opportunity") => td_string!(l, of_date),
        ("date", _) => td_string!(l, ef_date),
        ("time", _) => td_string!(l, ef_time),
        ("end_date", _) => td_string!(l, ef_end_date),
        ("end_time", _) => td_string!(l, ef_end_time),
        ("all_day", _) => td_string!(l, ef_all_day),
        ("repeat", _) => td_string!(l, ef_repeat),
        ("weekdays", _) => td_string!(l, ef_weekdays),
        ("until", _) => td_string!(l, ef_until),
        ("rule", _) => td_string!(l, ef_rule),
        ("skip_dates", _) => td_string!(l, ef_skip),
        ("no_czech", _) => return no_local_language_needed(l, ""),
        ("free", _) => td_string!(l, events_free_badge),
        ("price", _) => td_string!(l, ef_price),
        ("children", _) => td_string!(l, events_children),
        ("accessibility", _) => td_string!(l, events_accessibility),
        ("registration_url", _) => td_string!(l, ef_registration),
        ("capacity", _) => td_string!(l, ef_capacity),
        ("location_kind", _) => td_string!(l, events_where),
        ("schedule_kind", _) => td_string!(l, events_when),
        ("schedule_text", _) => td_string!(l, of_schedule_text),
        ("skills", _) => td_string!(l, vol_skills),
        ("audience", _) => td_string!(l, vol_audience),
        ("min_age", _) => td_string!(l, of_min_age),
        ("contact", _) => td_string!(l, of_contact),
        ("deadline", _) => td_string!(l, of_deadline),
        ("description_en", _) => td_string!(l, pf_description_en),
        ("description_local", _) => td_string!(l, pf_description_local),
        ("organisation", _) => td_string!(l, moderation_organisation),
        _ => return key.to_string(),
    };
    text.to_string()
}
