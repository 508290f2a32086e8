//! The group profile form: parsing and checking every field at once, so the
//! form shows all problems together. Links must be https and, for the
//! named services, on that service's address: the public page links to
//! them, so a "Telegram" link that leads somewhere else would mislead.
use super::model::{
    Channel, GroupProfile, CHANNEL_KINDS, CHANNEL_KIND_FIELDS, CHANNEL_VALUE_FIELDS,
    DESCRIPTION_FIELDS, DESCRIPTION_LANGS, DESCRIPTION_MAX_CHARS, LANGUAGES, MAX_CHANNELS,
};
use crate::accounts::model::{required_text, Email, FieldError, FieldErrors};
use crate::http::form_post::FormValues;

const LINK_MAX_CHARS: usize = 300;

fn field<'a>(v: &'a FormValues, k: &str) -> &'a str {
    v.get(k).map(|s| s.trim()).unwrap_or("")
}

/// The hosts a channel's link may be on (a host or any of its subdomains);
/// empty for any host.
fn hosts(kind: &str) -> &'static [&'static str] {
    match kind {
        "facebook" => &["facebook.com", "fb.com", "fb.me"],
        "telegram" => &["t.me", "telegram.me"],
        "whatsapp" => &["whatsapp.com", "wa.me"],
        "viber" => &["viber.com", "vb.me"],
        "signal" => &["signal.group", "signal.me"],
        "instagram" => &["instagram.com", "instagr.am"],
        _ => &[],
    }
}

/// An https link, checked and normalised with a WHATWG URL parser (the
/// same rules a browser follows, so the host checked is the host the
/// browser will open). `t.me/x` becomes `https://t.me/x`; `http://`,
/// other schemes, user names in the address and hosts without a dot are
/// refused.
pub fn https_link(raw: &str, kind: &str) -> Result<String, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    if raw.chars().count() > LINK_MAX_CHARS {
        return Err(FieldError::TooLong);
    }
    if raw.chars().any(|c| c.is_whitespace() || c.is_control() || "\"<>\\`".contains(c)) {
        return Err(FieldError::InvalidLink);
    }
    let with_scheme = if raw.contains("://") { raw.to_string() } else { format!("https://{raw}") };
    let url = url::Url::parse(&with_scheme).map_err(|_| FieldError::InvalidLink)?;
    let host = match url.host() {
        Some(url::Host::Domain(h)) => h.to_ascii_lowercase(),
        _ => return Err(FieldError::InvalidLink),
    };
    if url.scheme() != "https"
        || !url.username().is_empty()
        || url.password().is_some()
        || url.port().is_some()
        || !host.contains('.')
        || host.ends_with('.')
    {
        return Err(FieldError::InvalidLink);
    }
    let allowed = hosts(kind);
    if !allowed.is_empty()
        && !allowed.iter().any(|h| host == *h || host.ends_with(&format!(".{h}")))
    {
        return Err(FieldError::LinkNotOnService);
    }
    Ok(url.to_string())
}

/// One channel's value, checked for its kind.
pub fn channel_value(kind: &str, raw: &str) -> Result<String, FieldError> {
    match kind {
        "email" => Email::parse(raw).map(|e| e.as_str().to_string()),
        "meeting_place" => required_text(raw),
        _ => https_link(raw, kind),
    }
}

