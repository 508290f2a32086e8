//! A phone number as the data has it ("+420 252 543 846 (information
//! centre, 2020)", "800 100 000 (newinprague.cz); Prague Contact Centre
//! 1244") split into the number to call, as written, and the note around it,
//! so that a year in a note never becomes digits of the number.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// "+420252543846", for `tel:` links.
    pub e164: String,
    /// The number as written ("+420 252 543 846").
    pub shown: String,
    /// Everything else ("(information centre, 2020)"), possibly empty.
    pub note: String,
}

/// Country calling codes of the cities' countries (ISO 3166 code).
fn calling_code(country: &str) -> Option<&'static str> {
    match country {
        "CZ" => Some("420"),
        "SK" => Some("421"),
        _ => None,
    }
}

/// The first number in `text`; None when there is none that could be called.
pub fn split(text: &str, country: &str) -> Option<Phone> {
    let start = text.find(|c: char| c.is_ascii_digit() || c == '+')?;
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == ' ' || (*c == '+' && *i == 0)))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let shown = rest[..end].trim().to_string();
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let e164 = if shown.starts_with('+') {
        format!("+{digits}")
    } else {
        // A national number: Czech ones have nine digits, Slovak ones a
        // leading 0 (trunk prefix) before nine.
        let national = match country {
            "SK" => digits.strip_prefix('0').unwrap_or(&digits),
            _ => &digits,
        };
        if national.len() != 9 {
            return None;
        }
        format!("+{}{national}", calling_code(country)?)
    };
    if !(8..=15).contains(&(e164.len() - 1)) {
        return None;
    }
    let note = format!("{}{}", &text[..start], &rest[end..]);
    let note = note.trim().trim_start_matches([';', ',']).trim().to_string();
    Some(Phone { e164, shown, note })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_stays_out_of_the_number() {
        let p = split("+420 252 543 846 (information centre, 2020)", "CZ").expect("a number");
        assert_eq!(p.e164, "+420252543846");
        assert_eq!(p.shown, "+420 252 543 846");
        assert_eq!(p.note, "(information centre, 2020)");
        let p = split("800 100 000 (newinprague.cz); Prague Contact Centre 1244", "CZ")
            .expect("a national number");
        assert_eq!(p.e164, "+420800100000");
        assert!(p.note.contains("1244"), "{}", p.note);
        let p = split("055 123 4567", "SK").expect("a Slovak number");
        assert_eq!(p.e164, "+421551234567");
        assert_eq!(split("1244", "CZ"), None);
        assert_eq!(split("call us", "CZ"), None);
    }
}