/// Checks the whole form. Channel rows with an empty value are skipped;
/// the rest keep their order.
pub fn parse_profile(v: &FormValues) -> Result<GroupProfile, FieldErrors> {
    let mut errors = FieldErrors::new();
    let languages: Vec<String> = field(v, "languages")
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if languages.iter().any(|l| !LANGUAGES.contains(&l.as_str())) {
        errors.insert("languages", FieldError::UnknownChoice);
    } else if languages.is_empty() {
        errors.insert("languages", FieldError::ChooseLanguage);
    }
    // In the order of the list, each once.
    let languages: Vec<String> = LANGUAGES
        .iter()
        .filter(|l| languages.iter().any(|x| x == *l))
        .map(|l| l.to_string())
        .collect();
    let description = field(v, "description");
    if description.is_empty() {
        errors.insert("description", FieldError::Required);
    } else if description.chars().count() > DESCRIPTION_MAX_CHARS {
        errors.insert("description", FieldError::TooLong);
    }
    let description_lang = field(v, "description_lang");
    if !description_lang.is_empty() && !LANGUAGES.contains(&description_lang) {
        errors.insert("description_lang", FieldError::UnknownChoice);
    }
    // A "translation" into the description's own language would hide it.
    let mut translations = std::collections::BTreeMap::new();
    for (lang, name) in DESCRIPTION_LANGS.iter().zip(DESCRIPTION_FIELDS) {
        match field(v, name) {
            "" => {}
            _ if *lang == description_lang => {}
            t if t.chars().count() > DESCRIPTION_MAX_CHARS => {
                errors.insert(name, FieldError::TooLong);
            }
            t => {
                translations.insert(lang.to_string(), t.to_string());
            }
        }
    }
    let mut channels = Vec::new();
    for i in 0..MAX_CHANNELS {
        let kind = field(v, CHANNEL_KIND_FIELDS[i]);
        let value = field(v, CHANNEL_VALUE_FIELDS[i]);
        if value.is_empty() {
            continue;
        }
        if !CHANNEL_KINDS.contains(&kind) {
            errors.insert(CHANNEL_KIND_FIELDS[i], FieldError::UnknownChoice);
            continue;
        }
        match channel_value(kind, value) {
            Ok(value) => channels.push(Channel { kind: kind.to_string(), value }),
            Err(e) => {
                errors.insert(CHANNEL_VALUE_FIELDS[i], e);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(GroupProfile {
        languages,
        description: description.to_string(),
        description_lang: description_lang.to_string(),
        translations,
        channels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::http::form_post::form_of as form;

    #[test]
    fn translations_of_the_description() {
        let ok = parse_profile(&form(&[
            ("languages", "uk"),
            ("description", "Ми зустрічаємося щонеділі."),
            ("description_lang", "uk"),
            ("description_en", " We meet on Sundays. "),
            ("description_uk", "ignored: the original is Ukrainian"),
        ]))
        .expect("valid");
        assert_eq!(ok.description_lang, "uk");
        assert_eq!(
            ok.translations.into_iter().collect::<Vec<_>>(),
            vec![("en".to_string(), "We meet on Sundays.".to_string())]
        );
        let long = "x".repeat(DESCRIPTION_MAX_CHARS + 1);
        let errors = parse_profile(&form(&[
            ("languages", "uk"),
            ("description", "x"),
            ("description_lang", "klingon"),
            ("description_vi", long.as_str()),
        ]))
        .expect_err("two problems");
        assert_eq!(errors.get("description_lang"), Some(&FieldError::UnknownChoice));
        assert_eq!(errors.get("description_vi"), Some(&FieldError::TooLong));
    }

    #[test]
    fn links_per_service() {
        assert_eq!(
            https_link("t.me/nasha_hromada", "telegram"),
            Ok("https://t.me/nasha_hromada".into())
        );
        assert_eq!(
            https_link("https://chat.whatsapp.com/AbC123", "whatsapp"),
            Ok("https://chat.whatsapp.com/AbC123".into())
        );
        assert_eq!(
            https_link("https://invite.viber.com/?g2=AQB", "viber"),
            Ok("https://invite.viber.com/?g2=AQB".into())
        );
        assert_eq!(
            https_link("https://www.facebook.com/groups/123", "facebook"),
            Ok("https://www.facebook.com/groups/123".into())
        );
        assert_eq!(https_link("https://Example.ORG", "website"), Ok("https://example.org/".into()));
        // Not https, not a link, or not where the service is.
        for (bad, kind, e) in [
            ("http://t.me/x", "telegram", FieldError::InvalidLink),
            ("viber://chat?number=1", "viber", FieldError::InvalidLink),
            ("javascript:alert(1)", "website", FieldError::InvalidLink),
            ("nonsense", "website", FieldError::InvalidLink),
            ("https://t.me x", "telegram", FieldError::InvalidLink),
            ("https://x.cz/\"><script>", "website", FieldError::InvalidLink),
            ("https://t.me@evil.example/x", "telegram", FieldError::InvalidLink),
            ("https://t.me:8443/x", "telegram", FieldError::InvalidLink),
            ("https://evil.example/t.me", "telegram", FieldError::LinkNotOnService),
            ("https://t.me.evil.example/x", "telegram", FieldError::LinkNotOnService),
            ("https://notfacebook.com/g", "facebook", FieldError::LinkNotOnService),
        ] {
            assert_eq!(https_link(bad, kind), Err(e), "{bad}");
        }
    }

    #[test]
    fn whole_form() {
        let ok = parse_profile(&form(&[
            ("languages", ",vi,uk,vi"),
            ("description", "  We meet on Sundays. "),
            ("channel_kind_0", "telegram"),
            ("channel_value_0", "t.me/group"),
            ("channel_kind_1", "website"),
            ("channel_value_1", ""),
            ("channel_kind_2", "meeting_place"),
            ("channel_value_2", "Library,  2nd floor"),
            ("channel_kind_3", "email"),
            ("channel_value_3", "Info@Example.org"),
        ]))
        .expect("valid");
        assert_eq!(ok.languages, vec!["uk", "vi"]);
        assert_eq!(ok.description, "We meet on Sundays.");
        assert_eq!(
            ok.channels,
            vec![
                Channel { kind: "telegram".into(), value: "https://t.me/group".into() },
                Channel { kind: "meeting_place".into(), value: "Library, 2nd floor".into() },
                Channel { kind: "email".into(), value: "info@example.org".into() },
            ]
        );
        let errors = parse_profile(&form(&[
            ("languages", "xx"),
            ("channel_kind_0", ""),
            ("channel_value_0", "https://t.me/x"),
            ("channel_kind_1", "email"),
            ("channel_value_1", "not-an-address"),
        ]))
        .expect_err("invalid");
        assert_eq!(errors.get("languages"), Some(&FieldError::UnknownChoice));
        assert_eq!(errors.get("description"), Some(&FieldError::Required));
        assert_eq!(errors.get("channel_kind_0"), Some(&FieldError::UnknownChoice));
        assert_eq!(errors.get("channel_value_1"), Some(&FieldError::InvalidEmail));
        let none = parse_profile(&form(&[("description", "x")])).expect_err("no language");
        assert_eq!(none.get("languages"), Some(&FieldError::ChooseLanguage));
    }
}
